package dev.lectern.application.port.in.access;

import dev.lectern.domain.org.Organization;
import dev.lectern.domain.token.ApiToken;

/** Who is calling, and in which organization the call acts. */
public record Caller(ApiToken token, Organization org) {}

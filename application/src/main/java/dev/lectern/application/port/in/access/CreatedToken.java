package dev.lectern.application.port.in.access;

import dev.lectern.domain.token.ApiToken;

/** A token just issued, with the only copy of its secret. */
public record CreatedToken(ApiToken token, String secret) {}

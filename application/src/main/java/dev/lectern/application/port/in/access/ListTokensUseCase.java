package dev.lectern.application.port.in.access;

import dev.lectern.domain.token.ApiToken;
import java.util.List;

/** Use case: listing every token, without secrets. */
public interface ListTokensUseCase {
  List<ApiToken> list();
}

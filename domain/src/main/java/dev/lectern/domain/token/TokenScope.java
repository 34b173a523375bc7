package dev.lectern.domain.token;

import java.util.Locale;
import java.util.Optional;

/** What a token may reach: every organization, one, or one assistant of one. */
public enum TokenScope {
  SUPER,
  ORG,
  /** A key that only asks one assistant (a bot's or an agent's key). */
  ASSISTANT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TokenScope> fromWireName(String name) {
    for (TokenScope scope : values()) {
      if (scope.wireName().equals(name)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}

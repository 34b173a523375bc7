package dev.lectern.application.port.in.access;

/**
 * Input of {@link AuthenticateUseCase}: a dialect's way of naming who calls.
 *
 * @param secret the bearer secret; null or blank when none was sent
 * @param orgSlug the requested organization; null when none was named
 * @param orgChoice which organization an unnamed one is
 * @param assistantKeys whether a key scoped to one assistant is accepted (the bot and agent APIs);
 *     elsewhere it is refused, since it reaches no more than its assistant
 */
public record AuthenticateCommand(
    String secret, String orgSlug, OrgChoice orgChoice, boolean assistantKeys) {

  /** The organization a call acts in when it names none. */
  public enum OrgChoice {
    /** {@code default} (Zylon's rule). */
    DEFAULT_ORG,
    /** The token's own (RAGFlow, where the key is the tenant, and Lectern's own API). */
    TOKEN_ORG
  }

  public AuthenticateCommand {
    if (orgChoice == null) {
      orgChoice = OrgChoice.DEFAULT_ORG;
    }
  }

  public AuthenticateCommand(String secret, String orgSlug) {
    this(secret, orgSlug, OrgChoice.DEFAULT_ORG, false);
  }
}

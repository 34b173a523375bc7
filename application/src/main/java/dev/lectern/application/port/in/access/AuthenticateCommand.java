package dev.lectern.application.port.in.access;

/**
 * Input of {@link AuthenticateUseCase}.
 *
 * @param secret the bearer secret; null or blank when none was sent
 * @param orgSlug the requested organization; null for the default
 * @param tokenOrgByDefault whether the default is the token's own organization (RAGFlow, where the
 *     key is the tenant) rather than {@code default} (Zylon)
 */
public record AuthenticateCommand(String secret, String orgSlug, boolean tokenOrgByDefault) {
  public AuthenticateCommand(String secret, String orgSlug) {
    this(secret, orgSlug, false);
  }
}

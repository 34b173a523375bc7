package dev.lectern.application.port.in.access;

/**
 * Input of {@link AuthenticateUseCase}.
 *
 * @param secret the bearer secret; null or blank when none was sent
 * @param orgSlug the requested organization; null for {@code default}
 */
public record AuthenticateCommand(String secret, String orgSlug) {}

package dev.lectern.application.port.in.access;

import java.util.Optional;

/**
 * Use case: preparing a new installation: the {@code default} organization and a super-admin token.
 */
public interface InitializeInstallationUseCase {
  /**
   * Ensures the default org exists and that a super-admin token exists. With {@code presetSecret}
   * that secret becomes a super-admin token; otherwise a new one is generated only when no active
   * super-admin token exists.
   *
   * @return the secret of a token generated now, to be shown once
   */
  Optional<String> initialize(String presetSecret);
}

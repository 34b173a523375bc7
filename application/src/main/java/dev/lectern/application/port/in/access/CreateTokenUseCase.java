package dev.lectern.application.port.in.access;

/** Use case: issuing a new API token; its secret is returned once and never stored. */
public interface CreateTokenUseCase {
  CreatedToken create(CreateTokenCommand command);
}

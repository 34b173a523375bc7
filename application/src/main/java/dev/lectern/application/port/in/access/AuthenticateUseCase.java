package dev.lectern.application.port.in.access;

/** Use case: turning a bearer secret and an optional org slug into a caller. */
public interface AuthenticateUseCase {
  Caller authenticate(AuthenticateCommand command);
}

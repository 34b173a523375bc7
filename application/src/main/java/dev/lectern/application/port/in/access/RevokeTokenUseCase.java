package dev.lectern.application.port.in.access;

/** Use case: revoking a token by id; it stops working at once. */
public interface RevokeTokenUseCase {
  void revoke(String tokenId);
}

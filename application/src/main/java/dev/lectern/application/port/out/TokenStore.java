package dev.lectern.application.port.out;

import dev.lectern.domain.token.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: persistence of API tokens, addressed by the hash of their secret. */
public interface TokenStore {
  void save(ApiToken token, String secretHash);

  /** The token whose secret hashes to {@code secretHash}, revoked or not. */
  Optional<ApiToken> findByHash(String secretHash);

  List<ApiToken> list();

  /** The keys of one assistant, revoked or not, oldest first. */
  List<ApiToken> listForAssistant(String orgId, String assistantId);

  /** Marks the token revoked; false when no unrevoked token has that id. */
  boolean revoke(String id, Instant at);

  void recordUse(String id, Instant at);
}

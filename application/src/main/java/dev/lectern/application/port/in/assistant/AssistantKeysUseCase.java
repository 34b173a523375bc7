package dev.lectern.application.port.in.assistant;

import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.domain.token.ApiToken;
import java.util.List;

/** Use case: keys that reach one assistant only, as bot and agent APIs hand them out. */
public interface AssistantKeysUseCase {
  /** A new key; its secret is in the result and nowhere else. */
  CreatedToken createKey(String orgId, String assistantId, String name);

  /** The assistant's keys, revoked ones included, oldest first. */
  List<ApiToken> keys(String orgId, String assistantId);

  void revokeKey(String orgId, String assistantId, String keyId);
}

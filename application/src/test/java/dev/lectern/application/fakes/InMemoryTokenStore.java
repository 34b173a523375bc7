package dev.lectern.application.fakes;

import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.token.ApiToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake: tokens in a map keyed by secret hash. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, ApiToken> byHash = new LinkedHashMap<>();

  @Override
  public synchronized void save(ApiToken token, String secretHash) {
    byHash.put(secretHash, token);
  }

  @Override
  public synchronized Optional<ApiToken> findByHash(String secretHash) {
    return Optional.ofNullable(byHash.get(secretHash));
  }

  @Override
  public synchronized List<ApiToken> list() {
    return new ArrayList<>(byHash.values());
  }

  @Override
  public synchronized List<ApiToken> listForAssistant(String orgId, String assistantId) {
    return byHash.values().stream()
        .filter(t -> t.orgId().equals(orgId) && assistantId.equals(t.assistantId()))
        .toList();
  }

  @Override
  public synchronized boolean revoke(String id, Instant at) {
    return update(id, t -> t.revoked() ? null : with(t, t.lastUsedAt(), at));
  }

  @Override
  public synchronized void recordUse(String id, Instant at) {
    update(id, t -> with(t, at, t.revokedAt()));
  }

  private boolean update(String id, java.util.function.UnaryOperator<ApiToken> change) {
    for (Map.Entry<String, ApiToken> entry : byHash.entrySet()) {
      if (entry.getValue().id().equals(id)) {
        ApiToken changed = change.apply(entry.getValue());
        if (changed == null) {
          return false;
        }
        entry.setValue(changed);
        return true;
      }
    }
    return false;
  }

  private static ApiToken with(ApiToken t, Instant lastUsed, Instant revoked) {
    return new ApiToken(
        t.id(), t.name(), t.scope(), t.orgId(), t.createdAt(), lastUsed, revoked, t.assistantId());
  }
}

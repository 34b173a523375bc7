package dev.lectern.application.service.assistant;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.application.port.in.assistant.AssistantKeysUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.application.service.NewIds;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.text.TextLimits;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
import dev.lectern.domain.token.TokenSecret;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Service: assistants and their keys, checked whole before anything is stored. */
public final class AssistantService implements ManageAssistantsUseCase, AssistantKeysUseCase {
  private final AssistantStore assistants;
  private final CollectionStore collections;
  private final ModelCatalog models;
  private final TokenStore tokens;
  private final Clock clock;

  public AssistantService(
      AssistantStore assistants,
      CollectionStore collections,
      ModelCatalog models,
      TokenStore tokens,
      Clock clock) {
    this.assistants = assistants;
    this.collections = collections;
    this.models = models;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** How often an update is tried again on a state another request changed meanwhile. */
  private static final int MAX_UPDATE_ATTEMPTS = 8;

  @Override
  public Assistant create(String orgId, AssistantDraft draft) {
    if (draft.name() == null) {
      throw new InvalidRequest("name: Field required", "name");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Assistant fresh =
        Assistant.create(orgId, NewIds.next(), AssistantChanges.name(draft.name()), List.of(), now);
    Assistant assistant = checked(AssistantChanges.apply(fresh, draft, now));
    if (!assistants.insert(assistant)) {
      throw taken(assistant.name());
    }
    return assistant;
  }

  @Override
  public Assistant update(String orgId, String id, AssistantDraft changes) {
    for (int attempt = 1; ; attempt++) {
      Assistant current = find(orgId, id);
      AssistantDraft draft = changes;
      if (changes.collections() == null) {
        // Collections deleted since are let go, so that the rest of the update still applies.
        draft =
            changes.withCollections(
                current.collections().stream()
                    .filter(c -> collections.find(orgId, c).isPresent())
                    .toList());
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      if (!now.isAfter(current.updatedAt())) {
        now = current.updatedAt().plus(1, ChronoUnit.MICROS);
      }
      Assistant assistant = checked(AssistantChanges.apply(current, draft, now));
      switch (assistants.updateIfUnchanged(assistant, current.updatedAt())) {
        case UPDATED -> {
          return assistant;
        }
        case NAME_TAKEN -> throw taken(assistant.name());
        case CHANGED -> {
          // Changed by another request since it was read: apply these changes to that state.
          if (attempt == MAX_UPDATE_ATTEMPTS) {
            throw new Conflict("the assistant is being changed by another request; retry", "id");
          }
        }
      }
    }
  }

  @Override
  public Assistant find(String orgId, String id) {
    return assistants
        .find(orgId, id)
        .orElseThrow(
            () ->
                NotFound.of(
                    "assistant '" + TextLimits.cut(id, 100) + "' not found", "assistant", id));
  }

  @Override
  public Optional<Assistant> findPublic(String id) {
    return assistants.findPublic(id);
  }

  @Override
  public List<Assistant> list(String orgId) {
    return assistants.list(orgId);
  }

  @Override
  public void delete(String orgId, String id) {
    find(orgId, id);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (ApiToken key : tokens.listForAssistant(orgId, id)) {
      tokens.revoke(key.id(), now);
    }
    assistants.delete(orgId, id);
  }

  @Override
  public CreatedToken createKey(String orgId, String assistantId, String name) {
    find(orgId, assistantId);
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 200) {
      throw new InvalidRequest("name: must be 1 to 200 characters", "name");
    }
    String secret = TokenSecret.generate();
    ApiToken key =
        new ApiToken(
            UUID.randomUUID().toString(),
            label,
            TokenScope.ASSISTANT,
            orgId,
            clock.instant(),
            null,
            null,
            assistantId);
    tokens.save(key, TokenSecret.hash(secret));
    return new CreatedToken(key, secret);
  }

  @Override
  public List<ApiToken> keys(String orgId, String assistantId) {
    find(orgId, assistantId);
    return tokens.listForAssistant(orgId, assistantId);
  }

  @Override
  public void revokeKey(String orgId, String assistantId, String keyId) {
    boolean known =
        keys(orgId, assistantId).stream().anyMatch(key -> key.id().equals(keyId) && !key.revoked());
    if (!known || !tokens.revoke(keyId, clock.instant())) {
      throw NotFound.of(
          "key '" + TextLimits.cut(keyId, 100) + "' not found for this assistant", "key", keyId);
    }
  }

  /** The assistant when what it names exists: its collections and its model. */
  private Assistant checked(Assistant assistant) {
    for (CollectionId id : new LinkedHashSet<>(assistant.collections())) {
      if (collections.find(assistant.orgId(), id).isEmpty()) {
        throw NotFound.of(
            "collections: collection '" + id.value() + "' not found", "collections", id.value());
      }
    }
    if (jsonLength(assistant.attributes()) > Assistant.MAX_ATTRIBUTES_JSON) {
      throw new InvalidRequest(
          "attributes: at most " + Assistant.MAX_ATTRIBUTES_JSON + " characters as JSON",
          "attributes");
    }
    models.resolve(assistant.model().model());
    return assistant;
  }

  /** The length of the attributes written as a JSON object, escapes included. */
  private static long jsonLength(Map<String, String> attributes) {
    long length = 2;
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      length += jsonLength(entry.getKey()) + jsonLength(entry.getValue()) + 2;
    }
    return length;
  }

  private static long jsonLength(String text) {
    long length = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
    }
    return length;
  }

  private static Conflict taken(String name) {
    return new Conflict("name: an assistant named '" + name + "' already exists", "name");
  }
}

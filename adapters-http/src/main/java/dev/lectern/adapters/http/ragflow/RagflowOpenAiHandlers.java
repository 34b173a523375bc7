package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.OpenAiUsage;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.adapters.http.common.WholeAnswer;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AskAssistantCommand;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.document.ListDocumentsUseCase;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.Reference;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * RAGFlow's OpenAI-compatible chat endpoint: a chat answers the conversation the client sends, with
 * its own prompt, datasets and settings; nothing is stored. Streams by default (v0.24), in {@code
 * chat.completion.chunk}s ending with a chunk that has the usage and {@code finish_reason} ({@code
 * "stop"} or {@code "length"}), then {@code data:[DONE]}.
 */
final class RagflowOpenAiHandlers {
  /** The use cases these handlers call. */
  record UseCases(
      ManageAssistantsUseCase assistants,
      AskAssistantUseCase asks,
      ListDocumentsUseCase documents) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowOpenAiHandlers(UseCases useCases, RagflowAuth auth, RagflowBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  void completions(Context ctx) {
    RagflowAuth.Deferred caller = auth.deferredTenant(ctx);
    ObjectNode body = bodies.object(ctx);
    RagflowOpenAiRequest.requireArguments(body);
    String org = caller.get().org().id();
    String chatId = ctx.pathParam("chat_id");
    ObjectNode extra = RagflowOpenAiRequest.extraBody(body);
    RagflowOpenAiRequest request =
        RagflowOpenAiRequest.read(body, extra, ctx.header("X-Stainless-Lang") != null);
    Assistant chat =
        RagflowLookups.chat(useCases.assistants(), org, chatId)
            .orElseThrow(() -> RagflowErrors.data("You don't own the chat " + chatId));
    MetadataFilter documents = RagflowOpenAiRequest.condition(extra.get("metadata_condition"));
    AskAssistantCommand command =
        new AskAssistantCommand(
            org,
            chatId,
            request.messages(),
            null,
            null,
            AnswerFrame.MODEL.withDocuments(documents));
    Function<List<Reference>, ArrayNode> reference =
        request.reference() ? references(org, request.metadataFields()) : null;
    if (request.stream()) {
      stream(ctx, command, chat, reference);
      return;
    }
    Answer answer = WholeAnswer.of(stream -> useCases.asks().ask(command, stream)).answer();
    Json.respond(ctx, 200, RagflowChatWire.sorted(whole(answer, chat, request, reference)));
  }

  /** How the reference is written: its chunks, with their documents' metadata if asked for. */
  private Function<List<Reference>, ArrayNode> references(String org, List<String> fields) {
    if (fields == null) {
      return RagflowReferences::chunks;
    }
    Map<String, Map<String, Object>> byDocument = new HashMap<>();
    Function<Reference, Map<String, Object>> metadata =
        reference ->
            byDocument.computeIfAbsent(
                reference.collectionId() + "/" + reference.documentId(),
                key -> documentMetadata(org, reference, fields));
    return references -> RagflowReferences.chunks(references, metadata);
  }

  private Map<String, Object> documentMetadata(
      String org, Reference reference, List<String> fields) {
    Map<String, Object> all =
        useCases
            .documents()
            .find(
                new ArtifactKey(
                    org,
                    new CollectionId(reference.collectionId()),
                    new ArtifactId(reference.documentId())))
            .map(view -> view.entry().metaFields())
            .orElseGet(HashMap::new);
    if (fields.isEmpty()) {
      return all;
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    fields.stream().filter(all::containsKey).forEach(field -> kept.put(field, all.get(field)));
    return kept;
  }

  private void stream(
      Context ctx,
      AskAssistantCommand command,
      Assistant chat,
      Function<List<Reference>, ArrayNode> reference) {
    LazySse sse = new LazySse(ctx, SseWriter.Framing.TIGHT_DONE);
    sse.begin();
    useCases.asks().ask(command, new RagflowOpenAiStream(sse, chat, reference));
    sse.done();
  }

  private static ObjectNode whole(
      Answer answer,
      Assistant chat,
      RagflowOpenAiRequest request,
      Function<List<Reference>, ArrayNode> reference) {
    ObjectNode node = Json.object();
    node.put("id", "chatcmpl-" + chat.id());
    node.put("object", "chat.completion");
    node.put("created", System.currentTimeMillis() / 1000);
    node.put("model", request.model());
    ObjectNode usage = OpenAiUsage.of(answer);
    ObjectNode details = usage.putObject("completion_tokens_details");
    details.put("reasoning_tokens", 0);
    details.put("accepted_prediction_tokens", answer.outputTokens());
    details.put("rejected_prediction_tokens", 0);
    node.set("usage", usage);
    ArrayNode choices = node.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", RagflowCitations.rewrite(answer.text(), chat.showQuote()));
    if (reference != null) {
      message.set("reference", reference.apply(answer.references()));
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", OpenAiUsage.finishReason(answer.finishReason()));
    return node;
  }
}

package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.MessageContent;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.conversation.ModelMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to RAGFlow's OpenAI-compatible chat endpoint, read in RAGFlow's order: {@code model}
 * and {@code messages} present, then {@code extra_body} (nested as RAGFlow reads it, or flattened
 * into the body as OpenAI SDKs send it), then the messages themselves.
 *
 * @param model the model the client named, echoed in a whole answer
 * @param messages the conversation without system messages, the user's question last
 * @param reference whether the answer carries the chunks it drew on
 * @param metadataFields the document metadata each chunk of the reference carries: null for none,
 *     empty for all of it
 */
record RagflowOpenAiRequest(
    String model,
    List<ModelMessage> messages,
    boolean stream,
    boolean reference,
    List<String> metadataFields) {

  /** RAGFlow's {@code validate_request}: runs before the key is even looked at. */
  static void requireArguments(ObjectNode body) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of("model", "messages")) {
      if (!body.has(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw RagflowErrors.incomplete(
          "required argument are missing: " + String.join(",", missing) + "; ");
    }
  }

  /** The body's {@code extra_body} options: nested, or else the body's own keys. */
  static ObjectNode extraBody(ObjectNode body) {
    JsonNode nested = body.get("extra_body");
    if (nested != null && !nested.isNull()) {
      if (!nested.isObject()) {
        throw RagflowErrors.data("extra_body must be an object.");
      }
      return (ObjectNode) nested;
    }
    return body;
  }

  /**
   * Reads the request; the chat's ownership is checked between the messages and the condition.
   *
   * @param officialSdk whether the client is one of OpenAI's official SDKs (they send {@code
   *     X-Stainless-Lang}), which ask for a stream with {@code "stream":true} and otherwise send no
   *     {@code stream} at all: for them an absent {@code stream} means a whole answer, for every
   *     other client the seed's default, a stream
   */
  static RagflowOpenAiRequest read(ObjectNode body, ObjectNode extra, boolean officialSdk) {
    JsonNode metadata = extra.get("reference_metadata");
    List<String> metadataFields = null;
    if (metadata != null && !metadata.isNull()) {
      if (!metadata.isObject()) {
        throw RagflowErrors.data("reference_metadata must be an object.");
      }
      JsonNode fields = metadata.get("fields");
      if (fields != null && !fields.isNull() && !fields.isArray()) {
        throw RagflowErrors.data("reference_metadata.fields must be an array.");
      }
      if (RagflowChatRequests.truthy(metadata.get("include"))) {
        metadataFields = new ArrayList<>();
        if (fields != null && fields.isArray()) {
          for (JsonNode field : fields) {
            if (field.isTextual()) {
              metadataFields.add(field.asText());
            }
          }
        }
      }
    }
    JsonNode given = body.get("messages");
    if (given == null || !given.isArray() || given.isEmpty()) {
      throw RagflowErrors.data("You have to provide messages.");
    }
    List<ModelMessage> messages = new ArrayList<>();
    String lastRole = null;
    for (JsonNode message : given) {
      String role = message.isObject() ? RagflowChatRequests.text(message.get("role")) : null;
      lastRole = role;
      if ("user".equals(role)) {
        messages.add(ModelMessage.user(content(message.get("content"))));
      } else if ("assistant".equals(role)) {
        messages.add(ModelMessage.assistant(content(message.get("content"))));
      }
    }
    if (!"user".equals(lastRole) || messages.getLast().text().isBlank()) {
      throw RagflowErrors.data("The last content of this conversation is not from user.");
    }
    return new RagflowOpenAiRequest(
        RagflowChatRequests.text(body.get("model")),
        messages,
        body.has("stream") ? RagflowChatRequests.truthy(body.get("stream")) : !officialSdk,
        RagflowChatRequests.truthy(extra.get("reference")),
        metadataFields);
  }

  /**
   * A {@code metadata_condition} as the documents an answer's passages may come from; RAGFlow's
   * last check, that it is an object, comes first.
   */
  static MetadataFilter condition(JsonNode condition) {
    if (!RagflowChatRequests.truthy(condition)) {
      return MetadataFilter.NONE;
    }
    if (!condition.isObject()) {
      throw RagflowErrors.data("metadata_condition must be an object.");
    }
    return RagflowMetadata.filter(condition);
  }

  /** A message's text: a string, or the text parts of a list of content parts. */
  static String content(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    String text = MessageContent.text(content);
    return text != null ? text : RagflowChatRequests.text(content);
  }
}

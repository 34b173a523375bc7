package dev.lectern.application.service.answer;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.PassageText;
import dev.lectern.domain.conversation.SystemPrompt;
import dev.lectern.domain.conversation.ToolChoice;
import java.util.List;
import java.util.Objects;

/**
 * The plan of one answer, whoever asks: the instructions, the turns the model sees, how it samples,
 * what it may draw on, and how the answer is put together around the model's reply. Every answering
 * use case builds one and hands it to {@link AnswerPipeline}.
 *
 * @param model a model's name, resolved by the catalog's one rule; null for the default
 * @param prompt the system prompt with places for the passages
 * @param turns the conversation the model sees, the question last
 * @param knowledge what to retrieve, or null for nothing
 * @param framing the texts around the model's reply, or a fixed answer
 * @param fitsHistory whether the oldest turns give way when the prompt is too long for the model's
 *     window (a stored conversation); else such a prompt is refused (the client chose it)
 */
record AnswerPlan(
    String orgId,
    String model,
    SystemPrompt prompt,
    List<ModelMessage> turns,
    ModelSettings settings,
    List<ModelTool> tools,
    ToolChoice toolChoice,
    Knowledge knowledge,
    Framing framing,
    boolean fitsHistory) {
  AnswerPlan {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(prompt, "prompt");
    turns = List.copyOf(turns);
    tools = tools == null ? List.of() : List.copyOf(tools);
    framing = framing == null ? Framing.MODEL : framing;
  }

  /**
   * What to retrieve for the question: the best {@code topK} chunks of the collections (narrowed to
   * some artifacts, null for all, and by metadata) scoring at least {@code threshold}, the first
   * {@code topN} of them.
   *
   * @param skipsGone whether a collection deleted since (an assistant's) leaves the others to
   *     answer, rather than refusing the request
   */
  record Knowledge(
      List<CollectionId> collections,
      List<ArtifactId> artifacts,
      MetadataFilter filter,
      String question,
      int topK,
      double threshold,
      int topN,
      boolean skipsGone) {
    Knowledge {
      collections = List.copyOf(collections);
      artifacts = artifacts == null ? null : List.copyOf(artifacts);
      filter = filter == null ? MetadataFilter.NONE : filter;
    }
  }

  /**
   * How the answer is put together around the model's reply.
   *
   * @param question the user's turn as the model sees it (the question put in a template), or null
   *     for the question itself
   * @param before text the answer starts with; the whole answer when the model is not asked
   * @param after text the answer ends with, after the model's reply
   * @param asksModel whether the model writes the answer
   * @param whenNothingFound the answer when the knowledge held nothing relevant, instead of the
   *     model's; null to ask the model anyway
   */
  record Framing(
      PassageText question,
      PassageText before,
      PassageText after,
      boolean asksModel,
      String whenNothingFound) {
    static final Framing MODEL =
        new Framing(null, PassageText.EMPTY, PassageText.EMPTY, true, null);

    /** Whether the passages are needed: the model sees them, or the fixed text shows them. */
    boolean needsPassages() {
      return asksModel || before.showsPassages();
    }
  }
}

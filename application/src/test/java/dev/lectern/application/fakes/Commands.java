package dev.lectern.application.fakes;

import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.KnowledgeScope;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.ToolChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixture: builders of the answer pipeline's commands, so that a test names only what it is about;
 * everything else takes the defaults a plain client would send.
 */
public final class Commands {
  private Commands() {}

  /** A question to assistant {@code a1} of {@code org1} in its conversation {@code s1}. */
  public static Question question(String text) {
    return new Question(text);
  }

  /** A reply to one user message, in {@code org1}, with the default model and no knowledge. */
  public static Reply reply(String userText) {
    return new Reply().user(userText);
  }

  /** Builds an {@link AnswerQuestionCommand}. */
  public static final class Question {
    private final String text;
    private String orgId = "org1";
    private String assistantId = "a1";
    private String conversationId = "s1";
    private String parentMessageId;
    private Integer maxTokens;
    private Double temperature;
    private AnswerFrame frame;

    private Question(String text) {
      this.text = text;
    }

    public Question org(String value) {
      orgId = value;
      return this;
    }

    public Question assistant(String value) {
      assistantId = value;
      return this;
    }

    public Question conversation(String value) {
      conversationId = value;
      return this;
    }

    /** The message the question follows, to branch from it. */
    public Question after(String messageId) {
      parentMessageId = messageId;
      return this;
    }

    public Question maxTokens(int value) {
      maxTokens = value;
      return this;
    }

    public Question temperature(double value) {
      temperature = value;
      return this;
    }

    /** How the answer is put together. */
    public Question frame(AnswerFrame value) {
      frame = value;
      return this;
    }

    public AnswerQuestionCommand build() {
      return new AnswerQuestionCommand(
          orgId, assistantId, conversationId, parentMessageId, text, maxTokens, temperature, frame);
    }
  }

  /** Builds a {@link ComposeReplyCommand}. */
  public static final class Reply {
    private String orgId = "org1";
    private String model;
    private String system;
    private final List<ModelMessage> messages = new ArrayList<>();
    private ModelSettings settings = ModelSettings.DEFAULTS;
    private final List<ModelTool> tools = new ArrayList<>();
    private ToolChoice toolChoice;
    private KnowledgeScope knowledge;

    private Reply() {}

    public Reply org(String value) {
      orgId = value;
      return this;
    }

    public Reply model(String value) {
      model = value;
      return this;
    }

    public Reply system(String value) {
      system = value;
      return this;
    }

    public Reply user(String text) {
      messages.add(ModelMessage.user(text));
      return this;
    }

    public Reply assistant(String text) {
      messages.add(ModelMessage.assistant(text));
      return this;
    }

    public Reply settings(ModelSettings value) {
      settings = value;
      return this;
    }

    public Reply maxTokens(int value) {
      settings =
          new ModelSettings(
              settings.temperature(),
              settings.topP(),
              value,
              settings.stop(),
              settings.presencePenalty(),
              settings.frequencyPenalty());
      return this;
    }

    public Reply tool(ModelTool tool) {
      tools.add(tool);
      return this;
    }

    public Reply toolChoice(ToolChoice value) {
      toolChoice = value;
      return this;
    }

    /** Retrieves the best {@code topK} chunks of the collection for the last user message. */
    public Reply knowledge(String collection, int topK) {
      knowledge = new KnowledgeScope(new CollectionId(collection), null, null, topK);
      return this;
    }

    public Reply knowledge(KnowledgeScope value) {
      knowledge = value;
      return this;
    }

    public ComposeReplyCommand build() {
      return new ComposeReplyCommand(
          orgId, model, system, messages, settings, tools, toolChoice, knowledge);
    }
  }
}

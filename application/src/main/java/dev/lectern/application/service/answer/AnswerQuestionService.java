package dev.lectern.application.service.answer;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.service.NewIds;
import dev.lectern.application.service.conversation.AnonymousQuota;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.ConversationTree;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.History;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Service: the retrieval-augmented answer. Retrieves from the assistant's collections, asks its
 * model with the branch of the conversation the question follows, streams the answer and stores
 * question and answer in one step — a cut stream as a partial answer, a failure before any text as
 * nothing at all.
 */
public final class AnswerQuestionService implements AnswerQuestionUseCase {
  private final ConversationStore conversations;
  private final AssistantPlans plans;
  private final AnswerPipeline pipeline;
  private final Clock clock;
  private final Supplier<String> ids;
  private final AnonymousQuota anonymous;

  /** Answers whose anonymous conversations are kept within {@code anonymous}'s quota. */
  public AnswerQuestionService(
      AssistantStore assistants,
      ConversationStore conversations,
      AnswerPipeline pipeline,
      Clock clock,
      AnonymousQuota anonymous) {
    this(assistants, conversations, pipeline, clock, anonymous, NewIds::next);
  }

  AnswerQuestionService(
      AssistantStore assistants,
      ConversationStore conversations,
      AnswerPipeline pipeline,
      Clock clock,
      AnonymousQuota anonymous,
      Supplier<String> ids) {
    this.conversations = conversations;
    this.anonymous = anonymous;
    this.plans = new AssistantPlans(assistants);
    this.pipeline = pipeline;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public void answer(AnswerQuestionCommand command, AnswerStream stream) {
    AnswerPipeline.delivering(stream, () -> answerTo(command, stream));
  }

  private void answerTo(AnswerQuestionCommand command, AnswerStream stream) {
    if (command.question().length() > Message.MAX_CONTENT_LENGTH) {
      throw new PayloadTooLarge(
          "question: longer than the "
              + Message.MAX_CONTENT_LENGTH
              + " characters a stored message holds",
          "question");
    }
    Assistant assistant = plans.active(command.orgId(), command.assistantId());
    Conversation conversation = conversation(command, assistant);
    String parentId = parent(command);
    List<ModelMessage> turns = turns(command, assistant, parentId);
    AnswerPlan plan =
        plans.plan(
            assistant,
            turns,
            command.question(),
            new AssistantPlans.Sampling(command.maxTokens(), command.temperature()),
            command.frame());
    AnswerPipeline.Prepared prepared = pipeline.prepare(plan);
    Turn turn =
        new Turn(command, parentId, ids.get(), ids.get(), clock.instant(), prepared.references());
    stream.onStart(turn.questionId(), turn.answerId());
    stream.onSources(prepared.found());
    ModelReply reply = write(prepared, turn, stream);
    Answer done = store(turn, reply);
    if (conversation.anonymous()) {
      // Before the answer is complete for its client, so that a failure here is the answer's.
      anonymous.keepWithinQuota(command.orgId(), assistant.id(), conversation.id());
    }
    stream.onComplete(done);
  }

  /**
   * The reply written to {@code stream}; a failure after some of it keeps what a live client saw,
   * marked as cut, with the question it answers.
   */
  private ModelReply write(AnswerPipeline.Prepared prepared, Turn turn, AnswerStream stream) {
    StreamDeltas deltas = new StreamDeltas(stream);
    try {
      return pipeline.write(prepared, deltas);
    } catch (RuntimeException failure) {
      if (stream.live() && !deltas.written().isEmpty()) {
        store(
            turn,
            new ModelReply(
                deltas.written(),
                List.of(),
                FinishReason.CANCELLED,
                new ModelReply.TokenUsage(0, 0)));
      }
      throw failure;
    }
  }

  /** The assistant's conversation the command names. */
  private Conversation conversation(AnswerQuestionCommand command, Assistant assistant) {
    return conversations
        .find(command.orgId(), command.conversationId())
        .filter(c -> c.assistantId().equals(assistant.id()))
        .orElseThrow(
            () ->
                NotFound.of(
                    "conversation '" + command.conversationId() + "' not found",
                    "conversation",
                    command.conversationId()));
  }

  /**
   * The turns the model sees: the branch the question follows (within the assistant's window), as
   * {@link History} has it, then the question.
   */
  private List<ModelMessage> turns(
      AnswerQuestionCommand command, Assistant assistant, String parentId) {
    List<ModelMessage> earlier = new ArrayList<>();
    if (parentId != null) {
      for (Message message :
          conversations.branch(
              command.orgId(),
              command.conversationId(),
              parentId,
              assistant.historyWindow(),
              ConversationTree.MAX_HISTORY_CHARS)) {
        earlier.add(new ModelMessage(message.role(), message.content(), List.of(), null));
      }
    }
    List<ModelMessage> turns =
        new ArrayList<>(History.fromFirstQuestion(earlier, ModelMessage::role));
    turns.add(ModelMessage.user(command.question()));
    return turns;
  }

  /** One question and what it will be stored as. */
  private record Turn(
      AnswerQuestionCommand command,
      String parentId,
      String questionId,
      String answerId,
      Instant asked,
      List<Reference> found) {}

  private Answer store(Turn turn, ModelReply reply) {
    AnswerQuestionCommand command = turn.command();
    List<Reference> found = turn.found();
    Message question =
        new Message(
            turn.questionId(),
            command.conversationId(),
            turn.parentId(),
            Role.USER,
            command.question(),
            List.of(),
            true,
            0,
            0,
            turn.asked());
    Message answer =
        new Message(
            turn.answerId(),
            command.conversationId(),
            question.id(),
            Role.ASSISTANT,
            reply.text(),
            found,
            reply.finishReason() != FinishReason.CANCELLED,
            reply.usage().input(),
            reply.usage().output(),
            clock.instant());
    if (!conversations.appendTurn(
        command.orgId(), command.conversationId(), List.of(question, answer), answer.createdAt())) {
      throw NotFound.of(
          "conversation '" + command.conversationId() + "' not found",
          "conversation",
          command.conversationId());
    }
    return AnswerPipeline.answer(
        command.conversationId(), question.id(), answer.id(), reply, found);
  }

  /** The message the question follows: the one it names, or the conversation's last. */
  private String parent(AnswerQuestionCommand command) {
    String requested = command.parentMessageId();
    if (requested == null) {
      return conversations.lastMessageId(command.orgId(), command.conversationId()).orElse(null);
    }
    return conversations
        .message(command.orgId(), command.conversationId(), requested)
        .map(Message::id)
        .orElseThrow(
            () ->
                NotFound.of(
                    "message '" + requested + "' not found in this conversation",
                    "parent_message_id",
                    requested));
  }
}

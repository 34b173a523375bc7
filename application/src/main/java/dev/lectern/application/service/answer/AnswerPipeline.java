package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.KnowledgeText;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * The one answer pipeline every answering use case runs, whichever dialect asked: retrieve the
 * plan's knowledge, keep the passages that fit the model's window beside what must be kept, build
 * the model's request once (the prompt put together in one place, the passages held once), keep it
 * within the window, and stream the model's reply between the plan's texts.
 */
public final class AnswerPipeline {
  private final Passages passages;
  private final LanguageModel model;
  private final ModelCatalog catalog;
  private final PromptBudget budget;

  public AnswerPipeline(
      RetrieveChunksUseCase retrieval, LanguageModel model, ModelCatalog catalog) {
    this.passages = new Passages(retrieval);
    this.model = model;
    this.catalog = catalog;
    this.budget = new PromptBudget(model, catalog);
  }

  /**
   * An answer ready to be written: the chunks it draws on and the model's request, every check
   * made, so that a plan the model cannot take fails before any of the answer is sent.
   *
   * @param references the chunks as the answer refers to them, in citation order
   * @param request what the model is asked; null when it is not asked (a fixed answer)
   */
  record Prepared(
      AnswerPlan plan,
      List<Retrieval.RetrievedChunk> found,
      List<Reference> references,
      ModelRequest request) {}

  /**
   * Prepares the plan: its model resolved, the chunks it draws on (best first, as many as fit the
   * model's window beside the prompt and what must be kept of the turns), and the model's request
   * within that window (its oldest turns left out, or refused, as the plan says).
   */
  Prepared prepare(AnswerPlan plan) {
    List<Retrieval.RetrievedChunk> found = passages(plan);
    List<Reference> references = Passages.references(found);
    AnswerPlan.Framing framing = plan.framing();
    boolean nothingFound =
        found.isEmpty() && plan.knowledge() != null && framing.whenNothingFound() != null;
    if (!framing.asksModel() || nothingFound) {
      // The model is not asked: a model that has left the configuration does not matter.
      return new Prepared(plan, found, references, null);
    }
    catalog.resolve(plan.model());
    ModelRequest request = request(plan, references);
    return new Prepared(
        plan, found, references, plan.fitsHistory() ? budget.fit(request) : budget.check(request));
  }

  private List<Retrieval.RetrievedChunk> passages(AnswerPlan plan) {
    if (plan.knowledge() == null || !plan.framing().needsPassages()) {
      return List.of();
    }
    List<Retrieval.RetrievedChunk> found = passages.retrieve(plan.orgId(), plan.knowledge());
    if (found.isEmpty()) {
      return found;
    }
    List<ModelMessage> kept = plan.fitsHistory() ? List.of(plan.turns().getLast()) : plan.turns();
    int room =
        budget.roomForPassages(
            request(plan, List.of()).withMessages(questionTurn(plan, kept, List.of())),
            KnowledgeText.MAX_TOKENS);
    int fitting = KnowledgeText.fitting(Passages.references(found), room, model::tokens);
    return List.copyOf(found.subList(0, fitting));
  }

  /**
   * The reply as the plan puts it together: the model's between the plan's texts, or a fixed text;
   * each piece goes to {@code deltas} as it is written.
   */
  ModelReply write(Prepared prepared, StreamDeltas deltas) {
    AnswerPlan.Framing framing = prepared.plan().framing();
    String formatted = KnowledgeText.format(prepared.references());
    String before = framing.before().with(formatted);
    if (!framing.asksModel()) {
      return fixed(before, deltas);
    }
    deltas.startWith(before);
    ModelReply reply =
        prepared.request() == null
            ? fixed(framing.whenNothingFound(), deltas)
            : model.stream(prepared.request(), deltas);
    String after = framing.after().with(formatted);
    if (before.isEmpty() && after.isEmpty()) {
      return reply;
    }
    deltas.flush();
    if (!after.isEmpty() && reply.finishReason() != FinishReason.CANCELLED) {
      deltas.text(after);
    }
    return new ModelReply(deltas.written(), reply.toolCalls(), reply.finishReason(), reply.usage());
  }

  /**
   * What the plan's model is asked with {@code references} (before any fitting); its name as the
   * plan gives it, which the catalog's one rule resolves.
   */
  ModelRequest request(AnswerPlan plan, List<Reference> references) {
    return new ModelRequest(
        plan.model(),
        plan.prompt(),
        questionTurn(plan, plan.turns(), references),
        plan.settings(),
        plan.tools(),
        plan.toolChoice(),
        references);
  }

  /**
   * Refuses the plan as answering it would before the model is asked: knowledge naming what does
   * not exist, a prompt too long for the model.
   */
  void check(AnswerPlan plan) {
    catalog.resolve(plan.model());
    if (plan.knowledge() != null) {
      passages.check(plan.orgId(), plan.knowledge());
    }
    budget.check(request(plan, List.of()));
  }

  /** How many tokens the plan's prompt comes to before any passages. */
  int inputTokens(AnswerPlan plan) {
    catalog.resolve(plan.model());
    return model.inputTokens(request(plan, List.of()));
  }

  /** Answers the plan to {@code stream}, nothing stored: the answer's ids are null. */
  void answerUnstored(AnswerPlan plan, AnswerStream stream) {
    Prepared prepared = prepare(plan);
    stream.onStart(null, null);
    stream.onSources(prepared.found());
    ModelReply reply = write(prepared, new StreamDeltas(stream));
    stream.onComplete(answer(null, null, null, reply, prepared.references()));
  }

  /** The answer a reply makes, under these ids. */
  static Answer answer(
      String conversationId,
      String questionId,
      String answerId,
      ModelReply reply,
      List<Reference> references) {
    return new Answer(
        conversationId,
        questionId,
        answerId,
        reply.text(),
        references,
        reply.finishReason(),
        reply.usage().input(),
        reply.usage().output(),
        reply.toolCalls());
  }

  /**
   * Runs an answering use case: any failure, before or after the first piece, goes to the stream,
   * which ends itself in its dialect's in-stream form or (not yet begun) throws it on.
   */
  static void delivering(AnswerStream stream, Runnable answer) {
    try {
      answer.run();
    } catch (RuntimeException failure) {
      stream.onError(failure);
    }
  }

  /** The turns with the last one put in the plan's question template, if it has one. */
  private static List<ModelMessage> questionTurn(
      AnswerPlan plan, List<ModelMessage> turns, List<Reference> references) {
    if (plan.framing().question() == null) {
      return turns;
    }
    List<ModelMessage> asked = new ArrayList<>(turns);
    asked.set(
        asked.size() - 1,
        ModelMessage.user(plan.framing().question().with(KnowledgeText.format(references))));
    return asked;
  }

  private static ModelReply fixed(String text, StreamDeltas deltas) {
    if (!text.isEmpty()) {
      deltas.text(text);
    }
    return new ModelReply(text, List.of(), FinishReason.STOP, new ModelReply.TokenUsage(0, 0));
  }
}

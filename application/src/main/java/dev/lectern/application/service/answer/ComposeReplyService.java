package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.ComposeReplyUseCase;
import dev.lectern.application.port.in.answer.KnowledgeScope;
import dev.lectern.application.port.in.answer.Reply;
import dev.lectern.application.port.in.answer.ReplySink;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.KnowledgeText;
import dev.lectern.domain.conversation.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Service: a reply to a conversation the client keeps. With a knowledge scope, the last user
 * message is the retrieval question and the passages follow the client's system prompt, numbered
 * for citation; nothing is stored.
 */
public final class ComposeReplyService implements ComposeReplyUseCase {
  static final String PASSAGES_INTRO =
      "Answer from these passages of the documents and cite a passage as [n] where you use it.";

  private final RetrieveChunksUseCase retrieval;
  private final LanguageModel model;
  private final PromptBudget budget;

  public ComposeReplyService(
      RetrieveChunksUseCase retrieval, LanguageModel model, ModelCatalog catalog) {
    this.retrieval = retrieval;
    this.model = model;
    this.budget = new PromptBudget(model, catalog);
  }

  @Override
  public Reply compose(ComposeReplyCommand command, ReplySink sink) {
    List<Retrieval.RetrievedChunk> sources = retrieve(command);
    List<Reference> references = new ArrayList<>();
    sources.forEach(hit -> references.add(AssistantKnowledge.reference(hit)));
    List<Reference> given =
        AssistantKnowledge.fitting(
            references,
            budget.roomForPassages(unground(command), AssistantKnowledge.KNOWLEDGE_TOKENS));
    String system = command.system();
    if (!given.isEmpty()) {
      String passages = PASSAGES_INTRO + "\n\n" + KnowledgeText.format(given);
      system = system == null || system.isBlank() ? passages : system + "\n\n" + passages;
    }
    ModelRequest request =
        new ModelRequest(
            command.model(),
            system,
            command.messages(),
            command.settings(),
            command.tools(),
            command.toolChoice(),
            AssistantKnowledge.grounding(given));
    budget.check(request);
    List<Retrieval.RetrievedChunk> shown = sources.subList(0, given.size());
    sink.onSources(shown);
    return new Reply(model.stream(request, new SinkDeltas(sink)), shown);
  }

  @Override
  public int inputTokens(ComposeReplyCommand command) {
    return model.inputTokens(unground(command));
  }

  @Override
  public void check(ComposeReplyCommand command) {
    if (command.knowledge() != null) {
      search(command, command.knowledge(), "", 0);
    }
    budget.check(unground(command));
  }

  private static ModelRequest unground(ComposeReplyCommand command) {
    return new ModelRequest(
        command.model(),
        command.system(),
        command.messages(),
        command.settings(),
        command.tools(),
        command.toolChoice(),
        List.of());
  }

  private List<Retrieval.RetrievedChunk> retrieve(ComposeReplyCommand command) {
    KnowledgeScope scope = command.knowledge();
    String question = ModelMessage.lastQuestion(command.messages());
    if (scope == null || question == null) {
      return List.of();
    }
    return search(command, scope, question, scope.topK());
  }

  private List<Retrieval.RetrievedChunk> search(
      ComposeReplyCommand command, KnowledgeScope scope, String question, int topK) {
    return retrieval
        .retrieve(
            new RetrieveChunksCommand(
                command.orgId(),
                List.of(scope.collectionId()),
                scope.artifactIds(),
                scope.filter(),
                question,
                topK,
                0.0,
                1,
                topK,
                false))
        .chunks();
  }
}

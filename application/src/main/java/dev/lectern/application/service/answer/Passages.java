package dev.lectern.application.service.answer;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy: what an answer knows for its question: the best chunks by the retrieval use case every
 * dialect uses, as its plan's knowledge asks for them.
 */
final class Passages {
  private final RetrieveChunksUseCase retrieval;

  Passages(RetrieveChunksUseCase retrieval) {
    this.retrieval = retrieval;
  }

  /** The best chunks for the knowledge's question; none for no question or no collections. */
  List<Retrieval.RetrievedChunk> retrieve(String orgId, AnswerPlan.Knowledge knowledge) {
    if (knowledge.question() == null || knowledge.collections().isEmpty()) {
      return List.of();
    }
    List<CollectionId> searched = new ArrayList<>(knowledge.collections());
    while (!searched.isEmpty()) {
      try {
        return search(
            orgId, knowledge, searched, knowledge.question(), knowledge.topK(), knowledge.topN());
      } catch (NotFound gone) {
        // A collection deleted since the assistant was set up: the others still answer.
        String missing = gone.subject().orElse(null);
        if (!knowledge.skipsGone() || !searched.removeIf(c -> c.value().equals(missing))) {
          throw gone;
        }
      }
    }
    return List.of();
  }

  /** Refuses knowledge naming what does not exist, as {@link #retrieve} would. */
  void check(String orgId, AnswerPlan.Knowledge knowledge) {
    search(orgId, knowledge, knowledge.collections(), "", 0, 0);
  }

  private List<Retrieval.RetrievedChunk> search(
      String orgId,
      AnswerPlan.Knowledge knowledge,
      List<CollectionId> collections,
      String question,
      int topK,
      int topN) {
    return retrieval
        .retrieve(
            new RetrieveChunksCommand(
                orgId,
                List.copyOf(collections),
                knowledge.artifacts(),
                knowledge.filter(),
                question,
                topK,
                knowledge.threshold(),
                1,
                topN,
                false))
        .chunks();
  }

  /** A retrieved chunk as an answer refers to it. */
  static Reference reference(Retrieval.RetrievedChunk hit) {
    return new Reference(
        hit.chunk().id(),
        hit.artifact().key().collectionId().value(),
        hit.artifact().key().artifactId().value(),
        hit.artifact().current().fileName(),
        hit.score(),
        hit.chunk().text());
  }

  static List<Reference> references(List<Retrieval.RetrievedChunk> hits) {
    List<Reference> references = new ArrayList<>(hits.size());
    hits.forEach(hit -> references.add(reference(hit)));
    return references;
  }
}

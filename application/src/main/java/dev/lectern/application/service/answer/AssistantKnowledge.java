package dev.lectern.application.service.answer;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.RetrievalChoice;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.KnowledgeText;
import dev.lectern.domain.conversation.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy: what an assistant knows for a question: the best chunks of its collections by the
 * retrieval use case every dialect uses, with its top n and threshold, as references.
 */
public final class AssistantKnowledge {
  private final RetrieveChunksUseCase retrieval;

  public AssistantKnowledge(RetrieveChunksUseCase retrieval) {
    this.retrieval = retrieval;
  }

  /** The best chunks of the documents {@code documents} admits. */
  public List<Reference> retrieve(Assistant assistant, String question, MetadataFilter documents) {
    if (assistant.collections().isEmpty()) {
      return List.of();
    }
    RetrievalChoice choice = assistant.retrieval();
    List<CollectionId> searched = new ArrayList<>(assistant.collections());
    Retrieval found = null;
    while (found == null && !searched.isEmpty()) {
      try {
        found =
            retrieval.retrieve(
                new RetrieveChunksCommand(
                    assistant.orgId(),
                    List.copyOf(searched),
                    null,
                    documents,
                    question,
                    choice.topK(),
                    choice.similarityThreshold(),
                    1,
                    choice.topN(),
                    false));
      } catch (NotFound gone) {
        // A collection deleted since the assistant was set up: the others still answer.
        String missing = gone.subject().orElse(null);
        if (!searched.removeIf(c -> c.value().equals(missing))) {
          throw gone;
        }
      }
    }
    if (found == null) {
      return List.of();
    }
    List<Reference> references = new ArrayList<>();
    for (Retrieval.RetrievedChunk hit : found.chunks()) {
      references.add(reference(hit));
    }
    return references;
  }

  /** Room for the passages in a prompt, in tokens, whatever the model's own window. */
  static final int KNOWLEDGE_TOKENS = KnowledgeText.MAX_CHARS / KnowledgeText.CHARS_PER_TOKEN;

  /** The best references that fit in {@code tokens} of the prompt. */
  static List<Reference> fitting(List<Reference> references, int tokens) {
    return references.subList(
        0, KnowledgeText.fitting(references, tokens * KnowledgeText.CHARS_PER_TOKEN));
  }

  /** The references as the passages a model may quote, in citation order. */
  static List<ModelRequest.Grounding> grounding(List<Reference> references) {
    List<ModelRequest.Grounding> grounding = new ArrayList<>();
    references.forEach(
        ref -> grounding.add(new ModelRequest.Grounding(ref.chunkId(), ref.snippet())));
    return grounding;
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
}

package dev.lectern.application.port.in.retrieval;

/** Use case: the chunks of some collections that best answer a question, one page of them. */
public interface RetrieveChunksUseCase {
  Retrieval retrieve(RetrieveChunksCommand command);
}

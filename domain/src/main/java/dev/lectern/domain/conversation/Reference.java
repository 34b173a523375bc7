package dev.lectern.domain.conversation;

/**
 * Value: a retrieved chunk an answer drew on.
 *
 * @param collectionId the collection (dataset) of the document
 * @param documentId the artifact (document) id
 * @param snippet the chunk's text, or the part of it that was shown
 */
public record Reference(
    String chunkId,
    String collectionId,
    String documentId,
    String documentName,
    double score,
    String snippet) {}

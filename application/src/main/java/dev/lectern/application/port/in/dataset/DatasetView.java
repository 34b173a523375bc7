package dev.lectern.application.port.in.dataset;

import dev.lectern.domain.collection.Collection;

/** A collection as a catalogue shows it: with how many documents, chunks and tokens it holds. */
public record DatasetView(
    Collection collection, int documentCount, long chunkCount, long tokenCount) {}

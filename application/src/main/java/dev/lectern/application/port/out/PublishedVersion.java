package dev.lectern.application.port.out;

/**
 * The version of an artifact readers see, and the file name it was ingested under: all a retrieval
 * needs to check and count a candidate chunk.
 */
public record PublishedVersion(long version, String fileName) {}

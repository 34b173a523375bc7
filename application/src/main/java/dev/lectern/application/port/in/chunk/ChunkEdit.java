package dev.lectern.application.port.in.chunk;

import java.util.List;

/**
 * A change to a chunk; null fields stay as they are.
 *
 * @param content new text
 * @param keywords new important keywords
 * @param questions new questions (blank ones are dropped)
 * @param available whether retrieval may return it
 */
public record ChunkEdit(
    String content, List<String> keywords, List<String> questions, Boolean available) {}

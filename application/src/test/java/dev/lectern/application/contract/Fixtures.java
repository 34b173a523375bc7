package dev.lectern.application.contract;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import dev.lectern.domain.flow.Flow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data shared by the contract tests of every adapter. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {}

  /** The assistant with its name, access, flow and time of change replaced. */
  public static Assistant assistantWith(
      Assistant a, String name, Access access, Flow flow, Instant updatedAt) {
    return new Assistant(
        a.orgId(),
        a.id(),
        name,
        a.description(),
        a.systemPrompt(),
        a.opener(),
        a.emptyResponse(),
        a.knowledgeRequired(),
        a.collections(),
        a.model(),
        a.retrieval(),
        a.historyWindow(),
        a.showQuote(),
        access,
        a.status(),
        a.attributes(),
        flow,
        a.createdAt(),
        updatedAt);
  }

  public static ArtifactKey key(String org, String collection, String artifact) {
    return new ArtifactKey(org, new CollectionId(collection), new ArtifactId(artifact));
  }

  public static Collection collection(String org, String id) {
    return new Collection(org, new CollectionId(id), id, Language.ENGLISH, 512, T0);
  }

  public static Revision revision(long version, String content) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("file_name", "doc.txt");
    metadata.put("source", "tests");
    metadata.put("tags", List.of("a", "b"));
    metadata.put("rank", 3);
    ContentHash hash = ContentHash.of(content.getBytes(StandardCharsets.UTF_8));
    return new Revision(
        version, hash, hash, "doc.txt", content.length(), metadata, 2, 10, T0.plusSeconds(version));
  }

  public static List<Chunk> chunks(int count, String prefix) {
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chunks.add(
          new Chunk(
              UUID.randomUUID().toString(),
              i,
              prefix + " chunk number " + i,
              5,
              List.of("Title", "Section " + i)));
    }
    return chunks;
  }
}

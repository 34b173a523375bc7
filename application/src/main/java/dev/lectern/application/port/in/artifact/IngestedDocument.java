package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an ingest produced: the artifact, its content hash and its stored metadata. */
public record IngestedDocument(ArtifactKey key, ContentHash hash, Map<String, Object> metadata) {
  public IngestedDocument {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public static IngestedDocument of(Artifact artifact) {
    return new IngestedDocument(
        artifact.key(), artifact.current().contentHash(), artifact.current().metadata());
  }
}

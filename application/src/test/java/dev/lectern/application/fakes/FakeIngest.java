package dev.lectern.application.fakes;

import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.domain.collection.Language;
import java.time.Clock;

/** Fixture: an ingest over the fakes, plain text chunked by words, no downloads. */
public final class FakeIngest {
  private FakeIngest() {}

  public static IngestArtifactService over(
      InMemoryCollectionStore collections,
      InMemoryArtifactStore artifacts,
      InMemoryChunkIndex index) {
    return new IngestArtifactService(
        collections,
        artifacts,
        index,
        new WordChunker(),
        new PlainTextParser(),
        new InMemoryBlobStore(),
        uri -> {
          throw new IllegalStateException("no fetches here");
        },
        new IngestPolicy(1000, Language.ENGLISH),
        new ArtifactTaskGuard(new InMemoryTaskQueue()),
        Clock.systemUTC());
  }
}

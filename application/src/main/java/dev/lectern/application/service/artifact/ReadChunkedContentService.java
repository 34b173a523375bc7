package dev.lectern.application.service.artifact;

import dev.lectern.application.port.in.artifact.ArtifactChunk;
import dev.lectern.application.port.in.artifact.ReadChunkedContentCommand;
import dev.lectern.application.port.in.artifact.ReadChunkedContentUseCase;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.Chunker;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Service: reads the indexed chunks of the selected artifacts and regroups them to the requested
 * budget, one chunk at a time. A regrouped chunk that is exactly a stored chunk keeps its id;
 * others get a stable id derived from the artifact, version, budget and position.
 */
public final class ReadChunkedContentService implements ReadChunkedContentUseCase {
  private final ArtifactSelection selection;
  private final ChunkIndex index;
  private final Chunker chunker;

  public ReadChunkedContentService(ArtifactSelection selection, ChunkIndex index, Chunker chunker) {
    this.selection = selection;
    this.index = index;
    this.chunker = chunker;
  }

  @Override
  public ChunkedContent read(ReadChunkedContentCommand command) {
    Iterable<Artifact> selected = selection.select(command.filter());
    return sink -> {
      for (Artifact artifact : selected) {
        regroup(artifact, command.maxTokens(), sink);
      }
    };
  }

  private void regroup(Artifact artifact, int maxTokens, Consumer<ArtifactChunk> sink) {
    int[] position = {0};
    Chunker.Regrouper regrouper =
        chunker.regroup(
            maxTokens,
            piece -> {
              int at = position[0]++;
              ChunkDraft draft = piece.draft();
              String id =
                  piece.unchanged() != null
                      ? piece.unchanged().id()
                      : derivedId(artifact, maxTokens, at);
              sink.accept(
                  new ArtifactChunk(
                      artifact,
                      new Chunk(id, at, draft.text(), draft.tokenCount(), draft.headingPath())));
            });
    index.forEachChunk(artifact.key(), 0, Integer.MAX_VALUE, regrouper::add);
    regrouper.finish();
  }

  private static String derivedId(Artifact artifact, int maxTokens, int position) {
    String seed =
        artifact.key() + "|" + artifact.current().version() + "|" + maxTokens + "|" + position;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}

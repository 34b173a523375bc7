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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Service: reads the indexed chunks of the selected artifacts and regroups them to the requested
 * budget. A regrouped chunk keeps the id of the stored chunk it equals, or gets a stable id derived
 * from the artifact, version, budget and position.
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
  public List<ArtifactChunk> read(ReadChunkedContentCommand command) {
    List<ArtifactChunk> result = new ArrayList<>();
    for (Artifact artifact : selection.select(command.filter())) {
      List<Chunk> stored = index.chunksOf(artifact.key());
      List<ChunkDraft> regrouped = chunker.regroup(stored, command.maxTokens());
      for (int i = 0; i < regrouped.size(); i++) {
        ChunkDraft draft = regrouped.get(i);
        String id = idFor(artifact, stored, draft, i, command.maxTokens());
        result.add(
            new ArtifactChunk(
                artifact, new Chunk(id, i, draft.text(), draft.tokenCount(), draft.headingPath())));
      }
    }
    return result;
  }

  private static String idFor(
      Artifact artifact, List<Chunk> stored, ChunkDraft draft, int position, int maxTokens) {
    if (position < stored.size() && stored.get(position).text().equals(draft.text())) {
      return stored.get(position).id();
    }
    String seed =
        artifact.key() + "|" + artifact.current().version() + "|" + maxTokens + "|" + position;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}

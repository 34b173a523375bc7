package dev.lectern.application.service.artifact;

import dev.lectern.application.error.Unavailable;
import dev.lectern.application.port.in.artifact.ArtifactContent;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.application.port.in.artifact.ReadContentUseCase;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.domain.artifact.Artifact;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Service: reads the extracted text of the selected artifacts from the blob store. */
public final class ReadContentService implements ReadContentUseCase {
  private final ArtifactSelection selection;
  private final BlobStore blobs;

  public ReadContentService(ArtifactSelection selection, BlobStore blobs) {
    this.selection = selection;
    this.blobs = blobs;
  }

  @Override
  public List<ArtifactContent> read(ContextFilter filter) {
    return selection.select(filter).stream()
        .map(artifact -> new ArtifactContent(artifact, text(artifact)))
        .toList();
  }

  private String text(Artifact artifact) {
    byte[] bytes =
        blobs
            .get(artifact.current().textHash())
            .orElseThrow(
                () ->
                    new Unavailable(
                        "the stored text of artifact '"
                            + artifact.key().artifactId()
                            + "' is missing from the blob store"));
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

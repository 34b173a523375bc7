package dev.lectern.application.service.artifact;

import dev.lectern.application.error.Unavailable;
import dev.lectern.application.port.in.artifact.ArtifactContent;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.application.port.in.artifact.ReadContentUseCase;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.domain.artifact.Artifact;
import java.io.InputStream;
import java.util.Iterator;

/** Service: reads the extracted text of the selected artifacts from the blob store, streamed. */
public final class ReadContentService implements ReadContentUseCase {
  private final ArtifactSelection selection;
  private final BlobStore blobs;

  public ReadContentService(ArtifactSelection selection, BlobStore blobs) {
    this.selection = selection;
    this.blobs = blobs;
  }

  @Override
  public Iterable<ArtifactContent> read(ContextFilter filter) {
    Iterable<Artifact> selected = selection.select(filter);
    return () -> {
      Iterator<Artifact> artifacts = selected.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return artifacts.hasNext();
        }

        @Override
        public ArtifactContent next() {
          Artifact artifact = artifacts.next();
          return new ArtifactContent(artifact, () -> text(artifact));
        }
      };
    };
  }

  private InputStream text(Artifact artifact) {
    return blobs
        .open(artifact.current().textHash())
        .orElseThrow(
            () ->
                new Unavailable(
                    "the stored text of artifact '"
                        + artifact.key().artifactId()
                        + "' is missing from the blob store"));
  }
}

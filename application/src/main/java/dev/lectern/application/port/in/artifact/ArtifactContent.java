package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.Artifact;
import java.io.InputStream;

/**
 * An artifact with its full extracted text (markdown, UTF-8), read as a stream so that a large text
 * is never held in memory whole.
 */
public record ArtifactContent(Artifact artifact, Text text) {
  /** Opens the text; the caller closes the stream. */
  @FunctionalInterface
  public interface Text {
    InputStream open();
  }
}

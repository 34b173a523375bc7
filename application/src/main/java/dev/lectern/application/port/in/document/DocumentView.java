package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.DocumentEntry;

/**
 * A document as a catalogue shows it: its entry (synthesised for artifacts ingested without one)
 * and the artifact parsing published, if any.
 *
 * @param artifact the published artifact, or null before the first successful parse
 */
public record DocumentView(DocumentEntry entry, Artifact artifact) {
  public int chunkCount() {
    return artifact == null || !artifact.populated() ? 0 : artifact.current().chunkCount();
  }

  public long tokenCount() {
    return artifact == null || !artifact.populated() ? 0 : artifact.current().tokenCount();
  }
}

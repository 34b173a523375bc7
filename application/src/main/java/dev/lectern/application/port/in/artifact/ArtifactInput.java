package dev.lectern.application.port.in.artifact;

import java.net.URI;

/** What an ingest carries: text, the bytes of a file, or a URI to fetch. */
public sealed interface ArtifactInput {
  /** Direct text content. */
  record Text(String value) implements ArtifactInput {}

  /** A file's decoded bytes. */
  record File(byte[] bytes) implements ArtifactInput {}

  /** A document to download. */
  record Uri(URI uri) implements ArtifactInput {}
}

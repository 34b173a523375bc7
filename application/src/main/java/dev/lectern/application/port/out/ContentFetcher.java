package dev.lectern.application.port.out;

import java.net.URI;

/** Port: downloads a document from a URI, within the configured safety limits. */
public interface ContentFetcher {

  /**
   * A downloaded document.
   *
   * @param fileName the last path segment of the final URI, or empty
   */
  record Fetched(byte[] bytes, String contentType, String fileName) {}

  Fetched fetch(URI uri);
}

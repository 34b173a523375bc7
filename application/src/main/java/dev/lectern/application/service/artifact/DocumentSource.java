package dev.lectern.application.service.artifact;

import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.out.ContentFetcher;
import dev.lectern.application.port.out.DocumentParser;
import dev.lectern.domain.artifact.FileNames;
import dev.lectern.domain.artifact.Revision;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns an ingest input into bytes, a file name and a content type, within the size limit. */
final class DocumentSource {
  static final String DEFAULT_TEXT_NAME = "text_content.txt";
  static final String DEFAULT_FILE_NAME = "uploaded_file";

  private final ContentFetcher fetcher;
  private final long maxBytes;

  DocumentSource(ContentFetcher fetcher, long maxBytes) {
    this.fetcher = fetcher;
    this.maxBytes = maxBytes;
  }

  /**
   * A name taken from a download (the last path segment) fits the store: control characters are
   * dropped and a long one keeps its end, where the extension is.
   */
  static String serverName(String name) {
    if (name == null) {
      return null;
    }
    String clean = FileNames.hasControlCharacters(name) ? name.replaceAll("\\p{Cntrl}", "") : name;
    int max = Revision.MAX_FILE_NAME_LENGTH;
    return clean.length() <= max ? clean : clean.substring(clean.length() - max);
  }

  DocumentParser.Source resolve(ArtifactInput input, Map<String, Object> metadata) {
    Object named = metadata.get("file_name");
    String givenName = named instanceof String s && !s.isBlank() ? s.strip() : null;
    DocumentParser.Source source =
        switch (input) {
          case ArtifactInput.Text text ->
              new DocumentParser.Source(
                  text.value().getBytes(StandardCharsets.UTF_8),
                  givenName != null ? givenName : DEFAULT_TEXT_NAME,
                  "text/plain");
          case ArtifactInput.File file ->
              new DocumentParser.Source(
                  file.bytes(), givenName != null ? givenName : DEFAULT_FILE_NAME, null);
          case ArtifactInput.Uri uri -> {
            ContentFetcher.Fetched fetched = fetcher.fetch(uri.uri());
            String name = givenName != null ? givenName : serverName(fetched.fileName());
            yield new DocumentParser.Source(
                fetched.bytes(),
                name == null || name.isBlank() ? DEFAULT_FILE_NAME : name,
                fetched.contentType());
          }
        };
    if (source.bytes().length > maxBytes) {
      throw new PayloadTooLarge(
          "input is " + source.bytes().length + " bytes; the limit is " + maxBytes + " bytes",
          "input.value");
    }
    return source;
  }
}

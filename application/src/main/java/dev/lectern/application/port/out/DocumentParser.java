package dev.lectern.application.port.out;

/** Port: extracts markdown text from a document's bytes. */
public interface DocumentParser {

  /**
   * A document to parse.
   *
   * @param fileName the name whose extension picks the parser; may lack an extension
   * @param contentType a MIME type if one is known (from a URI), else null
   */
  record Source(byte[] bytes, String fileName, String contentType) {}

  /**
   * Returns the document's text as markdown.
   *
   * @throws dev.lectern.application.error.UnsupportedContent when the type is not supported or the
   *     bytes cannot be parsed
   */
  String parse(Source source);

  /** Whether a file of this name is of a type the parser reads, judged by its extension. */
  boolean supports(String fileName);
}

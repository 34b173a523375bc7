package dev.lectern.adapters.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The document formats Lectern parses, and how a document's format is recognised. */
enum FileType {
  TEXT,
  MARKDOWN,
  HTML,
  PDF,
  DOCX,
  CSV,
  TSV,
  JSON;

  private static final Map<String, FileType> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("txt", TEXT),
          Map.entry("text", TEXT),
          Map.entry("log", TEXT),
          Map.entry("md", MARKDOWN),
          Map.entry("markdown", MARKDOWN),
          Map.entry("html", HTML),
          Map.entry("htm", HTML),
          Map.entry("xhtml", HTML),
          Map.entry("pdf", PDF),
          Map.entry("docx", DOCX),
          Map.entry("csv", CSV),
          Map.entry("tsv", TSV),
          Map.entry("json", JSON));

  private static final Map<String, FileType> BY_CONTENT_TYPE =
      Map.of(
          "text/plain", TEXT,
          "text/markdown", MARKDOWN,
          "text/html", HTML,
          "application/xhtml+xml", HTML,
          "application/pdf", PDF,
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX,
          "text/csv", CSV,
          "text/tab-separated-values", TSV,
          "application/json", JSON);

  /** The lowercase extension of a file name, or empty when it has none. */
  static Optional<String> extension(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    String base =
        fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    if (dot <= 0 || dot == base.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(base.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static Optional<FileType> ofExtension(String extension) {
    return Optional.ofNullable(BY_EXTENSION.get(extension));
  }

  static Optional<FileType> ofContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return Optional.ofNullable(BY_CONTENT_TYPE.get(bare));
  }

  /** Recognises a format from the bytes themselves, when neither name nor type said. */
  static Optional<FileType> sniff(byte[] bytes) {
    if (startsWith(bytes, "%PDF-")) {
      return Optional.of(PDF);
    }
    if (startsWith(bytes, "PK\u0003\u0004")) {
      return Optional.of(DOCX);
    }
    if (!isText(bytes)) {
      return Optional.empty();
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return Optional.of(head.startsWith("<!doctype html") || head.startsWith("<html") ? HTML : TEXT);
  }

  /** Valid UTF-8 without NUL bytes. */
  static boolean isText(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    if (bytes.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[i] != (byte) prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}

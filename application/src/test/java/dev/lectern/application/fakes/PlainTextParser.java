package dev.lectern.application.fakes;

import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.out.DocumentParser;
import java.nio.charset.StandardCharsets;

/** Fake: accepts .txt and .md names only and decodes UTF-8. */
public final class PlainTextParser implements DocumentParser {
  @Override
  public String parse(Source source) {
    String name = source.fileName();
    if (!name.endsWith(".txt") && !name.endsWith(".md")) {
      throw new UnsupportedContent("unsupported file type: " + name, "metadata.file_name");
    }
    return new String(source.bytes(), StandardCharsets.UTF_8);
  }

  @Override
  public boolean supports(String fileName) {
    return fileName.endsWith(".txt") || fileName.endsWith(".md");
  }
}

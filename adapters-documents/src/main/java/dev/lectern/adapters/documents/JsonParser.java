package dev.lectern.adapters.documents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Parser: JSON documents, validated and pretty-printed so that every value is searchable. */
final class JsonParser implements FormatParser {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
              .build());

  @Override
  public String parse(byte[] bytes) throws IOException {
    try {
      JsonNode tree = MAPPER.readTree(TextParser.decode(bytes));
      if (tree == null) {
        return "";
      }
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IOException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }
}

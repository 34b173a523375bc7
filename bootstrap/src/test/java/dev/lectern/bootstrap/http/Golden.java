package dev.lectern.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares a response with a golden file: same fields, same values and the same key order.
 * Generated ids are replaced by {@code <uuid>} and citation ids by {@code <cite>} first.
 */
final class Golden {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private Golden() {}

  static void assertMatches(String resource, String actualBody) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + resource)) {
      assertThat(in).as("golden file " + resource).isNotNull();
      JsonNode expected = JSON.readTree(in);
      String normalised = normalise(actualBody);
      JsonNode actual = JSON.readTree(normalised);
      assertThat(actual).as("body of " + resource + ": " + actualBody).isEqualTo(expected);
      assertThat(keyOrder(actual)).as("key order of " + resource).isEqualTo(keyOrder(expected));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Replaces generated values: chunk ids (UUIDs under "id") and citation ids. */
  private static String normalise(String body) throws IOException {
    String text = body;
    JsonNode tree = JSON.readTree(body);
    for (JsonNode id : tree.findValues("id")) {
      if (id.isTextual() && UUID.matcher(id.asText()).matches()) {
        text = text.replace("\"" + id.asText() + "\"", "\"<uuid>\"");
      }
    }
    for (JsonNode cite : tree.findValues("shorter_id")) {
      text = text.replace(cite.asText(), "<cite>");
    }
    return text;
  }

  private static List<String> keyOrder(JsonNode node) {
    List<String> keys = new ArrayList<>();
    collect(node, "", keys);
    return keys;
  }

  private static void collect(JsonNode node, String path, List<String> keys) {
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                keys.add(path + "/" + name);
                collect(node.get(name), path + "/" + name, keys);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", keys);
      }
    }
  }
}

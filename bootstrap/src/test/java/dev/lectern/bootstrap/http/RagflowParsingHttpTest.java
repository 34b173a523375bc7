package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAGFlow parsing on the task engine (reference §5 items 26-27), per file type and chunk method.
 */
class RagflowParsingHttpTest {
  @TempDir Path dir;
  RunningLectern lectern;

  @BeforeEach
  void start() {
    lectern = RunningLectern.start(dir);
  }

  @AfterEach
  void stop() {
    lectern.close();
  }

  String dataset(String body) {
    return call("POST", "/api/v1/datasets", body).get("data").get("id").asText();
  }

  JsonNode call(String method, String path, String body) {
    Reply reply = lectern.send(method, path, ADMIN, body, body == null ? null : "application/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  Map<String, String> upload(String dataset, Map<String, byte[]> files) {
    List<Map.Entry<String, byte[]>> parts = new ArrayList<>(files.entrySet());
    JsonNode reply =
        lectern.upload("/api/v1/datasets/" + dataset + "/documents", ADMIN, "file", parts).json();
    assertThat(reply.path("code").asInt(-1)).as(reply.toString()).isZero();
    Map<String, String> ids = new LinkedHashMap<>();
    reply.get("data").forEach(d -> ids.put(d.get("name").asText(), d.get("id").asText()));
    return ids;
  }

  JsonNode parse(String dataset, List<String> ids) {
    return call(
        "POST", "/api/v1/datasets/" + dataset + "/chunks", "{\"document_ids\":" + json(ids) + "}");
  }

  static String json(List<String> ids) {
    return "[" + String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]";
  }

  JsonNode document(String dataset, String id) {
    return call("GET", "/api/v1/datasets/" + dataset + "/documents?id=" + id, null)
        .get("data")
        .get("docs")
        .get(0);
  }

  JsonNode awaitFinished(String dataset, String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode doc = document(dataset, id);
      String run = doc.get("run").asText();
      if (run.equals("DONE") || run.equals("FAIL") || run.equals("CANCEL")) {
        return doc;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("parsing did not finish: " + document(dataset, id));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] pdf(String text) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws Exception {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void everySupportedTypeParsesToDoneAndIsVisibleThroughZylonAndRetrieval() throws Exception {
    String kb = dataset("{\"name\":\"types\"}");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a.txt", utf8("Plain text about walruses."));
    files.put("b.md", utf8("# Heading\n\nMarkdown about penguins."));
    files.put("c.html", utf8("<html><body><p>HTML about otters.</p></body></html>"));
    files.put("d.pdf", pdf("PDF about narwhals."));
    files.put("e.docx", docx("Word about beavers."));
    files.put("f.csv", utf8("animal,habitat\nmoose,forest\n"));
    files.put("g.json", utf8("{\"animal\":\"lemur\",\"habitat\":\"Madagascar\"}"));
    Map<String, String> ids = upload(kb, files);

    assertThat(parse(kb, new ArrayList<>(ids.values())).toString()).isEqualTo("{\"code\":0}");
    for (String id : ids.values()) {
      JsonNode doc = awaitFinished(kb, id);
      assertThat(doc.get("run").asText()).as(doc.toString()).isEqualTo("DONE");
      assertThat(doc.get("progress").asDouble()).isEqualTo(1.0);
      assertThat(doc.get("process_duration").asDouble()).isGreaterThan(0);
      assertThat(doc.get("progress_msg").asText())
          .contains("Task has been received.")
          .contains("Task done");
      assertThat(doc.get("process_begin_at").asText()).endsWith("GMT");
      assertThat(doc.get("chunk_count").asInt()).isPositive();
    }
    for (String word :
        List.of("walruses", "penguins", "otters", "narwhals", "beavers", "moose", "lemur")) {
      JsonNode found =
          call(
              "POST",
              "/api/v1/retrieval",
              "{\"question\":\"" + word + "\",\"dataset_ids\":[\"" + kb + "\"]}");
      assertThat(found.get("data").get("total").asInt()).as(word).isEqualTo(1);
    }
    JsonNode listed = lectern.get("/api/gpt/v1/artifacts/list?collection=" + kb, ADMIN).json();
    assertThat(listed.get("data")).hasSize(7);
    JsonNode content =
        lectern
            .post(
                "/api/gpt/v1/artifacts/content",
                ADMIN,
                "{\"context_filter\":{\"collection\":\""
                    + kb
                    + "\",\"artifacts\":[\""
                    + ids.get("d.pdf")
                    + "\"]}}")
            .json();
    assertThat(content.get("data").get(0).get("content").asText()).contains("narwhals");
    JsonNode dataset = call("GET", "/api/v1/datasets?id=" + kb, null).get("data").get(0);
    assertThat(dataset.get("document_count").asInt()).isEqualTo(7);
    assertThat(dataset.get("chunk_count").asInt()).isGreaterThanOrEqualTo(7);
  }

  @Test
  void aBrokenPdfFailsWithAMessageAndOthersStillFinish() {
    String kb = dataset("{\"name\":\"broken\"}");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("broken.pdf", utf8("%PDF-1.7 this is not really a pdf"));
    files.put("fine.txt", utf8("Fine text."));
    Map<String, String> ids = upload(kb, files);
    List<String> withUnknown = new ArrayList<>(ids.values());
    withUnknown.add("invalid_id");
    JsonNode reply = parse(kb, withUnknown);
    assertThat(reply.get("code").asInt()).isEqualTo(102);
    assertThat(reply.get("message").asText()).isEqualTo("Documents not found: ['invalid_id']");
    JsonNode broken = awaitFinished(kb, ids.get("broken.pdf"));
    assertThat(broken.get("run").asText()).isEqualTo("FAIL");
    assertThat(broken.get("progress").asDouble()).isEqualTo(-1.0);
    assertThat(broken.get("progress_msg").asText()).contains("[ERROR]").contains("broken.pdf");
    assertThat(awaitFinished(kb, ids.get("fine.txt")).get("run").asText()).isEqualTo("DONE");
  }

  @Test
  void parseAndStopErrors() {
    String kb = dataset("{\"name\":\"errors\"}");
    String id = upload(kb, Map.of("a.txt", utf8("Some text."))).get("a.txt");
    JsonNode empty = call("POST", "/api/v1/datasets/" + kb + "/chunks", "{\"document_ids\":[]}");
    assertThat(empty.get("message").asText()).isEqualTo("`document_ids` is required");
    JsonNode stopUnknown =
        call("DELETE", "/api/v1/datasets/" + kb + "/chunks", "{\"document_ids\":[\"invalid_id\"]}");
    assertThat(stopUnknown.get("code").asInt()).isEqualTo(102);
    assertThat(stopUnknown.get("message").asText())
        .isEqualTo("You don't own the document invalid_id.");
    parse(kb, List.of(id));
    awaitFinished(kb, id);
    JsonNode stopDone =
        call("DELETE", "/api/v1/datasets/" + kb + "/chunks", "{\"document_ids\":[\"" + id + "\"]}");
    assertThat(stopDone.get("message").asText())
        .isEqualTo("Can't stop parsing document with progress at 0 or 1");
    JsonNode dup = parse(kb, List.of(id, id));
    assertThat(dup.get("code").asInt()).isZero();
    assertThat(dup.get("data").get("success_count").asInt()).isEqualTo(1);
    assertThat(dup.get("data").get("errors").get(0).asText()).contains("Duplicate document ids");
    assertThat(awaitFinished(kb, id).get("run").asText()).isEqualTo("DONE");
    JsonNode notOwned =
        call("POST", "/api/v1/datasets/nope/chunks", "{\"document_ids\":[\"" + id + "\"]}");
    assertThat(notOwned.get("message").asText()).isEqualTo("You don't own the dataset nope.");
  }

  @Test
  void chunkMethodsShapeTheChunks() {
    String qa = dataset("{\"name\":\"qa\",\"chunk_method\":\"qa\"}");
    String qaDoc =
        upload(
                qa,
                Map.of(
                    "faq.csv",
                    utf8(
                        "question,answer\nWhat is a walrus?,A marine mammal.\nWhere do puffins live?,On cliffs.\n")))
            .get("faq.csv");
    String qaText =
        upload(qa, Map.of("faq.txt", utf8("Q: Who feeds the cat?\nA: The neighbour.\n")))
            .get("faq.txt");
    String table = dataset("{\"name\":\"table\",\"chunk_method\":\"table\"}");
    String tableDoc =
        upload(table, Map.of("prices.csv", utf8("item,price\ntea,3\ncoffee,4\ncocoa,5\n")))
            .get("prices.csv");
    String one = dataset("{\"name\":\"one\",\"chunk_method\":\"one\"}");
    String oneDoc =
        upload(one, Map.of("long.md", utf8("# A\n\nfirst part\n\n# B\n\nsecond part\n")))
            .get("long.md");
    String naive =
        dataset(
            "{\"name\":\"naive\",\"parser_config\":{\"delimiter\":\"!\",\"chunk_token_num\":8}}");
    String naiveDoc =
        upload(
                naive,
                Map.of("shout.txt", utf8("alpha beta gamma! delta epsilon zeta! eta theta iota!")))
            .get("shout.txt");
    for (String[] pair :
        List.of(
            new String[] {qa, qaDoc},
            new String[] {qa, qaText},
            new String[] {table, tableDoc},
            new String[] {one, oneDoc},
            new String[] {naive, naiveDoc})) {
      parse(pair[0], List.of(pair[1]));
    }
    JsonNode faq = awaitFinished(qa, qaDoc);
    assertThat(faq.get("chunk_count").asInt()).as(faq.toString()).isEqualTo(2);
    assertThat(awaitFinished(qa, qaText).get("chunk_count").asInt()).isEqualTo(1);
    JsonNode walrus =
        call(
            "POST",
            "/api/v1/retrieval",
            "{\"question\":\"walrus\",\"dataset_ids\":[\"" + qa + "\"]}");
    assertThat(walrus.get("data").get("chunks").get(0).get("content").asText())
        .isEqualTo("Question: What is a walrus?\tAnswer: A marine mammal.");
    assertThat(awaitFinished(table, tableDoc).get("chunk_count").asInt()).isEqualTo(3);
    JsonNode coffee =
        call(
            "POST",
            "/api/v1/retrieval",
            "{\"question\":\"coffee\",\"dataset_ids\":[\"" + table + "\"]}");
    assertThat(coffee.get("data").get("chunks").get(0).get("content").asText())
        .isEqualTo("item: coffee; price: 4");
    assertThat(awaitFinished(one, oneDoc).get("chunk_count").asInt()).isEqualTo(1);
    assertThat(awaitFinished(naive, naiveDoc).get("chunk_count").asInt()).isEqualTo(3);
  }
}

package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets in Spanish, Russian and Chinese find their documents with queries in their language. */
class MultilingualRetrievalHttpTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static final Map<String, String> DATASETS = new HashMap<>();

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    dataset(
        "Spanish",
        "Las bibliotecas municipales prestan libros gratuitamente.",
        "El tren sale a las nueve.");
    dataset(
        "Russian",
        "Городские библиотеки выдают книги бесплатно.",
        "Поезд отправляется в девять часов.");
    dataset("Chinese", "城市图书馆免费借书给居民。", "火车九点出发。");
    dataset("Multilingual", "Bibliotheken verleihen Bücher. 图书馆很安静。", "Züge fahren pünktlich.");
  }

  static void dataset(String language, String relevant, String other) {
    JsonNode created =
        lectern
            .send(
                "POST",
                "/api/v1/datasets",
                ADMIN,
                "{\"name\":\"" + language + "\",\"language\":\"" + language + "\"}",
                "application/json")
            .json();
    String id = created.get("data").get("id").asText();
    DATASETS.put(language, id);
    assertThat(lectern.post(BASE + "ingest", ADMIN, textIngest(id, "hit", relevant, "{}")).status())
        .isEqualTo(200);
    assertThat(lectern.post(BASE + "ingest", ADMIN, textIngest(id, "miss", other, "{}")).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  static JsonNode retrieve(String question, String... languages) {
    StringBuilder ids = new StringBuilder();
    for (String language : languages) {
      ids.append(ids.isEmpty() ? "" : ",").append('"').append(DATASETS.get(language)).append('"');
    }
    return lectern
        .post(
            "/api/v1/retrieval",
            ADMIN,
            "{\"question\":\""
                + question
                + "\",\"dataset_ids\":["
                + ids
                + "],\"similarity_threshold\":0}")
        .json()
        .get("data");
  }

  static void assertFindsOnlyTheHit(String question, String language) {
    JsonNode data = retrieve(question, language);
    assertThat(data.get("total").asInt()).as(question).isEqualTo(1);
    assertThat(data.get("chunks").get(0).get("document_id").asText()).isEqualTo("hit");
  }

  @Test
  void spanishStemmingMatchesSingularAndPlural() {
    assertFindsOnlyTheHit("biblioteca municipal", "Spanish");
  }

  @Test
  void russianStemmingMatchesOtherCases() {
    assertFindsOnlyTheHit("библиотека", "Russian");
  }

  @Test
  void chineseMatchesWordsInsideUnsegmentedText() {
    assertFindsOnlyTheHit("图书馆", "Chinese");
  }

  @Test
  void multilingualHandlesMixedScriptsAndOneQuerySpansLanguages() {
    assertFindsOnlyTheHit("图书馆", "Multilingual");
    assertFindsOnlyTheHit("bibliotheken", "Multilingual");
    JsonNode both = retrieve("图书馆", "Chinese", "Multilingual");
    assertThat(both.get("total").asInt()).isEqualTo(2);
  }
}

package dev.lectern.domain;

import static dev.lectern.domain.artifact.MetadataComparison.Operator.CONTAINS;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.EMPTY;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.ENDS_WITH;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.EQUAL;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.GREATER;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.GREATER_OR_EQUAL;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.IN;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.LESS;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.LESS_OR_EQUAL;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.NOT_CONTAINS;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.NOT_EMPTY;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.NOT_EQUAL;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.NOT_IN;
import static dev.lectern.domain.artifact.MetadataComparison.Operator.STARTS_WITH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.domain.artifact.MetadataComparison;
import dev.lectern.domain.artifact.MetadataComparison.Operator;
import dev.lectern.domain.artifact.MetadataFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataComparisonTest {
  private final Map<String, Object> doc =
      Map.of(
          "author", "Ann Lee",
          "year", 2024,
          "pages", "120",
          "date", "2025-03-01",
          "tags", List.of("Finance", "Q1"),
          "note", "");

  private boolean test(String key, Operator operator, Object value) {
    return new MetadataComparison(key, operator, value).matches(doc);
  }

  @Test
  void textComparesWithoutCase() {
    assertThat(test("author", EQUAL, "ann lee")).isTrue();
    assertThat(test("author", NOT_EQUAL, "ann lee")).isFalse();
    assertThat(test("author", CONTAINS, "LEE")).isTrue();
    assertThat(test("author", NOT_CONTAINS, "bob")).isTrue();
    assertThat(test("author", STARTS_WITH, "ANN")).isTrue();
    assertThat(test("author", ENDS_WITH, "lee")).isTrue();
    assertThat(test("tags", CONTAINS, "fin")).isTrue();
  }

  @Test
  void numbersCompareByValueEvenWhenWrittenAsText() {
    assertThat(test("year", GREATER, "2023")).isTrue();
    assertThat(test("year", LESS, 2025)).isTrue();
    assertThat(test("pages", GREATER_OR_EQUAL, 100)).isTrue();
    assertThat(test("pages", LESS_OR_EQUAL, "99")).isFalse();
    assertThat(test("year", EQUAL, "2024.0")).isTrue();
    assertThat(test("author", GREATER, 3)).isFalse();
  }

  @Test
  void datesCompareOnlyWithDates() {
    assertThat(test("date", GREATER, "2025-01-31")).isTrue();
    assertThat(test("date", LESS, "2025-01-31")).isFalse();
    assertThat(test("author", LESS, "2025-01-31")).isFalse();
  }

  @Test
  void membershipEmptinessAndMissingFields() {
    assertThat(test("author", IN, List.of("Bob", "ann lee"))).isTrue();
    assertThat(test("author", NOT_IN, List.of("Bob"))).isTrue();
    assertThat(test("tags", IN, List.of("finance", "q1", "q2"))).isTrue();
    assertThat(test("author", IN, "ann lee, bob")).isTrue();
    assertThat(test("note", EMPTY, null)).isTrue();
    assertThat(test("author", NOT_EMPTY, null)).isTrue();
    assertThat(test("missing", EMPTY, null)).isFalse();
    assertThat(test("missing", NOT_EQUAL, "x")).isFalse();
  }

  @Test
  void filtersJoinWithAndOrOr() {
    var ann = new MetadataComparison("author", CONTAINS, "ann");
    var old = new MetadataComparison("year", LESS, 2000);
    assertThat(MetadataFilter.all(List.of(ann, old)).matches(doc)).isFalse();
    assertThat(new MetadataFilter(true, List.of(ann, old)).matches(doc)).isTrue();
    assertThat(MetadataFilter.NONE.matches(doc)).isTrue();
  }

  @Test
  void nonFiniteStoredNumbersCompareAsTheirTextInsteadOfFailing() {
    Map<String, Object> stored =
        Map.of("size", Double.POSITIVE_INFINITY, "ratio", Double.NaN, "year", 2024.0);
    assertThat(new MetadataComparison("size", GREATER, 10).matches(stored)).isFalse();
    assertThat(new MetadataComparison("size", EQUAL, "Infinity").matches(stored)).isTrue();
    assertThat(new MetadataComparison("ratio", LESS, 1).matches(stored)).isFalse();
    assertThat(new MetadataComparison("size", NOT_EQUAL, 10).matches(stored)).isTrue();
    assertThat(new MetadataComparison("year", GREATER, "1e400").matches(stored)).isFalse();
    assertThat(new MetadataComparison("year", LESS, 1e300).matches(stored)).isTrue();
  }
}

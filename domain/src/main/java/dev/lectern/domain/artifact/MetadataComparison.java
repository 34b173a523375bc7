package dev.lectern.domain.artifact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Policy: one comparison on a metadata field, as in a RAGFlow {@code metadata_condition}. Text is
 * compared without regard to case; numbers (also when written as text) compare by value; a value in
 * {@code YYYY-MM-DD} form compares as a date and matches only date values. A document without the
 * field never matches.
 */
public record MetadataComparison(String key, Operator operator, Object value)
    implements MetadataPredicate {

  /** The comparison operators. */
  public enum Operator {
    EQUAL,
    NOT_EQUAL,
    CONTAINS,
    NOT_CONTAINS,
    IN,
    NOT_IN,
    STARTS_WITH,
    ENDS_WITH,
    GREATER,
    LESS,
    GREATER_OR_EQUAL,
    LESS_OR_EQUAL,
    EMPTY,
    NOT_EMPTY
  }

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  public MetadataComparison {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
  }

  @Override
  public boolean matches(Map<String, Object> metadata) {
    if (!metadata.containsKey(key)) {
      return false;
    }
    Object actual = metadata.get(key);
    return switch (operator) {
      case EQUAL, NOT_EQUAL, GREATER, LESS, GREATER_OR_EQUAL, LESS_OR_EQUAL -> compare(actual);
      case CONTAINS -> anyItem(actual, item -> text(item).contains(text(value)));
      case NOT_CONTAINS -> !anyItem(actual, item -> text(item).contains(text(value)));
      case IN -> everyItem(actual, this::isAmongValues);
      case NOT_IN -> everyItem(actual, item -> !isAmongValues(item));
      case STARTS_WITH -> joined(actual).startsWith(text(value));
      case ENDS_WITH -> joined(actual).endsWith(text(value));
      case EMPTY -> !truthy(actual);
      case NOT_EMPTY -> truthy(actual);
    };
  }

  private boolean compare(Object actual) {
    Object left = actual instanceof List<?> list && !list.isEmpty() ? list.get(0) : actual;
    String wanted = String.valueOf(value).strip();
    Comparable<?> a;
    Comparable<?> b;
    if (DATE.matcher(wanted).matches()) {
      String have = String.valueOf(left).strip();
      if (!DATE.matcher(have).matches()) {
        return false;
      }
      a = have;
      b = wanted;
    } else {
      a = scalar(left);
      b = scalar(value);
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return operator == Operator.NOT_EQUAL && !Objects.equals(a, b);
    }
    int order = compareSame(a, b);
    return switch (operator) {
      case EQUAL -> order == 0;
      case NOT_EQUAL -> order != 0;
      case GREATER -> order > 0;
      case LESS -> order < 0;
      case GREATER_OR_EQUAL -> order >= 0;
      default -> order <= 0;
    };
  }

  @SuppressWarnings("unchecked")
  private static int compareSame(Comparable<?> a, Comparable<?> b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  /**
   * A number when the value is or spells a finite one, else its lower-cased text (so a stored
   * {@code Infinity} compares as the word it reads as); null for null.
   */
  private static Comparable<?> scalar(Object raw) {
    if (raw == null) {
      return null;
    }
    String text = String.valueOf(raw).strip();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return text.toLowerCase(Locale.ROOT);
    }
  }

  private boolean isAmongValues(Object item) {
    if (value instanceof Collection<?> options) {
      for (Object option : options) {
        if (text(option).equals(text(item))) {
          return true;
        }
      }
      return false;
    }
    return text(value).contains(text(item));
  }

  private static boolean anyItem(Object actual, java.util.function.Predicate<Object> test) {
    if (actual instanceof Collection<?> items) {
      for (Object item : items) {
        if (test.test(item)) {
          return true;
        }
      }
      return false;
    }
    return test.test(actual);
  }

  private static boolean everyItem(Object actual, java.util.function.Predicate<Object> test) {
    if (actual instanceof Collection<?> items) {
      for (Object item : items) {
        if (!test.test(item)) {
          return false;
        }
      }
      return true;
    }
    return test.test(actual);
  }

  private static String joined(Object actual) {
    if (actual instanceof Collection<?> items) {
      List<String> parts = new ArrayList<>();
      items.forEach(item -> parts.add(text(item)));
      return String.join("", parts);
    }
    return text(actual);
  }

  private static String text(Object raw) {
    return String.valueOf(raw).toLowerCase(Locale.ROOT);
  }

  private static boolean truthy(Object actual) {
    return switch (actual) {
      case null -> false;
      case String s -> !s.isEmpty();
      case Collection<?> c -> !c.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      case Boolean b -> b;
      case Number n -> n.doubleValue() != 0;
      default -> true;
    };
  }
}

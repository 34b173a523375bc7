package dev.lectern.domain.artifact;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Policy: one condition on an artifact's metadata, as in a Zylon {@code metadata_filter}. */
public record MetadataCondition(String key, Operator operator, Object value)
    implements MetadataPredicate {

  /** Comparison operators; names are the wire spellings. */
  public enum Operator {
    EQ("=="),
    NE("!="),
    IN("in"),
    NIN("nin"),
    CONTAINS("contains");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public static Optional<Operator> fromSymbol(String symbol) {
      for (Operator operator : values()) {
        if (operator.symbol.equals(symbol)) {
          return Optional.of(operator);
        }
      }
      return Optional.empty();
    }
  }

  public MetadataCondition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
  }

  @Override
  public boolean matches(Map<String, Object> metadata) {
    Object actual = metadata.get(key);
    return switch (operator) {
      case EQ -> sameValue(actual, value);
      case NE -> !sameValue(actual, value);
      case IN -> value instanceof Collection<?> options && containsValue(options, actual);
      case NIN -> !(value instanceof Collection<?> options && containsValue(options, actual));
      case CONTAINS ->
          actual instanceof Collection<?> items
              ? containsValue(items, value)
              : actual instanceof String text
                  && value != null
                  && text.contains(String.valueOf(value));
    };
  }

  private static boolean containsValue(Collection<?> options, Object actual) {
    for (Object option : options) {
      if (sameValue(option, actual)) {
        return true;
      }
    }
    return false;
  }

  /** Numbers compare by value (1 == 1.0), everything else by equality of its text form. */
  private static boolean sameValue(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return String.valueOf(a).equals(String.valueOf(b));
  }
}

package dev.lectern.domain.artifact;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Policy: predicates on metadata joined by AND or OR; an empty filter matches everything. */
public record MetadataFilter(boolean any, List<MetadataPredicate> predicates) {
  public static final MetadataFilter NONE = new MetadataFilter(false, List.of());

  public MetadataFilter {
    predicates = List.copyOf(Objects.requireNonNull(predicates, "predicates"));
  }

  /** Every predicate must match. */
  public static MetadataFilter all(List<? extends MetadataPredicate> predicates) {
    return new MetadataFilter(false, List.copyOf(predicates));
  }

  public boolean isEmpty() {
    return predicates.isEmpty();
  }

  public boolean matches(Map<String, Object> metadata) {
    if (predicates.isEmpty()) {
      return true;
    }
    for (MetadataPredicate predicate : predicates) {
      if (predicate.matches(metadata) == any) {
        return any;
      }
    }
    return !any;
  }
}

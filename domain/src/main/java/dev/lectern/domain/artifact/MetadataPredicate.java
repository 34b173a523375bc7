package dev.lectern.domain.artifact;

import java.util.Map;

/** Policy: a test on an artifact's metadata. */
public sealed interface MetadataPredicate permits MetadataCondition, MetadataComparison {
  boolean matches(Map<String, Object> metadata);
}

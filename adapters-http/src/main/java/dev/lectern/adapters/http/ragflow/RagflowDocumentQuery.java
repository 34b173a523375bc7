package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.MetadataFilter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The query of RAGFlow's document list: its filters, read as loosely as RAGFlow reads them. */
record RagflowDocumentQuery(
    int page,
    int pageSize,
    boolean byUpdateTime,
    boolean desc,
    String keywords,
    String id,
    String name,
    Set<String> suffixes,
    Set<ArtifactStatus> runs,
    long createdFrom,
    long createdTo,
    MetadataFilter metadata) {

  static RagflowDocumentQuery parse(Context ctx) {
    String page = ctx.queryParam("page");
    String pageSize = ctx.queryParam("page_size");
    String desc = ctx.queryParam("desc");
    Set<String> suffixes = new HashSet<>();
    ctx.queryParams("suffix").forEach(s -> suffixes.add(s.toLowerCase(Locale.ROOT)));
    Set<ArtifactStatus> runs = new HashSet<>();
    for (String run : ctx.queryParams("run")) {
      runs.add(run(run));
    }
    return new RagflowDocumentQuery(
        page == null ? 1 : RagflowValues.toInt(page),
        pageSize == null ? 30 : RagflowValues.toInt(pageSize),
        "update_time".equals(ctx.queryParam("orderby")),
        !"false".equals(desc) && !"False".equals(desc),
        ctx.queryParam("keywords"),
        ctx.queryParam("id"),
        ctx.queryParam("name"),
        suffixes,
        runs,
        time(ctx.queryParam("create_time_from")),
        time(ctx.queryParam("create_time_to")),
        metadata(ctx.queryParam("metadata_condition")));
  }

  private static ArtifactStatus run(String value) {
    String text = value.strip().toUpperCase(Locale.ROOT);
    if (text.length() == 1 && Character.isDigit(text.charAt(0))) {
      int index = text.charAt(0) - '0';
      if (index < ArtifactStatus.values().length) {
        return ArtifactStatus.values()[index];
      }
    }
    for (ArtifactStatus status : ArtifactStatus.values()) {
      if (RagflowWire.run(status).equals(text)) {
        return status;
      }
    }
    throw RagflowErrors.data("Invalid filter run status conditions: " + value);
  }

  private static long time(String value) {
    return value == null || value.isBlank() ? 0 : RagflowValues.toLong(value);
  }

  private static MetadataFilter metadata(String value) {
    if (value == null || value.isBlank()) {
      return MetadataFilter.NONE;
    }
    try {
      return RagflowMetadata.filter(Json.MAPPER.readTree(value));
    } catch (JsonProcessingException e) {
      throw RagflowErrors.data("metadata_condition must be valid JSON.");
    }
  }

  List<DocumentView> filter(List<DocumentView> all) {
    List<DocumentView> kept = new ArrayList<>();
    for (DocumentView view : all) {
      if (matches(view.entry())) {
        kept.add(view);
      }
    }
    return kept;
  }

  private boolean matches(DocumentEntry entry) {
    long created = entry.createdAt().toEpochMilli();
    return (keywords == null
            || entry.name().toLowerCase(Locale.ROOT).contains(keywords.toLowerCase(Locale.ROOT)))
        && (id == null || entry.key().artifactId().value().equals(id))
        && (name == null || entry.name().equals(name))
        && (suffixes.isEmpty() || suffixes.contains(entry.suffix()))
        && (runs.isEmpty() || runs.contains(entry.parse().run()))
        && (createdFrom == 0 || created >= createdFrom)
        && (createdTo == 0 || created <= createdTo)
        && metadata.matches(entry.metaFields());
  }

  List<DocumentView> page(List<DocumentView> matching) {
    if (pageSize <= 0 || page < 1) {
      return List.of();
    }
    List<DocumentView> sorted = new ArrayList<>(matching);
    Comparator<DocumentView> order =
        Comparator.comparing(v -> byUpdateTime ? v.entry().updatedAt() : v.entry().createdAt());
    sorted.sort(desc ? order.reversed() : order);
    long from = (long) (page - 1) * pageSize;
    if (from >= sorted.size()) {
      return List.of();
    }
    return sorted.subList((int) from, (int) Math.min(from + pageSize, sorted.size()));
  }
}

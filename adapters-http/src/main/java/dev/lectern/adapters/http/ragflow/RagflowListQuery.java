package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The paging query of RAGFlow's dataset list, validated as its pydantic model does (lax types, as
 * query strings are): {@code page}, {@code page_size}, {@code orderby}, {@code desc}.
 */
record RagflowListQuery(int page, int pageSize, boolean byUpdateTime, boolean desc) {
  private static final Set<String> PAGING = Set.of("page", "page_size", "orderby", "desc");
  private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on", "t");
  private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "off", "f");

  static RagflowListQuery parse(Context ctx, Set<String> otherParams) {
    Pydantic errors = new Pydantic();
    Set<String> allowed = new HashSet<>(PAGING);
    allowed.addAll(otherParams);
    for (String name : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(name)) {
        errors.add(name, Pydantic.EXTRA, TextNode.valueOf(ctx.queryParam(name)));
      }
    }
    int page = positive(ctx.queryParam("page"), "page", errors);
    int pageSize =
        ctx.queryParam("page_size") == null
            ? 30
            : positive(ctx.queryParam("page_size"), "page_size", errors);
    String orderby = ctx.queryParam("orderby");
    if (orderby != null && !orderby.equals("create_time") && !orderby.equals("update_time")) {
      errors.add(
          "orderby",
          Pydantic.literal(List.of("create_time", "update_time")),
          TextNode.valueOf(orderby));
    }
    String desc = ctx.queryParam("desc");
    boolean descending = true;
    if (desc != null) {
      String lower = desc.strip().toLowerCase(Locale.ROOT);
      if (TRUE.contains(lower)) {
        descending = true;
      } else if (FALSE.contains(lower)) {
        descending = false;
      } else {
        errors.add(
            "desc",
            "Input should be a valid boolean, unable to interpret input",
            TextNode.valueOf(desc));
      }
    }
    errors.throwIfAny();
    return new RagflowListQuery(page, pageSize, "update_time".equals(orderby), descending);
  }

  private static int positive(String raw, String name, Pydantic errors) {
    if (raw == null) {
      return 1;
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      errors.add(
          name,
          "Input should be a valid integer, unable to parse string as an integer",
          TextNode.valueOf(raw));
      return 1;
    }
    if (value < 1) {
      errors.add(name, "Input should be greater than or equal to 1", TextNode.valueOf(raw));
    }
    return value;
  }

  /** One page of {@code items}, sorted by {@code time}. */
  <T> List<T> page(List<T> items, Function<T, Instant> time) {
    List<T> sorted = new ArrayList<>(items);
    Comparator<T> order = Comparator.comparing(time);
    sorted.sort(desc ? order.reversed() : order);
    long from = (long) (page - 1) * pageSize;
    if (from >= sorted.size()) {
      return List.of();
    }
    return sorted.subList((int) from, (int) Math.min(from + pageSize, sorted.size()));
  }
}

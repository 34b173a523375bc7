package dev.lectern.adapters.http.ragflow;

import io.javalin.http.Context;
import java.util.List;

/**
 * The paging of RAGFlow's chat, session and agent lists: {@code page} (1), {@code page_size} (30)
 * and {@code desc}, which only "false" turns off.
 */
record RagflowPaging(int page, int pageSize, boolean descending) {
  static RagflowPaging of(Context ctx) {
    int page = ctx.queryParam("page") == null ? 1 : RagflowValues.toInt(ctx.queryParam("page"));
    int pageSize =
        ctx.queryParam("page_size") == null ? 30 : RagflowValues.toInt(ctx.queryParam("page_size"));
    String desc = ctx.queryParam("desc");
    return new RagflowPaging(page, pageSize, !"false".equals(desc) && !"False".equals(desc));
  }

  /** This page of {@code items}; none when the page size is not positive. */
  <T> List<T> of(List<T> items) {
    if (pageSize <= 0) {
      return List.of();
    }
    return items.stream().skip((long) (Math.max(page, 1) - 1) * pageSize).limit(pageSize).toList();
  }
}

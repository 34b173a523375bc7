package dev.lectern.adapters.http.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the error renderer of a request's dialect: the one whose route it matched ({@link
 * DialectRoutes}), or for a request that matched none, the one owning the longest prefix of its
 * path.
 */
public final class ErrorRouting {
  private record Entry(String prefix, ErrorRenderer renderer) {}

  private final List<Entry> entries = new ArrayList<>();
  private final ErrorRenderer fallback;

  public ErrorRouting(ErrorRenderer fallback) {
    this.fallback = fallback;
  }

  public ErrorRouting add(String prefix, ErrorRenderer renderer) {
    entries.add(new Entry(prefix, renderer));
    entries.sort((a, b) -> Integer.compare(b.prefix().length(), a.prefix().length()));
    return this;
  }

  public ErrorRenderer forRequest(io.javalin.http.Context ctx) {
    ErrorRenderer matched = DialectRoutes.matched(ctx);
    return matched != null ? matched : forPath(ctx.path());
  }

  public ErrorRenderer forPath(String path) {
    for (Entry entry : entries) {
      if (path.startsWith(entry.prefix())) {
        return entry.renderer();
      }
    }
    return fallback;
  }
}

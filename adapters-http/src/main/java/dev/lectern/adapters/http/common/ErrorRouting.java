package dev.lectern.adapters.http.common;

import java.util.ArrayList;
import java.util.List;

/** Picks the error renderer of the dialect a request path belongs to, by path prefix. */
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

  public ErrorRenderer forPath(String path) {
    for (Entry entry : entries) {
      if (path.startsWith(entry.prefix())) {
        return entry.renderer();
      }
    }
    return fallback;
  }
}

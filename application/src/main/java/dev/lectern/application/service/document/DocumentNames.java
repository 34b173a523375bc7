package dev.lectern.application.service.document;

import java.util.Set;

/** Policy: a taken name {@code stem.ext} becomes {@code stem(1).ext}, {@code stem(2).ext}, … */
final class DocumentNames {
  private DocumentNames() {}

  static String free(String name, Set<String> taken) {
    if (!taken.contains(name)) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String stem = dot <= 0 ? name : name.substring(0, dot);
    String extension = dot <= 0 ? "" : name.substring(dot);
    for (int n = 1; ; n++) {
      String candidate = stem + "(" + n + ")" + extension;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }
}

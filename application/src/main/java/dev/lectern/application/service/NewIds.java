package dev.lectern.application.service;

import java.util.UUID;

/** New ids for what the server names: 32 lowercase hex digits, as RAGFlow's ids look. */
public final class NewIds {
  private NewIds() {}

  public static String next() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}

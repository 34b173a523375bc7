package dev.lectern.adapters.http.common;

import dev.lectern.application.error.LecternException;
import io.javalin.http.Context;

/** A dialect's way of writing errors: its status table and its envelope. */
public interface ErrorRenderer {
  void render(Context ctx, LecternException error);

  /** No route matches the request. */
  void renderNoRoute(Context ctx);

  /** Something failed that is not the client's fault; {@code reference} is in the server log. */
  void renderInternal(Context ctx, String reference);
}

package dev.lectern.adapters.http.common;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * A dialect's routes. Each handler first marks its request as the dialect's, so that an error is
 * rendered by the dialect whose route matched, whatever the path looks like (RAGFlow and Timeweb
 * both live under {@code /api/v1/}); only a request that matched no route falls back to the path.
 */
public final class DialectRoutes {
  private static final String RENDERER = "lectern.dialect-errors";

  private final RoutesConfig routes;
  private final ErrorRenderer renderer;

  public DialectRoutes(RoutesConfig routes, ErrorRenderer renderer) {
    this.routes = routes;
    this.renderer = renderer;
  }

  /** The renderer of the dialect whose route the request matched, or null when none did. */
  static ErrorRenderer matched(Context ctx) {
    return ctx.attribute(RENDERER);
  }

  public void get(String path, Handler handler) {
    routes.get(path, marked(handler));
  }

  public void post(String path, Handler handler) {
    routes.post(path, marked(handler));
  }

  public void put(String path, Handler handler) {
    routes.put(path, marked(handler));
  }

  public void patch(String path, Handler handler) {
    routes.patch(path, marked(handler));
  }

  public void delete(String path, Handler handler) {
    routes.delete(path, marked(handler));
  }

  private Handler marked(Handler handler) {
    return ctx -> {
      ctx.attribute(RENDERER, renderer);
      handler.handle(ctx);
    };
  }
}

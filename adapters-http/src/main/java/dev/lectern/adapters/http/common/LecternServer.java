package dev.lectern.adapters.http.common;

import dev.lectern.application.error.LecternException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter: the one HTTP server every dialect is mounted on. Errors are rendered by the dialect that
 * owns the request path; unexpected failures are logged with a reference and never leak a stack
 * trace to the client.
 */
public final class LecternServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LecternServer.class);

  /** Network settings. */
  public record Settings(String host, int port, long maxBodyBytes) {}

  private final Javalin app;
  private final Settings settings;

  public LecternServer(
      Settings settings, ErrorRouting errors, List<Consumer<RoutesConfig>> dialects) {
    this.settings = settings;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = true;
              config.http.maxRequestSize = settings.maxBodyBytes();
              config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  settings.maxBodyBytes(), SizeUnit.BYTES);
              config.router.ignoreTrailingSlashes = true;
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorPage()));
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              dialects.forEach(dialect -> dialect.accept(config.routes));
              config.routes.exception(
                  LecternException.class, (e, ctx) -> renderLectern(errors, e, ctx));
              config.routes.exception(
                  HttpResponseException.class, (e, ctx) -> renderFrameworkError(errors, e, ctx));
              config.routes.exception(
                  Exception.class, (e, ctx) -> renderUnexpected(errors, e, ctx));
            });
  }

  public LecternServer start() {
    app.start(settings.host(), settings.port());
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void renderFrameworkError(
      ErrorRouting errors, HttpResponseException e, Context ctx) {
    ErrorRenderer renderer = errors.forRequest(ctx);
    if (e.getStatus() == 404 || e.getStatus() == 405) {
      renderer.renderNoRoute(ctx);
    } else if (e.getStatus() == 413) {
      renderer.render(
          ctx,
          new dev.lectern.application.error.PayloadTooLarge(
              "body: the request body is too large", "body"));
    } else {
      renderer.render(ctx, new dev.lectern.application.error.InvalidRequest(e.getMessage(), null));
    }
  }

  private static void renderLectern(ErrorRouting errors, LecternException e, Context ctx) {
    if (e.serverFault()) {
      LOG.error(
          "server fault on {} {} (error id {}): {}",
          ctx.method(),
          ctx.path(),
          e.errorId(),
          e.getMessage(),
          e.getCause());
    }
    errors.forRequest(ctx).render(ctx, e);
  }

  private static void renderUnexpected(ErrorRouting errors, Exception e, Context ctx) {
    String reference = UUID.randomUUID().toString();
    LOG.error("unexpected failure on {} {} (reference {})", ctx.method(), ctx.path(), reference, e);
    errors.forRequest(ctx).renderInternal(ctx, reference);
  }
}

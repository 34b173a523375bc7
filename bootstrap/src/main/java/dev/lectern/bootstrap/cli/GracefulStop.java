package dev.lectern.bootstrap.cli;

import dev.lectern.bootstrap.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops the server cleanly on SIGTERM or SIGINT and exits 0. The stop runs in the signal handler,
 * before the JVM's shutdown begins, because the embedded database closes itself in a shutdown hook
 * and running tasks must still be able to write their state back to it.
 */
final class GracefulStop {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

  private GracefulStop() {}

  static void install(Wiring wiring) {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            LOG.info("SIG{} received: stopping", name);
            int status = 0;
            try {
              wiring.close();
              LOG.info("stopped cleanly");
            } catch (RuntimeException e) {
              LOG.error("stopping failed", e);
              status = 1;
            }
            System.exit(status);
          });
    }
    // Any other way out (System.exit elsewhere) still closes what it can.
    Runtime.getRuntime().addShutdownHook(new Thread(wiring::close, "lectern-shutdown"));
  }
}

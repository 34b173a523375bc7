package dev.lectern.bootstrap.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;

/**
 * Whether the server's address can be bound, asked before anything is created or opened. (The port
 * may still be taken between this check and the server's own bind; that one then fails.)
 */
final class PortCheck {
  private PortCheck() {}

  /** Throws when another process listens on {@code host:port}; port 0 always binds. */
  static void free(String host, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (BindException e) {
      if (e.getMessage() == null || !e.getMessage().toLowerCase(Locale.ROOT).contains("in use")) {
        throw new IllegalStateException(
            "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
      }
      throw new IllegalStateException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): another process may be using the port; stop it or choose another with --port");
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
    }
  }
}

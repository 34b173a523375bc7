package dev.lectern.bootstrap;

import dev.lectern.bootstrap.cli.EntryPoint;
import dev.lectern.bootstrap.cli.LecternCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of the Lectern JAR: {@code serve} by default, or a CLI command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Lucene logs through java.util.logging; send it to the same place as everything else.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int exit = EntryPoint.run(args);
    if (exit != LecternCommand.KEEP_RUNNING) {
      System.exit(exit);
    }
  }
}

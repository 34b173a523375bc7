package dev.lectern.bootstrap;

import dev.lectern.bootstrap.cli.LecternCommand;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** Entry point of the Lectern JAR: {@code serve} by default, or a CLI command. */
public final class Main {
  private static final Set<String> COMMANDS = Set.of("serve", "token", "org", "help");

  private Main() {}

  public static void main(String[] args) {
    // Lucene logs through java.util.logging; send it to the same place as everything else.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    CommandLine cli = new CommandLine(new LecternCommand());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    int exit = cli.execute(withDefaultCommand(args));
    if (exit != LecternCommand.KEEP_RUNNING) {
      System.exit(exit);
    }
  }

  /** {@code serve} is implied when no command is named. */
  static String[] withDefaultCommand(String[] args) {
    if (args.length > 0
        && (COMMANDS.contains(args[0])
            || Set.of("-h", "--help", "-V", "--version").contains(args[0]))) {
      return args;
    }
    String[] withServe = new String[args.length + 1];
    withServe[0] = "serve";
    System.arraycopy(args, 0, withServe, 1, args.length);
    return Arrays.copyOf(withServe, withServe.length);
  }
}

package dev.lectern.bootstrap;

import dev.lectern.bootstrap.cli.LecternCommand;
import dev.lectern.bootstrap.cli.Misuse;
import java.io.PrintWriter;
import java.util.Set;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** Entry point of the Lectern JAR: {@code serve} by default, or a CLI command. */
public final class Main {
  /** Options of {@code lectern} itself rather than of {@code serve}. */
  private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  /** Exit code of a command line picocli could not parse. */
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    // Lucene logs through java.util.logging; send it to the same place as everything else.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int exit = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (exit != LecternCommand.KEEP_RUNNING) {
      System.exit(exit);
    }
  }

  /**
   * Runs a command line as the JAR does and returns its exit code ({@link
   * LecternCommand#KEEP_RUNNING} while the server runs): no command or only options is {@code
   * serve}, a name that is no command is refused in one line naming the commands.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new LecternCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    cli.setParameterExceptionHandler(new Misuse(USAGE));
    Set<String> commands = cli.getSubcommands().keySet();
    if (args.length > 0 && !args[0].startsWith("-") && !commands.contains(args[0])) {
      err.println(
          "error: no command '"
              + args[0]
              + "'; the commands are "
              + String.join(", ", commands)
              + " (lectern help <command> tells more)");
      return USAGE;
    }
    return cli.execute(withDefaultCommand(args, commands));
  }

  /** {@code serve} is implied when no command is named. */
  private static String[] withDefaultCommand(String[] args, Set<String> commands) {
    if (args.length > 0 && (commands.contains(args[0]) || OWN_OPTIONS.contains(args[0]))) {
      return args;
    }
    String[] withServe = new String[args.length + 1];
    withServe[0] = "serve";
    System.arraycopy(args, 0, withServe, 1, args.length);
    return withServe;
  }
}

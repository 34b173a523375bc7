package dev.lectern.bootstrap.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;

/**
 * The command line as the JAR runs it: no command, or only options, is {@code serve}; a name that
 * is no command is refused in one line naming the commands; a line that cannot be parsed is told in
 * a few ({@link Misuse}).
 */
public final class EntryPoint {
  /** Exit code of a command line that cannot be parsed. */
  public static final int USAGE = 2;

  /** Options of {@code lectern} itself rather than of {@code serve}. */
  private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private EntryPoint() {}

  /** Runs on the process's standard streams. */
  public static int run(String[] args) {
    return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /**
   * Runs a command line and returns its exit code ({@link LecternCommand#KEEP_RUNNING} while the
   * server runs).
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
      String near = Misuse.nearest(args[0], commands);
      err.println(
          "error: no command '"
              + args[0]
              + "'"
              + (near == null ? "" : " (did you mean " + near + "?)")
              + "; the commands are "
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

package dev.lectern.bootstrap.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * A command line that cannot be parsed, told in a few lines instead of the command's whole usage:
 * what is wrong, the option a mistyped one was likely meant to be, and where the options are
 * listed.
 */
public final class Misuse implements CommandLine.IParameterExceptionHandler {
  private final int exitCode;

  public Misuse(int exitCode) {
    this.exitCode = exitCode;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println("error: " + e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      for (String arg : unmatched.getUnmatched()) {
        String near = nearest(arg, failed.getCommandSpec().optionsMap().keySet());
        if (near != null) {
          err.println("did you mean " + near + " instead of " + arg + "?");
        }
      }
    }
    err.println("('" + failed.getCommandSpec().qualifiedName() + " --help' lists its options)");
    return exitCode;
  }

  /** The option name at most two edits from {@code arg}, the closest first; null when none is. */
  private static String nearest(String arg, Set<String> names) {
    String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    if (!option.startsWith("-")) {
      return null;
    }
    String best = null;
    int bestDistance = 3;
    for (String name : new TreeSet<>(names)) {
      int distance = editDistance(option, name);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

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
      Set<String> options = failed.getCommandSpec().optionsMap().keySet();
      Set<String> commands = failed.getSubcommands().keySet();
      Set<String> siblings =
          failed.getParent() == null ? Set.of() : failed.getParent().getSubcommands().keySet();
      for (String arg : unmatched.getUnmatched()) {
        String near = nearest(arg, arg.startsWith("-") ? options : commands);
        if (near != null) {
          err.println("did you mean " + near + " instead of " + arg + "?");
        } else if (siblings.contains(arg)) {
          err.println("a command comes before its options: lectern " + arg + " … [options]");
        }
      }
    }
    err.println("('" + failed.getCommandSpec().qualifiedName() + " --help' lists its options)");
    return exitCode;
  }

  /**
   * The name at most two edits from {@code given} (options and names of three characters or more
   * only: every short option is a letter away from another), the first in order when several are as
   * near; null when none is.
   */
  static String nearest(String given, Set<String> names) {
    String word = given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
    if (word.length() < 3) {
      return null;
    }
    String best = null;
    int bestDistance = 3;
    for (String name : new TreeSet<>(names)) {
      int distance = name.length() < 3 ? Integer.MAX_VALUE : editDistance(word, name);
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

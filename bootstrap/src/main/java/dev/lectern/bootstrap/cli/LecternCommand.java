package dev.lectern.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lectern} command and its subcommands. */
@Command(
    name = "lectern",
    mixinStandardHelpOptions = true,
    version = "Lectern 0.1.0",
    description = "Self-hosted knowledge and assistant server.",
    subcommands = {
      ServeCommand.class,
      TokenCommand.class,
      OrgCommand.class,
      AssistantCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LecternCommand {
  /** Exit code by which {@code serve} says the process keeps running. */
  public static final int KEEP_RUNNING = -1;
}

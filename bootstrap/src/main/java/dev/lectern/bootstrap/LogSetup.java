package dev.lectern.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logging set up in code (found by logback through the service loader): one line per event on
 * standard error, quiet libraries, root level from {@code LECTERN_LOG_LEVEL} (default INFO). Doing
 * it without logback's XML configurator keeps several hundred classes out of start-up. A file named
 * by {@code -Dlogback.configurationFile} still takes over.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level [%thread] %logger{0} - %msg%n";

  private static final Map<String, Level> QUIET =
      Map.of(
          "org.eclipse.jetty", Level.WARN,
          "io.javalin", Level.WARN,
          "com.zaxxer.hikari", Level.WARN,
          "org.flywaydb", Level.WARN,
          "org.apache.pdfbox", Level.ERROR,
          "org.apache.fontbox", Level.ERROR,
          "org.apache.poi", Level.WARN);

  /**
   * {@code -Dlectern.log.level} (the tests' quiet setting), else {@code LECTERN_LOG_LEVEL}, else
   * INFO.
   */
  static Level level() {
    String property = System.getProperty("lectern.log.level");
    return Level.toLevel(
        property != null ? property : System.getenv("LECTERN_LOG_LEVEL"), Level.INFO);
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level());
    root.addAppender(stderr);
    QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}

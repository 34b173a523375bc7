package dev.lectern.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogSetupTest {
  @Test
  void logbackFindsItThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(LogSetup.class);
  }

  @Test
  void writesToStandardErrorAndQuietsLibraries() {
    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup();
    setup.setContext(context);

    assertThat(setup.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(root.getLevel()).isEqualTo(LogSetup.level());
    assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.apache.pdfbox").getLevel()).isEqualTo(Level.ERROR);
  }

  @Test
  void aLevelPropertyWinsOverTheEnvironment() {
    String before = System.getProperty("lectern.log.level");
    System.setProperty("lectern.log.level", "ERROR");
    try {
      assertThat(LogSetup.level()).isEqualTo(Level.ERROR);
    } finally {
      if (before == null) {
        System.clearProperty("lectern.log.level");
      } else {
        System.setProperty("lectern.log.level", before);
      }
    }
  }

  @Test
  void aConfigurationFileNamedOnTheCommandLineTakesOver() {
    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    System.setProperty("logback.configurationFile", "custom.xml");
    try {
      assertThat(setup.configure(context))
          .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }
}

package dev.lectern.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts in {@code bin/}: how {@code find-java} picks a JDK, and what {@code lectern} and
 * {@code mvn} run with it. Fake JDKs (a {@code release} file and a {@code bin/java} that prints its
 * arguments) and a {@code PATH} without any real {@code java} keep the machine's own JDKs out.
 */
class LauncherScriptTest {
  private static final Path BIN = Path.of("").toAbsolutePath().getParent().resolve("bin");

  /** What the scripts call, each through a small wrapper in a directory of its own. */
  private static final List<String> TOOLS =
      List.of("bash", "sh", "sed", "dirname", "readlink", "find", "cat", "cmp");

  @TempDir Path dir;
  Path tools;
  Path home;

  record Run(int status, String out, String err) {}

  @BeforeEach
  void toolsWithoutJava() throws Exception {
    tools = Files.createDirectory(dir.resolve("tools"));
    home = Files.createDirectory(dir.resolve("home"));
    for (String tool : TOOLS) {
      Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
      String path = new String(which.getInputStream().readAllBytes()).strip();
      assertThat(which.waitFor()).as(tool).isZero();
      executable(tools.resolve(tool), "#!/bin/sh\nexec " + path + " \"$@\"\n");
    }
  }

  /** A fake JDK of that major version whose {@code java} prints its arguments. */
  Path jdk(Path at, String version) throws IOException {
    Files.createDirectories(at.resolve("bin"));
    Files.writeString(at.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    executable(at.resolve("bin/java"), "#!/bin/sh\necho \"java $*\"\n");
    executable(at.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
    return at;
  }

  static void executable(Path file, String script) throws IOException {
    Files.writeString(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  Run run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("PATH", tools.toString());
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(env);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process process =
        builder
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .directory(dir.toFile())
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(), Files.readString(out).strip(), Files.readString(err).strip());
  }

  String findJava(Map<String, String> env) throws Exception {
    Run run = run(env, BIN.resolve("find-java").toString());
    assertThat(run.status()).as(run.err()).isZero();
    return run.out();
  }

  @Test
  void javaHomeWinsWhenItIsNewEnough() throws Exception {
    Path jdk21 = jdk(dir.resolve("jdk-21"), "21.0.4");
    jdk(dir.resolve("roots/jdk-25"), "25.0.1");

    assertThat(
            findJava(
                Map.of(
                    "JAVA_HOME",
                    jdk21.toString(),
                    "LECTERN_JDK_ROOTS",
                    dir.resolve("roots").toString())))
        .isEqualTo(jdk21.toString());
  }

  @Test
  void anOldJavaHomeAndPathGiveWayToTheNewestJdkInTheUsualDirectories() throws Exception {
    Path jdk17 = jdk(dir.resolve("jdk-17"), "17.0.15");
    Files.createSymbolicLink(tools.resolve("java"), jdk17.resolve("bin/java"));
    jdk(dir.resolve("jvm/java-11"), "11.0.2");
    jdk(dir.resolve("jvm/temurin-21"), "21.0.4");
    Path newest = jdk(dir.resolve("sdkman/25.0.1-tem"), "25.0.1");
    jdk(dir.resolve("jvm/java-1.8"), "1.8.0_402");
    String roots = dir.resolve("jvm") + ":" + dir.resolve("missing") + ":" + dir.resolve("sdkman");

    assertThat(findJava(Map.of("JAVA_HOME", jdk17.toString(), "LECTERN_JDK_ROOTS", roots)))
        .isEqualTo(newest.toString());
  }

  @Test
  void aRuntimeWithoutACompilerIsPassedOver() throws Exception {
    Path jre = jdk(dir.resolve("jre-25"), "25.0.1");
    Files.delete(jre.resolve("bin/javac"));
    Path jdk = jdk(dir.resolve("jvm/jdk-21"), "21.0.4");

    assertThat(
            findJava(
                Map.of(
                    "JAVA_HOME",
                    jre.toString(),
                    "LECTERN_JDK_ROOTS",
                    dir.resolve("jvm").toString())))
        .isEqualTo(jdk.toString());
  }

  @Test
  void aLinkToTheScriptsFindsTheirDirectory() throws Exception {
    Path jdk = jdk(dir.resolve("jvm/jdk-21"), "21.0.4");
    Path jar = Files.writeString(dir.resolve("lectern.jar"), "not really a jar");
    Path links = Files.createDirectory(dir.resolve("links"));
    Files.createSymbolicLink(links.resolve("lectern"), BIN.resolve("lectern"));

    Run run =
        run(
            Map.of(
                "LECTERN_JDK_ROOTS", dir.resolve("jvm").toString(),
                "LECTERN_JAR", jar.toString(),
                "CDPATH", ".:" + dir),
            links.resolve("lectern").toString(),
            "--version");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("java -XX:+ExitOnOutOfMemoryError -jar " + jar + " --version");
    assertThat(jdk).exists();
  }

  @Test
  void theJavaOnPathIsUsedWhenNewEnough() throws Exception {
    Path jdk = jdk(dir.resolve("opt/jdk-22"), "22");
    Files.createSymbolicLink(tools.resolve("java"), jdk.resolve("bin/java"));

    assertThat(findJava(Map.of("LECTERN_JDK_ROOTS", dir.resolve("none").toString())))
        .isEqualTo(jdk.toString());
  }

  @Test
  void sdkmanAndMacOsLayoutsAreSearchedByDefault() throws Exception {
    Path sdkman = jdk(home.resolve(".sdkman/candidates/java/99.0.1-tem"), "99.0.1");
    assertThat(findJava(Map.of())).isEqualTo(sdkman.toString());

    Path mac = jdk(dir.resolve("vms/zulu-98.jdk/Contents/Home"), "98.0.1");
    assertThat(findJava(Map.of("LECTERN_JDK_ROOTS", dir.resolve("vms").toString())))
        .isEqualTo(mac.toString());
  }

  @Test
  void withoutAnyJdk21EveryScriptStopsWithOneLineSayingWhatToInstall() throws Exception {
    Path jdk17 = jdk(dir.resolve("jvm/jdk-17"), "17.0.15");
    Map<String, String> env =
        Map.of("JAVA_HOME", jdk17.toString(), "LECTERN_JDK_ROOTS", dir.resolve("jvm").toString());

    for (String script : List.of("find-java", "lectern", "mvn")) {
      Run run = run(env, BIN.resolve(script).toString(), "verify");
      assertThat(run.status()).as(script).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines()).as(script).hasSize(1);
      assertThat(run.err()).contains("needs a JDK 21 or newer", "install one");
    }
  }

  @Test
  void theServerStartsWithTheVectorModuleAnOomExitAndAClassDataArchive() throws Exception {
    Path jdk = jdk(dir.resolve("jvm/jdk-25"), "25.0.1");
    Path jar = Files.writeString(dir.resolve("lectern.jar"), "not really a jar");
    Map<String, String> env =
        Map.of(
            "LECTERN_JDK_ROOTS", dir.resolve("jvm").toString(),
            "LECTERN_JAR", jar.toString(),
            "LECTERN_JAVA_OPTS", "-Xmx1g -Dx=y");

    Run serve = run(env, BIN.resolve("lectern").toString(), "--port", "9090");
    assertThat(serve.status()).as(serve.err()).isZero();
    assertThat(serve.out())
        .isEqualTo(
            "java -XX:+ExitOnOutOfMemoryError --add-modules jdk.incubator.vector"
                + " -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="
                + dir.resolve("lectern.jsa")
                + " -Xlog:cds*=off -Xmx1g -Dx=y -jar "
                + jar
                + " --port 9090");
    assertThat(run(env, BIN.resolve("lectern").toString(), "serve").out())
        .contains("-XX:SharedArchiveFile=", " -jar " + jar + " serve");

    Run command = run(env, BIN.resolve("lectern").toString(), "token", "create", "--name", "ci");
    assertThat(command.out())
        .isEqualTo(
            "java -XX:+ExitOnOutOfMemoryError -Xmx1g -Dx=y -jar "
                + jar
                + " token create --name ci");
    assertThat(jdk).exists();
  }

  @Test
  void mavenRunsOnTheJdkFound() throws Exception {
    Path jdk = jdk(dir.resolve("jvm/jdk-21"), "21.0.4");
    Path maven = Files.createDirectory(dir.resolve("maven"));
    executable(maven.resolve("mvn"), "#!/bin/sh\necho \"mvn $* on $JAVA_HOME in $(pwd)\"\n");
    Map<String, String> env =
        Map.of(
            "LECTERN_JDK_ROOTS",
            dir.resolve("jvm").toString(),
            "PATH",
            BIN + ":" + tools + ":" + maven);

    Run run = run(env, BIN.resolve("mvn").toString(), "-q", "verify");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("mvn -q verify on " + jdk + " in " + BIN.getParent());
  }
}

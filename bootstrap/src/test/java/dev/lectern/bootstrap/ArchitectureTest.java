package dev.lectern.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The rules of ARCHITECTURE.md, checked on every build. */
@AnalyzeClasses(
    packages = "dev.lectern",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /** Test fixtures shipped in test jars are not production code. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  private static final String[] DIALECTS = {"zylon", "ragflow", "aiflowy", "timeweb", "admin"};

  @ArchTest
  static final ArchRule dependencies_point_inward =
      onionArchitecture()
          .domainModels("dev.lectern.domain..")
          .applicationServices("dev.lectern.application..")
          .adapter("lucene", "dev.lectern.adapters.lucene..")
          .adapter("jdbc", "dev.lectern.adapters.jdbc..")
          .adapter("documents", "dev.lectern.adapters.documents..")
          .adapter("http", "dev.lectern.adapters.http..")
          .adapter("llm", "dev.lectern.adapters.llm..")
          .withOptionalLayers(true)
          .ignoreDependency(
              JavaClass.Predicates.resideInAPackage("dev.lectern.bootstrap.."),
              DescribedPredicate.alwaysTrue());

  @ArchTest
  static final ArchRule domain_depends_only_on_the_jdk =
      classes()
          .that()
          .resideInAPackage("dev.lectern.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.lectern.domain..");

  @ArchTest
  static final ArchRule application_depends_only_on_the_jdk_and_domain =
      classes()
          .that()
          .resideInAPackage("dev.lectern.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.lectern.domain..", "dev.lectern.application..");

  @ArchTest
  static final ArchRule incoming_ports_do_not_depend_on_outgoing_ports =
      noClasses()
          .that()
          .resideInAPackage("dev.lectern.application.port.in..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.lectern.application.port.out..")
          .because("commands and streams speak the application's own types, not a port's");

  @ArchTest
  static final ArchRule inbound_adapters_implement_no_outbound_port =
      noClasses()
          .that()
          .resideInAPackage("dev.lectern.adapters.http..")
          .should()
          .implement(
              com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                  "dev.lectern.application.port.out.."))
          .because("what the application needs from outside comes from outbound adapters");

  @ArchTest
  static final ArchRule javalin_stays_in_the_http_adapter =
      technologyStaysHome("io.javalin..", "dev.lectern.adapters.http..");

  @ArchTest
  static final ArchRule lucene_stays_in_the_lucene_adapter =
      technologyStaysHome("org.apache.lucene..", "dev.lectern.adapters.lucene..");

  @ArchTest
  static final ArchRule sql_stays_in_the_jdbc_adapter =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.lectern.adapters.jdbc..", "dev.lectern.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule jackson_only_in_adapters_and_bootstrap =
      noClasses()
          .that()
          .resideInAnyPackage("dev.lectern.domain..", "dev.lectern.application..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.fasterxml.jackson..");

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_each_other =
      slices().matching("dev.lectern.adapters.(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule no_package_cycles =
      slices().matching("dev.lectern.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule ports_hold_only_interfaces_records_and_their_enums =
      classes()
          .that()
          .resideInAPackage("dev.lectern.application.port..")
          .should()
          .beInterfaces()
          .orShould()
          .beRecords()
          .orShould()
          .beEnums();

  @ArchTest
  static final ArchRule no_standard_streams_outside_the_cli =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.lectern.bootstrap.cli..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

  @ArchTest
  static final ArchRule no_java_util_logging =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  @ArchTest
  static final ArchRule no_generic_exceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  @ArchTest static final ArchRule dialects_do_not_depend_on_each_other = dialectsStayApart();

  private static ArchRule technologyStaysHome(String technology, String home) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(home, "dev.lectern.bootstrap..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(technology);
  }

  private static ArchRule dialectsStayApart() {
    ArchRule rule = null;
    for (String dialect : DIALECTS) {
      String[] others =
          java.util.Arrays.stream(DIALECTS)
              .filter(other -> !other.equals(dialect))
              .map(other -> "dev.lectern.adapters.http." + other + "..")
              .toArray(String[]::new);
      ArchRule one =
          noClasses()
              .that()
              .resideInAPackage("dev.lectern.adapters.http." + dialect + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(others)
              .allowEmptyShould(true);
      rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
    }
    return rule;
  }
}

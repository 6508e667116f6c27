package io.github.cloudtwin.examples;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.report.Report;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * README's main job: runs one named scenario on a fresh twin, prints its timeline and writes its
 * HTML report.
 *
 * <p>Usage: {@code ./mvnw -q -pl examples -am -DskipTests package exec:java [-Dscenario=name]}.
 */
public final class ScenarioRunner {

  private ScenarioRunner() {}

  /** The seed every scenario uses unless told otherwise ({@code -Dseed=N}). */
  static final long DEFAULT_SEED = 42;

  /** The scenarios by name, in name order, with the default seed. */
  static Map<String, Function<PrintStream, CloudTwin>> scenarios() {
    return scenarios(DEFAULT_SEED);
  }

  /** The scenarios by name, in name order, each run with {@code seed}. */
  static Map<String, Function<PrintStream, CloudTwin>> scenarios(long seed) {
    Map<String, Function<PrintStream, CloudTwin>> m = new TreeMap<>();
    m.put("seed", out -> Scenarios.seed(out, seed));
    m.put("alarm-only", out -> Scenarios.alarmOnly(out, seed));
    m.put("zone-outage", out -> Scenarios.zoneOutage(out, seed));
    m.put("flapping-policy", out -> Scenarios.flappingPolicy(out, seed));
    m.put("ecs-two-layers", out -> Scenarios.ecsTwoLayers(out, seed));
    return m;
  }

  /**
   * The scenario to run: a built-in one, or with {@code template} one of {@link StackScenarios} on
   * that stack (imported before it starts); null after printing why there is none.
   */
  static Function<PrintStream, CloudTwin> scenario(
      String name, long seed, String template, String parameters, String ssm) {
    if (template.isBlank()) {
      Function<PrintStream, CloudTwin> s = scenarios(seed).get(name);
      if (s == null)
        System.err.println("Unknown scenario \"" + name + "\"; known: " + scenarios().keySet());
      return s;
    }
    var s = StackScenarios.scenarios().get(name);
    if (s == null) {
      System.err.println(
          "Scenario \""
              + name
              + "\" does not run on a template; with -Dtemplate: "
              + StackScenarios.scenarios().keySet()
              + " (-Dscenario=zone-outage)");
      return null;
    }
    StackScenarios.Imported imported = StackScenarios.importStack(seed, template, parameters, ssm);
    System.out.println("Imported " + imported.stack() + " from " + template);
    System.out.print(imported.stack().report().text());
    return out -> s.apply(out, imported);
  }

  /**
   * Runs the scenario named by the first argument (default {@code seed}); with {@code
   * -Dtemplate=path} (and optionally {@code -Dparameters=A=1;B=2}, {@code -Dssm=/name=value}) the
   * zone-outage or spike scenario runs on that stack.
   *
   * @param args the scenario name, optionally
   */
  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "seed";
    long seed = Long.getLong("seed", DEFAULT_SEED);
    Function<PrintStream, CloudTwin> scenario =
        scenario(
            name,
            seed,
            System.getProperty("template", ""),
            System.getProperty("parameters", ""),
            System.getProperty("ssm", ""));
    if (scenario == null) {
      System.exit(2);
      return;
    }
    long start = System.nanoTime();
    try (CloudTwin twin = scenario.apply(System.out)) {
      double wallMillis = (System.nanoTime() - start) / 1e6;
      System.out.println();
      System.out.print(twin.timeline().text());
      Path report =
          Report.builder(twin)
              .title("Scenario " + name)
              .build()
              .write(
                  Path.of(
                      System.getProperty("cloudtwin.reports", "target/cloudtwin-reports"),
                      name + ".html"));
      System.out.printf(
          "%nSimulated %s of virtual time in %.1f ms of wall time.%nReport: %s%n",
          io.github.cloudtwin.kernel.TimelineFormat.offset(twin.elapsed()),
          wallMillis,
          report.toAbsolutePath().normalize());
    }
  }
}

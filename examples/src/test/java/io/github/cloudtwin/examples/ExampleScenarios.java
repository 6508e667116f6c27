package io.github.cloudtwin.examples;

import io.github.cloudtwin.CloudTwin;
import java.io.PrintStream;
import java.util.function.Function;

/** The runner's scenarios for tests in other packages (the browser tests of the report). */
public final class ExampleScenarios {

  private ExampleScenarios() {}

  /**
   * Runs the scenario named {@code name} with the runner's default seed.
   *
   * @param name a name {@link ScenarioRunner} knows, such as {@code seed}
   * @param out where the scenario prints its lines
   * @return the twin, at the end of the story
   */
  public static CloudTwin run(String name, PrintStream out) {
    Function<PrintStream, CloudTwin> s = ScenarioRunner.scenarios().get(name);
    if (s == null)
      throw new IllegalArgumentException(
          "no scenario " + name + "; known: " + ScenarioRunner.scenarios().keySet());
    return s.apply(out);
  }
}

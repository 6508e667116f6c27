package io.github.cloudtwin.advice;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.internal.kernel.Require;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Advice on a twin's configuration as it stands, before (or between) anything runs: the findings of
 * every {@link AdviceRule}, in rule order, then resource order. An immutable value; obtain it from
 * {@code twin.advice()}.
 *
 * @param findings the findings, possibly none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Advice(List<Finding> findings) {

  /**
   * Copies the findings.
   *
   * @param findings the findings, possibly none
   */
  public Advice {
    findings = List.copyOf(Require.notNull("findings", findings));
  }

  /**
   * Checks every rule against the twin's configuration now. Reads only: nothing is recorded, the
   * clock does not move.
   *
   * @param twin the twin
   * @return the advice
   */
  public static Advice of(CloudTwin twin) {
    Require.notNull("twin", twin);
    return twin.simulation()
        .call(
            () -> {
              Estate estate = new Estate(twin);
              List<Finding> out = new ArrayList<>();
              ScalingAdvice.check(estate, out);
              CapacityAdvice.check(estate, out);
              HealthAdvice.check(estate, out);
              AlarmAdvice.check(estate, out);
              out.sort(
                  java.util.Comparator.comparing(Finding::rule)
                      .thenComparing(f -> String.join(",", f.resources())));
              return new Advice(out);
            });
  }

  /** {@return whether there is no finding} */
  public boolean isEmpty() {
    return findings.isEmpty();
  }

  /**
   * The findings of one rule.
   *
   * @param rule the rule
   * @return its findings, possibly none
   */
  public List<Finding> findings(AdviceRule rule) {
    Require.notNull("rule", rule);
    return findings.stream().filter(f -> f.rule() == rule).toList();
  }

  /** {@return every finding as text, one block each, for people} */
  public String text() {
    if (findings.isEmpty()) return "No findings.";
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) sb.append(f.text()).append('\n');
    return sb.toString().stripTrailing();
  }
}

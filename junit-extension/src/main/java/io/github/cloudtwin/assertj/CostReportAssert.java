package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldCostLessThan.shouldCostLessThan;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cost.CostReport;
import io.github.cloudtwin.cost.InstanceCharge;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.Timeline;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on what a scenario cost ({@link CostReport}), in US dollars. Failures show the split
 * per group and policy, the most expensive instances and the timeline slice of their launches (with
 * {@link #in(CloudTwin)}, or when obtained from {@code assertThat(twin).cost()}).
 *
 * <pre>{@code
 * assertThat(twin).cost().costBelow(5.00);
 * assertThat(twin).cost(prices).groupCostBelow("web", 3.00).costPerHour().isLessThan(0.50);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class CostReportAssert extends AbstractObjectAssert<CostReportAssert, CostReport> {

  /** The timeline {@code in(twin)} gave, quoted in failures; null until then. */
  private @Nullable Timeline timeline;

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public CostReportAssert(@Nullable CostReport actual) {
    super(actual, CostReportAssert.class);
  }

  /**
   * Quotes {@code twin}'s timeline in failures.
   *
   * @param twin the twin the report was made from
   * @return this assertion
   */
  public CostReportAssert in(CloudTwin twin) {
    this.timeline = Require.notNull("twin", twin).timeline();
    return myself;
  }

  /**
   * Verifies that everything (instances and Fargate tasks) cost less than {@code usd}.
   *
   * @param usd the limit in US dollars
   * @return this assertion
   */
  public CostReportAssert costBelow(double usd) {
    isNotNull();
    return check("the scenario", usd, false, actual.totalUsd(), actual.instances());
  }

  /**
   * Verifies that everything cost at most {@code usd}.
   *
   * @param usd the limit in US dollars
   * @return this assertion
   */
  public CostReportAssert costAtMost(double usd) {
    isNotNull();
    return check("the scenario", usd, true, actual.totalUsd(), actual.instances());
  }

  /**
   * Verifies that the instances of one Auto Scaling group cost less than {@code usd}.
   *
   * @param groupName the group
   * @param usd the limit in US dollars
   * @return this assertion
   */
  public CostReportAssert groupCostBelow(String groupName, double usd) {
    isNotNull();
    List<InstanceCharge> of =
        actual.instances().stream().filter(c -> Objects.equals(groupName, c.groupName())).toList();
    return check(
        "Auto Scaling group \"" + groupName + "\"", usd, false, actual.group(groupName), of);
  }

  /**
   * Verifies that the instances one scaling policy launched cost less than {@code usd}.
   *
   * @param policyName the policy
   * @param usd the limit in US dollars
   * @return this assertion
   */
  public CostReportAssert policyCostBelow(String policyName, double usd) {
    isNotNull();
    List<InstanceCharge> of =
        actual.instances().stream()
            .filter(c -> Objects.equals(policyName, c.policyName()))
            .toList();
    return check(
        "the instances scaling policy \"" + policyName + "\" launched",
        usd,
        false,
        actual.policy(policyName),
        of);
  }

  /** {@return assertions on the cost per hour of the whole scenario, in US dollars} */
  public AbstractDoubleAssert<?> costPerHour() {
    isNotNull();
    return Assertions.assertThat(actual.costPerHour())
        .as("cost per hour (USD) over %s", actual.duration());
  }

  /** {@return assertions on the total cost, in US dollars} */
  public AbstractDoubleAssert<?> totalCost() {
    isNotNull();
    return Assertions.assertThat(actual.totalUsd())
        .as("total cost (USD) over %s", actual.duration());
  }

  private CostReportAssert check(
      String what, double limit, boolean inclusive, double cost, List<InstanceCharge> charges) {
    Require.between("usd", limit, 0, 1e12);
    if (charges.isEmpty() && (!what.equals("the scenario") || actual.tasks().isEmpty())) {
      throw assertionError(
          shouldCostLessThan(actual, what, limit, inclusive, cost, charges, timeline)
              .butNothingWasBilled());
    }
    boolean ok = inclusive ? cost <= limit : cost < limit;
    if (!ok) {
      throw assertionError(
          shouldCostLessThan(actual, what, limit, inclusive, cost, charges, timeline));
    }
    return myself;
  }
}

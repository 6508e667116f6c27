package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldHaveHealthyTargetCount.shouldHaveHealthyTargetCount;

import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetHealth;
import io.github.cloudtwin.elb.TargetHealthState;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/** Assertions on a load balancer {@link TargetGroup}; failures show its targets' timeline. */
@API(status = API.Status.STABLE, since = "0.1.0")
public class TargetGroupAssert extends AbstractObjectAssert<TargetGroupAssert, TargetGroup> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public TargetGroupAssert(@Nullable TargetGroup actual) {
    super(actual, TargetGroupAssert.class);
  }

  /**
   * Verifies how many registered targets are {@code healthy} now.
   *
   * @param expected verifies how many registered targets are {@code healthy} now
   * @return this assertion
   */
  public TargetGroupAssert hasHealthyTargetCount(int expected) {
    isNotNull();
    int healthy = 0;
    for (TargetHealth h : actual.targetHealth().values())
      if (h.state() == TargetHealthState.HEALTHY) healthy++;
    if (healthy != expected) {
      throw EqualityFailure.of(
          info, shouldHaveHealthyTargetCount(actual, null, expected, healthy), expected, healthy);
    }
    return myself;
  }

  /**
   * Verifies how many registered targets in {@code zone} are {@code healthy} now.
   *
   * @param zone the zone
   * @param expected the expected value
   * @return this assertion
   */
  public TargetGroupAssert hasHealthyTargetCountInZone(String zone, int expected) {
    isNotNull();
    int healthy = actual.healthyTargetCountByZone().getOrDefault(zone, 0);
    if (healthy != expected) {
      throw EqualityFailure.of(
          info, shouldHaveHealthyTargetCount(actual, zone, expected, healthy), expected, healthy);
    }
    return myself;
  }
}

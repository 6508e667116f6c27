package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldBeBalancedAcrossZones.shouldBeBalancedAcrossZones;
import static io.github.cloudtwin.assertj.error.ShouldHaveDesiredCapacity.shouldHaveDesiredCapacity;
import static io.github.cloudtwin.assertj.error.ShouldHaveInServiceCount.shouldHaveInServiceCount;
import static io.github.cloudtwin.assertj.error.ShouldHaveInstanceRefresh.shouldHaveInstanceRefresh;
import static io.github.cloudtwin.assertj.error.ShouldHaveNoScalingActivityBetween.shouldHaveNoScalingActivityBetween;
import static io.github.cloudtwin.assertj.error.ShouldHaveNoScalingActivityBetween.windowNotOver;
import static io.github.cloudtwin.assertj.error.ShouldHavePredictiveScaling.shouldHaveCapacityForecast;
import static io.github.cloudtwin.assertj.error.ShouldHavePredictiveScaling.shouldHaveRaisedDesiredCapacity;
import static io.github.cloudtwin.assertj.error.ShouldHaveScalingActivityCount.shouldHaveScalingActivityCount;
import static io.github.cloudtwin.assertj.error.ShouldHaveWarmPool.shouldHaveWarmPool;
import static io.github.cloudtwin.assertj.error.ShouldNeverHaveExceededCapacity.shouldNeverHaveExceededCapacity;

import io.github.cloudtwin.assertj.error.ShouldHavePredictiveScaling;
import io.github.cloudtwin.assertj.error.ShouldRunInstanceTypes;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on an EC2 Auto Scaling {@link AutoScalingGroup}; failures show the group's timeline.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class AutoScalingGroupAssert
    extends AbstractObjectAssert<AutoScalingGroupAssert, AutoScalingGroup> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public AutoScalingGroupAssert(@Nullable AutoScalingGroup actual) {
    super(actual, AutoScalingGroupAssert.class);
  }

  /**
   * Verifies the group's DesiredCapacity now.
   *
   * @param expected verifies the group's DesiredCapacity now
   * @return this assertion
   */
  public AutoScalingGroupAssert hasDesiredCapacity(int expected) {
    isNotNull();
    if (actual.desiredCapacity() != expected) {
      throw EqualityFailure.of(
          info, shouldHaveDesiredCapacity(actual, expected), expected, actual.desiredCapacity());
    }
    return myself;
  }

  /**
   * Verifies how many of the group's instances are InService now.
   *
   * @param expected verifies how many of the group's instances are InService now
   * @return this assertion
   */
  public AutoScalingGroupAssert hasInServiceCount(int expected) {
    isNotNull();
    if (actual.inServiceCount() != expected) {
      throw EqualityFailure.of(
          info, shouldHaveInServiceCount(actual, expected), expected, actual.inServiceCount());
    }
    return myself;
  }

  /**
   * Verifies how many instances the group's warm pool holds now, in any {@code Warmed:*} state
   * (fails when the group has no warm pool); experimental.
   *
   * @param expected the number of pool instances
   * @return this assertion
   */
  public AutoScalingGroupAssert hasWarmPoolSize(int expected) {
    isNotNull();
    int size = actual.warmPool().map(p -> p.instances().size()).orElse(-1);
    if (size != expected) {
      throw EqualityFailure.of(info, shouldHaveWarmPool(actual, expected, false), expected, size);
    }
    return myself;
  }

  /**
   * Verifies the status of the group's latest instance refresh (fails when it has had none);
   * experimental.
   *
   * @param expected the status, such as {@code InstanceRefreshStatus.SUCCESSFUL}
   * @return this assertion
   */
  public AutoScalingGroupAssert hasInstanceRefreshStatus(
      io.github.cloudtwin.autoscaling.InstanceRefreshStatus expected) {
    isNotNull();
    java.util.List<io.github.cloudtwin.autoscaling.InstanceRefresh> all =
        actual.instanceRefreshes();
    Object status = all.isEmpty() ? "no instance refresh" : all.get(0).status();
    if (!status.equals(expected)) {
      throw EqualityFailure.of(
          info, shouldHaveInstanceRefresh(actual, "in status " + expected), expected, status);
    }
    return myself;
  }

  /**
   * Verifies the PercentageComplete of the group's latest instance refresh (fails when it has had
   * none); experimental.
   *
   * @param expected 0 to 100
   * @return this assertion
   */
  public AutoScalingGroupAssert hasInstanceRefreshPercentageComplete(int expected) {
    isNotNull();
    java.util.List<io.github.cloudtwin.autoscaling.InstanceRefresh> all =
        actual.instanceRefreshes();
    int pct = all.isEmpty() ? -1 : all.get(0).percentageComplete();
    if (pct != expected) {
      throw EqualityFailure.of(
          info, shouldHaveInstanceRefresh(actual, expected + " % complete"), expected, pct);
    }
    return myself;
  }

  /**
   * Verifies that every instance of the group runs an instance type its latest instance refresh
   * asks for: the desired mixed instances policy's overrides (without one, the group's own types);
   * fails naming the others, with the refresh's status and timeline; experimental.
   *
   * @return this assertion
   */
  public AutoScalingGroupAssert runsOnlyInstanceTypesOfLatestInstanceRefresh() {
    isNotNull();
    List<String> types = ShouldRunInstanceTypes.desiredTypes(actual);
    if (types == null || !ShouldRunInstanceTypes.others(actual, types).isEmpty()) {
      throw EqualityFailure.of(
          info,
          ShouldRunInstanceTypes.shouldRunInstanceTypesOfLatestRefresh(actual),
          types == null ? "an instance refresh" : types,
          new java.util.TreeSet<>(actual.instances().stream().map(i -> i.instanceType()).toList()));
    }
    return myself;
  }

  /**
   * Verifies the capacity a predictive scaling policy of the group forecast for one hour: the
   * newest forecast's value for the hour, as {@code GetPredictiveScalingForecast} answers it;
   * experimental.
   *
   * @param policyName the predictive scaling policy
   * @param hour the start of the forecast hour, as an offset from the twin's start (a whole hour)
   * @param expected the capacity forecast
   * @return this assertion
   */
  public AutoScalingGroupAssert hasPredictiveCapacityForecast(
      String policyName, Duration hour, int expected) {
    isNotNull();
    Require.notNull("policyName", policyName);
    Require.notNull("hour", hour);
    Integer forecast =
        ShouldHavePredictiveScaling.capacityForecast(actual, policyName)
            .get(actual.timeline().t0().plus(hour));
    if (forecast == null || forecast != expected) {
      throw EqualityFailure.of(
          info,
          shouldHaveCapacityForecast(actual, policyName, hour, expected, forecast),
          expected,
          forecast == null ? "no forecast" : forecast);
    }
    return myself;
  }

  /**
   * Verifies that a ForecastAndScale predictive scaling policy of the group raised its desired
   * capacity to at least {@code expected} no later than {@code by} (a capacity action of the policy
   * at or before that time); experimental.
   *
   * @param policyName the predictive scaling policy
   * @param expected the desired capacity the policy must have raised the group to, or above
   * @param by the latest time, as an offset from the twin's start
   * @return this assertion
   */
  public AutoScalingGroupAssert hasPredictiveScalingRaisedDesiredCapacity(
      String policyName, int expected, Duration by) {
    isNotNull();
    Require.notNull("policyName", policyName);
    Require.notNull("by", by);
    Instant deadline = actual.timeline().t0().plus(by);
    for (TimelineEvent e :
        actual.timeline().events(AutoScalingFact.PredictiveScalingActionRun.class)) {
      AutoScalingFact.PredictiveScalingActionRun r =
          e.fact(AutoScalingFact.PredictiveScalingActionRun.class).orElseThrow();
      if (r.groupName().equals(actual.name())
          && r.policyName().equals(policyName)
          && !e.time().isAfter(deadline)
          && r.to() >= expected) return myself;
    }
    throw assertionError(shouldHaveRaisedDesiredCapacity(actual, policyName, expected, by));
  }

  /**
   * Verifies how many of the warm pool's instances are ready to leave it now (Warmed:Stopped,
   * Warmed:Running or Warmed:Hibernated, the pool's state); experimental.
   *
   * @param expected the number of warmed instances
   * @return this assertion
   */
  public AutoScalingGroupAssert hasWarmedInstances(int expected) {
    isNotNull();
    int warmed = actual.warmPool().map(p -> p.warmedInstances().size()).orElse(-1);
    if (warmed != expected) {
      throw EqualityFailure.of(info, shouldHaveWarmPool(actual, expected, true), expected, warmed);
    }
    return myself;
  }

  /**
   * Verifies that the InService instances in its zones differ by at most one (and that there are
   * some).
   *
   * @return this assertion
   */
  public AutoScalingGroupAssert isBalancedAcross() {
    isNotNull();
    return balanced(actual.inServiceCountByZone());
  }

  /**
   * Verifies that the InService instances in {@code zones} differ by at most one (and that there
   * are some).
   *
   * @param zones the zones
   * @return this assertion
   */
  public AutoScalingGroupAssert isBalancedAcross(String... zones) {
    isNotNull();
    Require.notNull("zones", zones);
    SortedMap<String, Integer> all = actual.inServiceCountByZone();
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (String z : zones) counts.put(z, all.getOrDefault(z, 0));
    return balanced(counts);
  }

  private AutoScalingGroupAssert balanced(SortedMap<String, Integer> counts) {
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    if (max == 0 || max - min > 1) {
      throw assertionError(shouldBeBalancedAcrossZones(actual, counts));
    }
    return myself;
  }

  /**
   * Verifies how many scaling activities the group has had (DescribeScalingActivities).
   *
   * @param expected verifies how many scaling activities the group has had
   *     (DescribeScalingActivities)
   * @return this assertion
   */
  public AutoScalingGroupAssert hasScalingActivityCount(int expected) {
    isNotNull();
    if (actual.activities().size() != expected) {
      throw EqualityFailure.of(
          info,
          shouldHaveScalingActivityCount(actual, expected),
          expected,
          actual.activities().size());
    }
    return myself;
  }

  /**
   * Verifies that no scaling activity started in [{@code from}, {@code to}] after the twin's start.
   * Fails while the twin's clock is before {@code to}: the rest of the window has not happened yet.
   *
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @return this assertion
   */
  public AutoScalingGroupAssert hasNoScalingActivityBetween(Duration from, Duration to) {
    isNotNull();
    Instant t0 = actual.timeline().t0();
    if (actual.timeline().now().isBefore(t0.plus(to))) {
      throw assertionError(windowNotOver(actual, from, to));
    }
    List<ScalingActivity> inWindow = new ArrayList<>();
    List<ScalingActivity> all = actual.activities();
    for (int i = all.size() - 1; i >= 0; i--) {
      Instant start = all.get(i).startTime();
      if (!start.isBefore(t0.plus(from)) && !start.isAfter(t0.plus(to))) inWindow.add(all.get(i));
    }
    if (!inWindow.isEmpty()) {
      throw assertionError(shouldHaveNoScalingActivityBetween(actual, from, to, inWindow));
    }
    return myself;
  }

  /**
   * Verifies that the group's real size (Pending + InService + Terminating instances, see {@link
   * io.github.cloudtwin.autoscaling.GroupSize}) never went above {@code limit}: what the account
   * paid for, unlike the desired capacity.
   *
   * @param limit the most instances the group may have had at any instant
   * @return this assertion
   */
  public AutoScalingGroupAssert neverExceededSize(int limit) {
    isNotNull();
    for (io.github.cloudtwin.autoscaling.GroupSize s : actual.sizeHistory()) {
      if (s.total() > limit) {
        throw assertionError(
            io.github.cloudtwin.assertj.error.ShouldNeverHaveExceededCapacity
                .shouldNeverHaveExceededSize(actual, null, limit, s));
      }
    }
    return myself;
  }

  /**
   * Verifies that the group's real size in {@code zone} never went above {@code limit}.
   *
   * @param zone the Availability Zone
   * @param limit the most instances the group may have had in it at any instant
   * @return this assertion
   */
  public AutoScalingGroupAssert neverExceededSizeInZone(String zone, int limit) {
    isNotNull();
    for (io.github.cloudtwin.autoscaling.GroupSize s : actual.sizeHistory()) {
      if (s.inZone(zone) > limit) {
        throw assertionError(
            io.github.cloudtwin.assertj.error.ShouldNeverHaveExceededCapacity
                .shouldNeverHaveExceededSize(actual, zone, limit, s));
      }
    }
    return myself;
  }

  /**
   * Verifies that the group's desired capacity never went above {@code limit}.
   *
   * @param limit verifies that the group's desired capacity never went above {@code limit}
   * @return this assertion
   */
  public AutoScalingGroupAssert neverExceededCapacity(int limit) {
    isNotNull();
    boolean exceeded =
        io.github.cloudtwin.assertj.error.ShouldNeverHaveExceededCapacity.peak(actual) > limit;
    if (exceeded) {
      throw assertionError(shouldNeverHaveExceededCapacity(actual, limit));
    }
    return myself;
  }

  /**
   * Verifies the group's capacity units bought as {@code option} now: the Pending and InService
   * instances that count toward desired capacity (a mixed instances group's On-Demand/Spot split).
   *
   * @param option On-Demand or Spot
   * @param expectedUnits the capacity units expected
   * @return this assertion
   */
  public AutoScalingGroupAssert hasCapacity(
      io.github.cloudtwin.ec2.PurchaseOption option, int expectedUnits) {
    isNotNull();
    int units =
        Objects.requireNonNull(
            actual.capacityByPurchaseOption().get(option),
            "capacityByPurchaseOption() holds every purchase option");
    if (units != expectedUnits) {
      throw EqualityFailure.of(
          info,
          io.github.cloudtwin.assertj.error.ShouldHaveCapacityByPurchaseOption.shouldHaveCapacity(
              actual, option, expectedUnits),
          expectedUnits,
          units);
    }
    return myself;
  }

  /**
   * Verifies the group's On-Demand capacity units now.
   *
   * @param expectedUnits the On-Demand capacity units expected
   * @return this assertion
   */
  public AutoScalingGroupAssert hasOnDemandCapacity(int expectedUnits) {
    return hasCapacity(io.github.cloudtwin.ec2.PurchaseOption.ON_DEMAND, expectedUnits);
  }

  /**
   * Verifies the group's Spot capacity units now.
   *
   * @param expectedUnits the Spot capacity units expected
   * @return this assertion
   */
  public AutoScalingGroupAssert hasSpotCapacity(int expectedUnits) {
    return hasCapacity(io.github.cloudtwin.ec2.PurchaseOption.SPOT, expectedUnits);
  }

  /**
   * Verifies that the group had at least {@code minimum} InService instances at every instant of
   * {@code [from, to]} (offsets from the twin's start), replayed from the typed lifecycle facts of
   * its timeline: for instance that Capacity Rebalancing replaced reclaimed Spot Instances before
   * they went. Fails naming the lowest count, when it came and when the count recovered.
   *
   * @param minimum the fewest InService instances allowed
   * @param from the window's start, an offset from the twin's start
   * @param to the window's end, not before {@code from}
   * @return this assertion
   */
  public AutoScalingGroupAssert keptInServiceCountAtLeast(int minimum, Duration from, Duration to) {
    isNotNull();
    if (from == null || to == null || to.compareTo(from) < 0 || from.isNegative()) {
      throw new IllegalArgumentException(
          "expected a window of offsets from <= to, both not negative, but got "
              + from
              + " to "
              + to);
    }
    io.github.cloudtwin.assertj.error.ShouldHaveKeptInServiceCount.Dip dip =
        io.github.cloudtwin.assertj.error.ShouldHaveKeptInServiceCount.lowest(
            actual, minimum, from, to);
    if (dip.lowest() < minimum) {
      throw assertionError(
          io.github.cloudtwin.assertj.error.ShouldHaveKeptInServiceCount
              .shouldHaveKeptInServiceCount(actual, minimum, from, to, dip));
    }
    return myself;
  }
}

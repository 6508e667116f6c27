package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldBeSpreadAcrossZones.shouldBeSpreadAcrossZones;
import static io.github.cloudtwin.assertj.error.ShouldHaveDesiredCount.shouldHaveDesiredCount;
import static io.github.cloudtwin.assertj.error.ShouldHaveReachedSteadyState.shouldHaveReachedSteadyState;
import static io.github.cloudtwin.assertj.error.ShouldHaveRunningTaskCount.shouldHaveRunningTaskCount;

import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskStatus;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on an ECS {@link EcsService}; failures show the service's timeline and newest event.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class EcsServiceAssert extends AbstractObjectAssert<EcsServiceAssert, EcsService> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public EcsServiceAssert(@Nullable EcsService actual) {
    super(actual, EcsServiceAssert.class);
  }

  /**
   * Verifies the service's runningCount.
   *
   * @param expected verifies the service's runningCount
   * @return this assertion
   */
  public EcsServiceAssert hasRunningTaskCount(int expected) {
    isNotNull();
    if (actual.runningCount() != expected) {
      throw EqualityFailure.of(
          info, shouldHaveRunningTaskCount(actual, expected), expected, actual.runningCount());
    }
    return myself;
  }

  /**
   * Verifies the service's desiredCount.
   *
   * @param expected verifies the service's desiredCount
   * @return this assertion
   */
  public EcsServiceAssert hasDesiredCount(int expected) {
    isNotNull();
    if (actual.desiredCount() != expected) {
      throw EqualityFailure.of(
          info, shouldHaveDesiredCount(actual, expected), expected, actual.desiredCount());
    }
    return myself;
  }

  /**
   * Verifies that the RUNNING tasks differ by at most one between the zones the service runs tasks
   * in (and that some run).
   *
   * @return this assertion
   */
  public EcsServiceAssert isSpreadAcrossZones() {
    isNotNull();
    return spread(runningByZone());
  }

  /**
   * Verifies that the RUNNING tasks differ by at most one between {@code zones} (a zone without any
   * counts 0; some must run).
   *
   * @param zones the zones
   * @return this assertion
   */
  public EcsServiceAssert isSpreadAcrossZones(String... zones) {
    isNotNull();
    SortedMap<String, Integer> all = runningByZone();
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (String z : zones) counts.put(z, all.getOrDefault(z, 0));
    return spread(counts);
  }

  private SortedMap<String, Integer> runningByZone() {
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (Task t : actual.tasks()) {
      if (t.availabilityZone() == null) continue;
      counts.merge(
          t.availabilityZone(), t.lastStatus() == TaskStatus.RUNNING ? 1 : 0, Integer::sum);
    }
    return counts;
  }

  private EcsServiceAssert spread(SortedMap<String, Integer> counts) {
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    if (max == 0 || max - min > 1) {
      throw assertionError(shouldBeSpreadAcrossZones(actual, counts));
    }
    return myself;
  }

  /**
   * Verifies that the service has reached a steady state and still is in it.
   *
   * @return this assertion
   */
  public EcsServiceAssert reachedSteadyState() {
    isNotNull();
    if (!actual.isSteady()) {
      throw assertionError(shouldHaveReachedSteadyState(actual));
    }
    return myself;
  }
}

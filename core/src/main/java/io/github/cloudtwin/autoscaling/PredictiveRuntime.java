package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One predictive scaling policy at run time: its forecasts (every hour ever forecast, the newest
 * forecast's value winning) and, in ForecastAndScale mode, one capacity action per forecast hour,
 * {@code SchedulingBufferTime} before the hour. Runs under the kernel lock.
 */
final class PredictiveRuntime {

  final GroupRuntime group;
  final PredictiveScalingPolicy spec;
  final String arn;
  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final TreeMap<Instant, PredictiveScalingForecast> forecasts = new TreeMap<>();
  private final List<Scheduler.Task> actions = new ArrayList<>();
  private @Nullable Instant updateTime;
  private @Nullable Instant lastActedHour;
  private boolean deleted;

  PredictiveRuntime(
      GroupRuntime group,
      PredictiveScalingPolicy spec,
      String arn,
      Kernel kernel,
      CloudWatch cloudWatch) {
    this.group = group;
    this.spec = spec;
    this.arn = arn;
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
  }

  /** {@return whether the policy still runs (not deleted, replaced, or its group gone)} */
  boolean live() {
    return !deleted && !group.deleted;
  }

  /** Stops the policy: its pending capacity actions are cancelled. */
  void stop() {
    deleted = true;
    cancelActions();
    group.forecastFloors.remove(spec.policyName());
  }

  /** {@return when the newest forecast was made, or empty before the first} */
  Optional<Instant> updateTime() {
    return Optional.ofNullable(updateTime);
  }

  /** {@return the forecast hours in {@code [start, end)}} */
  List<PredictiveScalingForecast> forecasts(Instant start, Instant end) {
    return List.copyOf(forecasts.subMap(start, true, end, false).values());
  }

  /**
   * Makes a forecast now from the load history (or records why not) and, in ForecastAndScale mode,
   * schedules its hourly capacity actions in place of the previous forecast's.
   */
  void forecast() {
    if (!live()) return;
    Instant now = kernel.clock().now();
    HourlyForecaster.History history = HourlyForecaster.history(cloudWatch, spec, now);
    Optional<List<PredictiveScalingForecast>> made =
        HourlyForecaster.forecast(history, spec, now, group.spec.minSize(), group.spec.maxSize());
    if (made.isEmpty()) {
      group.record(
          new AutoScalingFact.PredictiveForecastNotCreated(
              spec.policyName(), group.name, history.span()));
      return;
    }
    List<PredictiveScalingForecast> points = made.get();
    points.forEach(p -> forecasts.put(p.timestamp(), p));
    updateTime = now;
    int peak =
        points.stream().mapToInt(PredictiveScalingForecast::capacityForecast).max().orElse(0);
    long id =
        group.record(
            new AutoScalingFact.PredictiveForecastCreated(
                spec.policyName(),
                group.name,
                points.get(0).timestamp(),
                points.size(),
                history.span(),
                peak,
                points));
    if (spec.mode() == PredictiveScalingMode.ForecastAndScale) {
      kernel.runWithCause(id, () -> schedule(points, now));
    }
  }

  private void schedule(List<PredictiveScalingForecast> points, Instant now) {
    cancelActions();
    for (PredictiveScalingForecast p : points) {
      Instant hour = p.timestamp();
      if (lastActedHour != null && !hour.isAfter(lastActedHour)) continue;
      Instant at = hour.minus(spec.schedulingBufferTime());
      if (at.isAfter(now)) {
        actions.add(kernel.scheduler().at(at, () -> act(hour)));
      } else {
        act(hour); // the hour's launch time has come: act at once
      }
    }
  }

  private void cancelActions() {
    actions.forEach(Scheduler.Task::cancel);
    actions.clear();
  }

  /** Raises desired capacity (and with IncreaseMaxCapacity the maximum) to the hour's forecast. */
  private void act(Instant hour) {
    PredictiveScalingForecast point = forecasts.get(hour);
    if (!live() || point == null) return;
    lastActedHour = hour;
    int capacity = point.capacityForecast();
    int min = group.spec.minSize();
    int max = group.spec.maxSize();
    int desired = group.spec.desiredCapacity();
    Integer buffer = spec.maxCapacityBuffer();
    // IncreaseMaxCapacity: the forecast plus the buffer, rounded up, when that is above max
    int newMax =
        buffer == null
            ? max
            : (int)
                Math.max(
                    max,
                    Math.min(Integer.MAX_VALUE, ((long) capacity * (100 + buffer) + 99) / 100));
    int target = Math.min(Math.max(capacity, min), newMax);
    int newDesired = Math.max(desired, target);
    group.forecastFloors.put(spec.policyName(), new ForecastFloor(spec.policyName(), hour, target));
    long id =
        group.record(
            new AutoScalingFact.PredictiveScalingActionRun(
                spec.policyName(), group.name, hour, capacity, desired, newDesired, newMax));
    String clause = "a predictive scaling policy " + spec.policyName() + " forecast for " + hour;
    kernel.runWithCause(
        id,
        () -> {
          if (newMax != max) {
            group.setLimits(min, newMax, newDesired, clause);
          } else if (newDesired != desired) {
            group.changeDesired(newDesired, clause, false, null);
          }
        });
  }
}

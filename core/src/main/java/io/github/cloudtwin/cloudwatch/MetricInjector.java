package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.internal.InjectionTargets;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.VirtualClock;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Metric injections of one CloudWatch: validates an injection (its window, the instance or group it
 * names), records it, publishes metric-id injections into the {@link MetricStore} once per minute,
 * and answers publishers what is injected or silenced for an instance or group. Simulation thread
 * only, except where a method says otherwise.
 */
final class MetricInjector {

  private final Kernel kernel;
  private final Injections injections;
  private final MetricStore store;
  private InjectionTargets targets =
      new InjectionTargets() {
        @Override
        public boolean instanceExists(String instanceId) {
          return true;
        }

        @Override
        public boolean groupExists(String groupName) {
          return true;
        }
      };

  MetricInjector(Kernel kernel, Injections injections, MetricStore store) {
    this.kernel = kernel;
    this.injections = injections;
    this.store = store;
  }

  void targets(InjectionTargets targets) {
    this.targets = targets;
  }

  private static long offset(String field, Instant t0, Duration offset) {
    if (offset.compareTo(Duration.between(t0, VirtualClock.LATEST)) > 0) {
      throw new ValidationException(
          field, offset, "an offset that stays at or before " + VirtualClock.LATEST);
    }
    return t0.plus(offset).toEpochMilli();
  }

  /** Validates, records and (for a metric id) schedules {@code injection}. */
  void inject(MetricInjection injection) {
    Instant t0 = kernel.clock().start();
    long from =
        injection.from() != null
            ? VirtualClock.requireInRange("from", injection.from()).toEpochMilli()
            : offset(
                "from",
                t0,
                injection.fromOffset() == null ? Duration.ZERO : injection.fromOffset());
    long to =
        injection.to() != null
            ? VirtualClock.requireInRange("to", injection.to()).toEpochMilli()
            : injection.toOffset() != null
                ? offset("to", t0, injection.toOffset())
                : Long.MAX_VALUE;
    Instant now = kernel.clock().now();
    if (to <= now.toEpochMilli()) {
      throw new ValidationException(
          "to",
          Instant.ofEpochMilli(to),
          "a window that has not ended yet: virtual time is already at " + now);
    }
    if (injection.instanceId() != null && !targets.instanceExists(injection.instanceId())) {
      throw new ValidationException(
          "instanceId", injection.instanceId(), "the id of an instance of this twin");
    }
    if (injection.groupName() != null && !targets.groupExists(injection.groupName())) {
      throw new ValidationException(
          "groupName",
          injection.groupName(),
          "the name of an Auto Scaling group of this twin (or of instances launched with autoScalingGroupName)");
    }
    Injections.Active active = new Injections.Active(injection, from, to);
    injections.all.add(active);
    kernel
        .timeline()
        .record(
            new CloudWatchFact.MetricInjected(
                injection.metricName(),
                injection.signal(),
                injection.instanceId(),
                injection.groupName(),
                injection.metric(),
                Duration.ofMillis(from - t0.toEpochMilli()),
                to == Long.MAX_VALUE ? null : Duration.ofMillis(to - t0.toEpochMilli())));
    MetricId metric = injection.metric();
    if (metric != null && !injection.signal().isGap()) {
      scheduleMetricInjection(active, metric);
    }
  }

  private void scheduleMetricInjection(Injections.Active a, MetricId metric) {
    long minute = 60_000L;
    long now = kernel.clock().now().toEpochMilli();
    long history = Math.max(a.from, now - MetricInjection.MAX_HISTORY.toMillis());
    long start = Math.floorDiv(history + minute - 1, minute) * minute;
    // A history (the window starts before now): the minutes already complete are stored at once.
    for (; start + minute <= now && start < a.to; start += minute) {
      storeInjected(a, metric, start);
    }
    publishInjected(a, metric, start);
  }

  /** Stores the injected value of one minute unless a newer injection of the metric covers it. */
  private void storeInjected(Injections.Active a, MetricId metric, long minuteStart) {
    double v = a.valueAt(minuteStart);
    if (!Double.isNaN(v)
        && injections.newestFor(metric, minuteStart) == a
        && !injections.isGap(metric, minuteStart)) {
      store.seriesFor(metric, StandardUnit.NONE).add(minuteStart, v);
    }
  }

  private void publishInjected(Injections.Active a, MetricId metric, long minuteStart) {
    if (minuteStart >= a.to) {
      return;
    }
    kernel
        .scheduler()
        .at(
            Instant.ofEpochMilli(minuteStart + 60_000L),
            0,
            () -> {
              storeInjected(a, metric, minuteStart);
              publishInjected(a, metric, minuteStart + 60_000L);
            });
  }

  /** The injected value for the instance (or its group) at {@code epochMillis}; NaN when none. */
  double injectedValue(
      String metricName, String instanceId, @Nullable String groupName, long epochMillis) {
    if (injections.isEmpty()) {
      return Double.NaN;
    }
    Injections.Active a = injections.find(metricName, instanceId, groupName, epochMillis);
    return a == null ? Double.NaN : a.valueAt(epochMillis);
  }

  /** Whether any injection is active (none: nothing is suppressed or injected). */
  boolean hasInjections() {
    return !injections.isEmpty();
  }

  /** Whether an injection of {@code metricName} for one instance covers {@code epochMillis}. */
  boolean namesAnInstance(String metricName, long epochMillis) {
    return !injections.isEmpty() && injections.namesAnInstance(metricName, epochMillis);
  }

  /** Whether a gap silences the instance's (or its group's) metric at {@code epochMillis}. */
  boolean isSuppressed(
      String metricName, String instanceId, @Nullable String groupName, long epochMillis) {
    if (injections.isEmpty()) {
      return false;
    }
    Injections.Active a = injections.find(metricName, instanceId, groupName, epochMillis);
    return a != null && a.spec.signal().isGap();
  }
}

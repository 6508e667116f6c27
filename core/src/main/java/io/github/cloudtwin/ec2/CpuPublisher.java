package io.github.cloudtwin.ec2;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.MetricOverrides;
import io.github.cloudtwin.internal.WarmPoolInstances;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Publishes {@code AWS/EC2 CPUUtilization} for every reachable running instance at the end of each
 * minute: per instance (dimension InstanceId) and merged per Auto Scaling group (dimension
 * AutoScalingGroupName). Detailed monitoring publishes each minute; basic monitoring publishes the
 * 5-minute average every 5 minutes. Datapoints are stamped with their period's start.
 */
final class CpuPublisher {

  static final String NAMESPACE = "AWS/EC2";
  static final String METRIC = "CPUUtilization";
  private static final long MINUTE = 60_000L;
  private static final long FIVE_MINUTES = 300_000L;

  private final CloudWatch cloudWatch;
  private final Wiring wiring;

  /** Auto Scaling's warm pool membership, read from the wiring once it is wired. */
  private @Nullable WarmPoolInstances warmPools;

  private final Supplier<Instance[]> liveInstances;
  private final List<CpuLoadModel> models = new ArrayList<>();
  private final Map<String, MetricWriter> groupWriters = new HashMap<>();

  /** Per-instance publishing state. */
  private static final class State {
    final MetricWriter writer;
    final @Nullable MetricWriter groupWriter;
    double basicSum;
    int basicCount;

    State(MetricWriter writer, @Nullable MetricWriter groupWriter) {
      this.writer = writer;
      this.groupWriter = groupWriter;
    }
  }

  /**
   * Creates the publisher and starts its minute tick.
   *
   * @param liveInstances every instance launched, as a snapshot the lifecycle rebuilds after a
   *     launch
   */
  CpuPublisher(
      Kernel kernel, CloudWatch cloudWatch, Supplier<Instance[]> liveInstances, Wiring wiring) {
    this.cloudWatch = cloudWatch;
    this.wiring = wiring;
    this.liveInstances = liveInstances;
    kernel.every(
        Duration.ofMinutes(1), Phase.OBSERVE, () -> publish(kernel.clock().now().toEpochMilli()));
  }

  void add(CpuLoadModel model) {
    models.add(model);
  }

  private void publish(long now) {
    long minuteStart = now - MINUTE;
    boolean fiveMinuteBoundary = now % FIVE_MINUTES == 0;
    MetricOverrides overrides = wiring.metricOverrides();
    // with no instance's own injection at this minute, the overrides depend on the group alone:
    // asked once per group (the groups' instances mostly come one after another)
    boolean perInstance = overrides.namesAnInstance(METRIC, minuteStart);
    // with no injection at all, nothing is suppressed or injected: no instance needs to ask
    boolean none = !overrides.injectsAny(METRIC, minuteStart);
    boolean cached = false;
    @Nullable String cachedGroup = null;
    boolean cachedSuppressed = false;
    double cachedValue = Double.NaN;
    WarmPoolInstances pools = warmPools();
    for (Instance i : liveInstances.get()) {
      InstanceState s = i.state();
      if (s == InstanceState.TERMINATED) {
        i.publisherState = null;
        continue;
      }
      State st = (State) i.publisherState;
      if (i.isReachable() && i.stateSince().toEpochMilli() <= minuteStart) {
        String group = i.groupName();
        boolean suppressed;
        double injected;
        if (none) {
          suppressed = false;
          injected = Double.NaN;
        } else if (cached && Objects.equals(group, cachedGroup)) {
          suppressed = cachedSuppressed;
          injected = cachedValue;
        } else {
          suppressed = overrides.isSuppressed(METRIC, i.instanceId(), group, minuteStart);
          injected =
              suppressed
                  ? Double.NaN
                  : overrides.injectedValue(METRIC, i.instanceId(), group, minuteStart);
          if (!perInstance) {
            cached = true;
            cachedGroup = group;
            cachedSuppressed = suppressed;
            cachedValue = injected;
          }
        }
        if (!suppressed) {
          double v = injected;
          if (Double.isNaN(v)) {
            v = i.spec().idleCpuUtilization();
            for (int m = 0; m < models.size(); m++) {
              v += models.get(m).averageCpu(i, minuteStart, now);
            }
          }
          v = Math.max(0, Math.min(100, v));
          if (st == null) {
            MetricWriter writer =
                cloudWatch.writer(
                    MetricId.of(NAMESPACE, METRIC, "InstanceId", i.instanceId()),
                    StandardUnit.PERCENT);
            st = new State(writer, group == null ? null : groupWriter(group));
            i.publisherState = st;
          }
          if (i.spec().detailedMonitoring()) {
            emit(st, minuteStart, v, i, pools);
          } else {
            st.basicSum += v;
            st.basicCount++;
          }
        }
      }
      if (fiveMinuteBoundary && st != null && !i.spec().detailedMonitoring() && st.basicCount > 0) {
        emit(st, now - FIVE_MINUTES, st.basicSum / st.basicCount, i, pools);
        st.basicSum = 0;
        st.basicCount = 0;
      }
    }
  }

  /** Auto Scaling's warm pool membership, asked once per minute until Auto Scaling wires it. */
  private WarmPoolInstances warmPools() {
    WarmPoolInstances pools = warmPools;
    if (pools == null) {
      pools = wiring.warmPoolInstances();
      if (pools != WarmPoolInstances.NONE) warmPools = pools;
    }
    return pools;
  }

  /**
   * Writes the sample, and merges it into the group's aggregate unless the instance is in a warm
   * pool (asked only when it has a group).
   */
  private static void emit(
      State st, long stamp, double value, Instance i, WarmPoolInstances pools) {
    st.writer.put(stamp, value);
    MetricWriter groupWriter = st.groupWriter;
    if (groupWriter != null && !pools.inWarmPool(i.instanceId(), i.groupName())) {
      groupWriter.merge(stamp, value);
    }
  }

  private MetricWriter groupWriter(String group) {
    MetricWriter w = groupWriters.get(group);
    if (w == null) {
      w =
          cloudWatch.writer(
              MetricId.of(NAMESPACE, METRIC, "AutoScalingGroupName", group), StandardUnit.PERCENT);
      groupWriters.put(group, w);
    }
    return w;
  }
}

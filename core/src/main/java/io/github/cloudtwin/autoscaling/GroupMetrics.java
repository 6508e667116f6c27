package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.kernel.VirtualClock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code AWS/AutoScaling} group metrics (GroupMinSize ... GroupTotalInstances, dimension
 * AutoScalingGroupName), published every minute for the minute that ended.
 */
final class GroupMetrics {

  private static final String[] METRICS = {
    "GroupMinSize",
    "GroupMaxSize",
    "GroupDesiredCapacity",
    "GroupInServiceInstances",
    "GroupPendingInstances",
    "GroupStandbyInstances",
    "GroupTerminatingInstances",
    "GroupTotalInstances"
  };

  private final VirtualClock clock;
  private final CloudWatch cloudWatch;
  private final Collection<GroupRuntime> groups;
  private final Map<String, MetricWriter[]> writers = new LinkedHashMap<>();

  /** Publishes for {@code groups}, the service's live collection. */
  GroupMetrics(VirtualClock clock, CloudWatch cloudWatch, Collection<GroupRuntime> groups) {
    this.clock = clock;
    this.cloudWatch = cloudWatch;
    this.groups = groups;
  }

  void publish() {
    long stamp = clock.now().toEpochMilli() - 60_000L;
    for (GroupRuntime g : groups) {
      if (g.deleted) continue;
      MetricWriter[] w = writers.get(g.name);
      if (w == null) {
        w = new MetricWriter[METRICS.length];
        for (int i = 0; i < METRICS.length; i++) {
          w[i] =
              cloudWatch.writer(
                  MetricId.of(AutoScaling.NAMESPACE, METRICS[i], "AutoScalingGroupName", g.name),
                  StandardUnit.NONE);
        }
        writers.put(g.name, w);
      }
      int[] c = g.state.stateCounts;
      int inService = c[LifecycleState.IN_SERVICE.ordinal()];
      int pending =
          c[LifecycleState.PENDING.ordinal()]
              + c[LifecycleState.PENDING_WAIT.ordinal()]
              + c[LifecycleState.PENDING_PROCEED.ordinal()];
      int standby =
          c[LifecycleState.STANDBY.ordinal()] + c[LifecycleState.ENTERING_STANDBY.ordinal()];
      int terminating =
          c[LifecycleState.TERMINATING.ordinal()]
              + c[LifecycleState.TERMINATING_WAIT.ordinal()]
              + c[LifecycleState.TERMINATING_PROCEED.ordinal()];
      w[0].put(stamp, g.spec.minSize());
      w[1].put(stamp, g.spec.maxSize());
      w[2].put(stamp, g.spec.desiredCapacity());
      w[3].put(stamp, inService);
      w[4].put(stamp, pending);
      w[5].put(stamp, standby);
      w[6].put(stamp, terminating);
      w[7].put(stamp, inService + pending + standby + terminating);
    }
  }
}

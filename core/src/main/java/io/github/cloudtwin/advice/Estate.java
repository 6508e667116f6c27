package io.github.cloudtwin.advice;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.TargetGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The configuration the rules read, with the links between its parts resolved once. */
final class Estate {

  /** A simple or step policy with an alarm that invokes it, and which way it scales. */
  record AlarmedPolicy(
      AutoScalingGroup group,
      ScalingPolicy policy,
      MetricAlarm alarm,
      MetricId metric,
      Statistic statistic,
      int capacityAfter) {
    boolean scalesOut() {
      return capacityAfter > group.desiredCapacity();
    }

    boolean scalesIn() {
      return capacityAfter < group.desiredCapacity();
    }

    boolean breachesAbove() {
      ComparisonOperator op = alarm.spec().comparisonOperator();
      return op == ComparisonOperator.GreaterThanThreshold
          || op == ComparisonOperator.GreaterThanOrEqualToThreshold;
    }
  }

  final CloudTwin twin;
  final List<AutoScalingGroup> groups;
  final List<MetricAlarm> alarms;
  final List<AlarmedPolicy> alarmed = new ArrayList<>();

  Estate(CloudTwin twin) {
    this.twin = twin;
    this.groups = twin.autoScaling().groups();
    this.alarms = twin.cloudWatch().alarms();
    for (AutoScalingGroup g : groups) {
      for (ScalingPolicy p : twin.autoScaling().policies(g.name())) {
        if (!(p.spec() instanceof SimpleScalingPolicy || p.spec() instanceof StepScalingPolicy))
          continue;
        for (MetricAlarm a : alarms) {
          MetricId metric = a.spec().metric();
          Statistic statistic = a.spec().statistic();
          // a metric math alarm has neither; its queries are not advised on
          if (!invokes(a, p.asAlarmAction()) || metric == null || statistic == null) continue;
          int after =
              Math.max(
                  g.minSize(), Math.min(g.maxSize(), p.capacityAfter(g.desiredCapacity(), 0.0)));
          alarmed.add(new AlarmedPolicy(g, p, a, metric, statistic, after));
        }
      }
    }
  }

  List<AlarmedPolicy> alarmed(AutoScalingGroup group) {
    return alarmed.stream().filter(a -> a.group().name().equals(group.name())).toList();
  }

  static boolean invokes(MetricAlarm alarm, AlarmAction action) {
    for (AlarmAction a : alarm.spec().alarmActions())
      if (a == action || a.equals(action)) return true;
    return false;
  }

  /**
   * The target group of that name, if there is one (a traffic source may be a Classic Load
   * Balancer).
   */
  Optional<TargetGroup> targetGroup(String name) {
    return twin.loadBalancing().targetGroups().stream()
        .filter(t -> t.name().equals(name))
        .findFirst();
  }

  /**
   * How long after it is registered a new instance target is first healthy, at the worst phase of
   * the checks: the application's start, then one passing check (an ALB target still in its initial
   * checks) or the healthy threshold's passes (after it was marked unhealthy).
   */
  Duration timeToHealthy(TargetGroup tg) {
    HealthCheckSpec hc = tg.healthCheck();
    Duration interval = hc.interval() == null ? Duration.ofSeconds(30) : hc.interval();
    int healthy = hc.healthyThresholdCount() == null ? 5 : hc.healthyThresholdCount();
    int unhealthy = hc.unhealthyThresholdCount() == null ? 2 : hc.unhealthyThresholdCount();
    Duration start = twin.loadBalancing().applicationStartTime(tg.name());
    boolean alb = tg.spec().protocol() == null || tg.spec().protocol().isHttp();
    if (start.isZero()) return alb ? interval : interval.multipliedBy(healthy);
    if (alb && start.compareTo(interval.multipliedBy(unhealthy)) < 0) return start.plus(interval);
    return start.plus(interval.multipliedBy(healthy));
  }

  /**
   * Whether a new target fails its health checks while its application starts: an ALB target stays
   * in its initial checks until the unhealthy threshold's failures, any other target fails them
   * from the start.
   */
  boolean turnsUnhealthyWhileStarting(TargetGroup tg) {
    Duration start = twin.loadBalancing().applicationStartTime(tg.name());
    if (start.isZero()) return false;
    HealthCheckSpec hc = tg.healthCheck();
    if (Boolean.FALSE.equals(hc.enabled())) return false;
    Duration interval = hc.interval() == null ? Duration.ofSeconds(30) : hc.interval();
    int unhealthy = hc.unhealthyThresholdCount() == null ? 2 : hc.unhealthyThresholdCount();
    boolean alb = tg.spec().protocol() == null || tg.spec().protocol().isHttp();
    return !alb || start.compareTo(interval.multipliedBy(unhealthy)) >= 0;
  }

  /** The slowest time to healthy over the group's target groups, or zero without any. */
  Duration timeToHealthy(AutoScalingGroup group) {
    Duration worst = Duration.ZERO;
    for (String name : group.trafficSources()) {
      Optional<TargetGroup> tg = targetGroup(name);
      if (tg.isPresent()) {
        Duration d = timeToHealthy(tg.get());
        if (d.compareTo(worst) > 0) worst = d;
      }
    }
    return worst;
  }

  static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }
}

package io.github.cloudtwin.advice;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import java.time.Duration;
import java.util.List;

/** The rules about scaling policies: warm-up and cooldown, flapping thresholds, mixed policies. */
final class ScalingAdvice {

  private ScalingAdvice() {}

  static void check(Estate estate, List<Finding> out) {
    for (AutoScalingGroup g : estate.groups) {
      warmups(estate, g, out);
      flapping(estate, g, out);
      mixed(estate, g, out);
    }
  }

  /**
   * Cooldowns and warm-ups start at InService, so the boot is inside them; the time to healthy is
   * not.
   */
  private static void warmups(Estate estate, AutoScalingGroup g, List<Finding> out) {
    Duration ready = estate.timeToHealthy(g);
    if (ready.isZero()) return;
    for (ScalingPolicy p : estate.twin.autoScaling().policies(g.name())) {
      Duration w = p.effectiveWarmupOrCooldown();
      if (w.compareTo(ready) >= 0) continue;
      boolean simple = p.spec() instanceof SimpleScalingPolicy;
      String what = simple ? "cooldown" : "instance warm-up";
      out.add(
          new Finding(
              AdviceRule.WARMUP_SHORTER_THAN_READINESS,
              List.of("policy/" + p.policyName(), "group/" + g.name()),
              "New instances of group "
                  + g.name()
                  + " take traffic only about "
                  + Estate.seconds(ready)
                  + " after they are InService (the application's start and the target group's passing health checks), but policy "
                  + p.policyName()
                  + "'s "
                  + what
                  + " of "
                  + Estate.seconds(w)
                  + " ends before that: while its alarm stays in ALARM it "
                  + (simple
                      ? "scales out again"
                      : "counts them as capacity that serves and scales out again")
                  + ", and the group overshoots.",
              "Set the "
                  + (simple
                      ? "policy's Cooldown (or the group's DefaultCooldown)"
                      : "policy's EstimatedInstanceWarmup (or the group's DefaultInstanceWarmup)")
                  + " to at least "
                  + Estate.seconds(ready)
                  + "."));
    }
  }

  private static void flapping(Estate estate, AutoScalingGroup g, List<Finding> out) {
    int d = g.desiredCapacity();
    if (d <= 0) return;
    for (Estate.AlarmedPolicy up : estate.alarmed(g)) {
      if (!up.scalesOut() || !up.breachesAbove() || !scalesWithCapacity(up.metric())) continue;
      for (Estate.AlarmedPolicy down : estate.alarmed(g)) {
        if (!down.scalesIn() || down.breachesAbove()) continue;
        if (!down.metric().equals(up.metric()) || !down.statistic().equals(up.statistic()))
          continue;
        double high = up.alarm().spec().threshold();
        double low = down.alarm().spec().threshold();
        double afterOut = high * d / up.capacityAfter();
        double afterIn = low * d / down.capacityAfter();
        String metric = up.metric().metricName();
        if (afterOut < low) {
          out.add(
              flap(
                  g,
                  up,
                  down,
                  "Just above "
                      + high
                      + ", "
                      + up.policy().policyName()
                      + " takes the group from "
                      + d
                      + " to "
                      + up.capacityAfter()
                      + " and spreads the same load to about "
                      + round(afterOut)
                      + ", below "
                      + down.alarm().spec().alarmName()
                      + "'s "
                      + low
                      + ": it scales in again, and the group flaps.",
                  metric,
                  high,
                  d,
                  up.capacityAfter()));
        } else if (afterIn > high) {
          out.add(
              flap(
                  g,
                  up,
                  down,
                  "Just below "
                      + low
                      + ", "
                      + down.policy().policyName()
                      + " takes the group from "
                      + d
                      + " to "
                      + down.capacityAfter()
                      + " and concentrates the same load to about "
                      + round(afterIn)
                      + ", above "
                      + up.alarm().spec().alarmName()
                      + "'s "
                      + high
                      + ": it scales out again, and the group flaps.",
                  metric,
                  high,
                  d,
                  up.capacityAfter()));
        }
      }
    }
  }

  private static Finding flap(
      AutoScalingGroup g,
      Estate.AlarmedPolicy up,
      Estate.AlarmedPolicy down,
      String happens,
      String metric,
      double high,
      int d,
      int out) {
    double neededLow = Math.floor(high * d / out * 10) / 10;
    return new Finding(
        AdviceRule.FLAPPING_THRESHOLDS,
        List.of(
            "alarm/" + down.alarm().spec().alarmName(),
            "alarm/" + up.alarm().spec().alarmName(),
            "policy/" + up.policy().policyName(),
            "policy/" + down.policy().policyName(),
            "group/" + g.name()),
        happens,
        "Leave more than one adjustment's effect between the thresholds (at capacity "
            + d
            + ", a "
            + metric
            + " scale-in threshold below "
            + neededLow
            + " with the scale-out one at "
            + high
            + "), or use one target tracking policy.");
  }

  /** Per-instance averages fall as capacity grows under the same load. */
  static boolean scalesWithCapacity(MetricId m) {
    if (m == null) return false;
    if (m.metricName().equals("CPUUtilization")
        && m.dimensions().containsKey("AutoScalingGroupName")) return true;
    return m.metricName().equals("RequestCountPerTarget");
  }

  private static void mixed(Estate estate, AutoScalingGroup g, List<Finding> out) {
    for (ScalingPolicy p : estate.twin.autoScaling().policies(g.name())) {
      if (!(p.spec() instanceof TargetTrackingScalingPolicy tt)) continue;
      for (Estate.AlarmedPolicy other : estate.alarmed(g)) {
        MetricId watched = tt.metric(); // null: metric math, which no alarm's metric equals
        if (watched == null || !other.metric().equals(watched)) continue;
        out.add(
            new Finding(
                AdviceRule.TARGET_TRACKING_MIXED_WITH_SIMPLE,
                List.of(
                    "policy/" + other.policy().policyName(),
                    "policy/" + p.policyName(),
                    "alarm/" + other.alarm().spec().alarmName(),
                    "group/" + g.name()),
                "Target tracking policy "
                    + p.policyName()
                    + " keeps "
                    + watched.metricName()
                    + " at "
                    + tt.targetValue()
                    + " while policy "
                    + other.policy().policyName()
                    + " also scales group "
                    + g.name()
                    + " on it (alarm "
                    + other.alarm().spec().alarmName()
                    + " at "
                    + other.alarm().spec().threshold()
                    + "): each undoes the other's changes and the group changes capacity again and again.",
                "Scale the group with the target tracking policy alone, or move the other policy to a different metric."));
      }
    }
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 10) / 10.0);
  }
}

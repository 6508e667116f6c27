package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmActionContext;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.internal.scaling.ServiceLinkedPolicy;
import io.github.cloudtwin.internal.scaling.TargetTracking;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** The machinery of one scaling policy: what capacity it asks for when invoked. */
final class PolicyRuntime {

  final GroupRuntime group;
  final ScalingPolicySpec spec;
  final String arn;
  final AlarmAction action;

  /** Target tracking: the scale-in action of the low alarm. */
  final AlarmAction lowAction;

  /** The service that owns this target tracking policy and decides its capacity, or null. */
  final @Nullable ServiceLinkedPolicy owner;

  /**
   * Target tracking: its alarms' names, once put (the low one unless DisableScaleIn); else null.
   */
  @Nullable String highAlarmName;

  @Nullable String lowAlarmName;

  PolicyRuntime(
      GroupRuntime group,
      ScalingPolicySpec spec,
      String arn,
      PolicyEngine service,
      @Nullable ServiceLinkedPolicy owner) {
    this.group = group;
    this.owner = owner;
    this.spec = spec;
    this.arn = arn;
    this.action = AlarmAction.scaling(spec.policyName(), ctx -> service.onAlarm(this, ctx, false));
    this.lowAction =
        AlarmAction.scaling(spec.policyName(), ctx -> service.onAlarm(this, ctx, true));
  }

  String name() {
    return spec.policyName();
  }

  /**
   * The warm-up: the policy's, else the group's DefaultInstanceWarmup, else its DefaultCooldown.
   */
  long warmupMillis() {
    Duration w = null;
    if (spec instanceof StepScalingPolicy s) w = s.estimatedInstanceWarmup();
    if (spec instanceof TargetTrackingScalingPolicy t) w = t.estimatedInstanceWarmup();
    if (w == null) w = group.spec.defaultInstanceWarmup();
    if (w == null) w = group.spec.defaultCooldown();
    return w.toMillis();
  }

  int warming() {
    long w = warmupMillis();
    Instant now = group.now();
    int n = 0;
    for (Member m : group.members.values()) if (m.warming(now, w)) n += m.weight;
    return n;
  }

  /**
   * The desired capacity this policy asks for (clamped), or -1 for no change. {@code metric} is the
   * alarm's newest datapoint, {@code threshold} its threshold; {@code low} marks the target
   * tracking scale-in alarm.
   */
  int propose(double metric, double threshold, boolean low, CloudWatch cloudWatch) {
    int desired = group.spec.desiredCapacity();
    int result;
    if (spec instanceof SimpleScalingPolicy s) {
      result =
          group.clamp(
              Policies.apply(
                  s.adjustmentType(), s.scalingAdjustment(), s.minAdjustmentMagnitude(), desired));
    } else if (spec instanceof StepScalingPolicy s) {
      StepAdjustment step = Policies.selectStep(s.stepAdjustments(), metric - threshold);
      if (step == null) return -1;
      int warming = warming();
      int raw =
          Policies.apply(
              s.adjustmentType(),
              step.scalingAdjustment(),
              s.minAdjustmentMagnitude(),
              desired - warming);
      if (raw < desired && warming > 0) return -1; // scale-in waits for the warm-up
      result = group.clamp(raw);
    } else {
      TargetTrackingScalingPolicy t = (TargetTrackingScalingPolicy) spec;
      if (Double.isNaN(metric)) return -1;
      if (owner != null) {
        int asked = owner.capacity(!low, metric, desired);
        if (asked < 0) return -1;
        result = group.clamp(asked);
      } else if (!low) {
        int current = desired - warming();
        int needed = TargetTracking.needed(current, metric, t.targetValue());
        if (needed <= desired) return -1;
        result = group.clamp(needed);
      } else {
        if (t.disableScaleIn() || warming() > 0) return -1;
        int needed = TargetTracking.needed(desired, metric, t.targetValue());
        for (PolicyRuntime other : group.policies.values()) {
          if (other == this
              || !(other.spec instanceof TargetTrackingScalingPolicy o)
              || o.disableScaleIn()) continue;
          MetricAlarm a =
              cloudWatch.alarm(
                  Objects.requireNonNull(
                      other.lowAlarmName, "a policy that scales in has its low alarm"));
          if (a.state() != AlarmState.ALARM) return -1; // every scale-in-enabled policy must agree
          Instant now = group.now();
          OptionalDouble v =
              o.isMetricMath()
                  ? newestMinute(cloudWatch, o, now)
                  : cloudWatch.statistic(
                      Objects.requireNonNull(
                          o.metric(), "a policy without metric math has a metric"),
                      now.minusSeconds(60),
                      now,
                      o.statistic());
          if (v.isEmpty()) return -1;
          needed =
              Math.max(needed, TargetTracking.needed(desired, v.getAsDouble(), o.targetValue()));
        }
        if (needed >= desired) return -1;
        result = group.clamp(needed);
      }
    }
    return result == desired ? -1 : result;
  }

  /** The value of a metric math policy's expression over the last minute, if it has one. */
  private static OptionalDouble newestMinute(
      CloudWatch cloudWatch, TargetTrackingScalingPolicy o, Instant now) {
    for (io.github.cloudtwin.cloudwatch.MetricDataResult r :
        cloudWatch.getMetricData(o.customMetrics(), now.minusSeconds(60), now)) {
      if (!r.values().isEmpty()) return OptionalDouble.of(r.values().get(0));
    }
    return OptionalDouble.empty();
  }

  boolean isSimple() {
    return spec instanceof SimpleScalingPolicy;
  }

  Duration cooldown() {
    if (spec instanceof SimpleScalingPolicy s && s.cooldown() != null) return s.cooldown();
    return group.spec.defaultCooldown();
  }

  /** Unused context fields are ignored; kept for symmetry with AlarmActionContext. */
  static double newest(AlarmActionContext ctx) {
    return ctx.newestDatapoint();
  }
}

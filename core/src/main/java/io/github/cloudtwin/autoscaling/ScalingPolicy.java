package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A live view of one scaling policy. Put {@link #asAlarmAction()} on an alarm to run the policy
 * when the alarm goes to ALARM (and every minute while it stays there). Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ScalingPolicy {

  private final PolicyRuntime runtime;

  ScalingPolicy(PolicyRuntime runtime) {
    this.runtime = runtime;
  }

  /** {@return the policy name} */
  public String policyName() {
    return runtime.name();
  }

  /** {@return the group it scales} */
  public String autoScalingGroupName() {
    return runtime.group.name;
  }

  /** {@return a fake ARN naming the policy (alarm actions refer to policies by ARN in AWS)} */
  public String policyArn() {
    return runtime.arn;
  }

  /** {@return the definition} */
  public ScalingPolicySpec spec() {
    return runtime.spec;
  }

  /**
   * {@return the alarm action that executes this policy (a scaling action, re-invoked each minute)}
   */
  public AlarmAction asAlarmAction() {
    return runtime.action;
  }

  /**
   * {@return for target tracking: the names of the alarms the policy owns (high, then low); else
   * empty}
   */
  public List<String> alarmNames() {
    List<String> out = new ArrayList<>();
    if (runtime.highAlarmName != null) out.add(runtime.highAlarmName);
    if (runtime.lowAlarmName != null) out.add(runtime.lowAlarmName);
    return List.copyOf(out);
  }

  /**
   * {@return for target tracking: the name of the alarm that scales out (AWS's {@code AlarmHigh}),
   * else empty}
   */
  public java.util.Optional<String> highAlarmName() {
    return java.util.Optional.ofNullable(runtime.highAlarmName);
  }

  /**
   * {@return for target tracking: the name of the alarm that scales in (AWS's {@code AlarmLow});
   * empty with {@code DisableScaleIn} and for other policy types}
   */
  public java.util.Optional<String> lowAlarmName() {
    return java.util.Optional.ofNullable(runtime.lowAlarmName);
  }

  /**
   * The capacity this simple or step policy would ask for, unclamped, from {@code capacity} when
   * its alarm's newest datapoint is {@code breach} past the threshold (metric minus threshold;
   * ignored for simple policies); {@code capacity} itself for target tracking or when no step
   * matches.
   *
   * @param capacity the capacity the adjustment starts from
   * @param breach the metric minus the alarm's threshold
   * @return the capacity the adjustment gives
   */
  public int capacityAfter(int capacity, double breach) {
    if (runtime.spec instanceof SimpleScalingPolicy s) {
      return Policies.apply(
          s.adjustmentType(), s.scalingAdjustment(), s.minAdjustmentMagnitude(), capacity);
    }
    if (runtime.spec instanceof StepScalingPolicy s) {
      StepAdjustment step = Policies.selectStep(s.stepAdjustments(), breach);
      return step == null
          ? capacity
          : Policies.apply(
              s.adjustmentType(), step.scalingAdjustment(), s.minAdjustmentMagnitude(), capacity);
    }
    return capacity;
  }

  /**
   * {@return the warm-up this policy applies to new instances: its own, else the group's
   * DefaultInstanceWarmup, else its DefaultCooldown (step and target tracking); for simple policies
   * the cooldown: its own, else the group's DefaultCooldown}
   */
  public java.time.Duration effectiveWarmupOrCooldown() {
    return runtime.isSimple()
        ? runtime.cooldown()
        : java.time.Duration.ofMillis(runtime.warmupMillis());
  }

  @Override
  public String toString() {
    return "ScalingPolicy[" + runtime.name() + " on " + runtime.group.name + "]";
  }
}

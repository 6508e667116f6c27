package io.github.cloudtwin.internal.scaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The two alarms a target tracking policy owns, {@code TargetTracking-<resource>-AlarmHigh-<uuid>}
 * (metric above the target: scale out) and {@code ...-AlarmLow-<uuid>} (metric below the low
 * threshold: scale in; not created with {@code DisableScaleIn}), with the description AWS gives
 * them, and their handling: creation validated before anything changes, deletion with the policy,
 * and the rule that scale-in needs every scale-in-enabled policy's low alarm in ALARM (<a
 * href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html">Target
 * tracking scaling policies</a>). Stateless.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TargetTrackingAlarms {

  private TargetTrackingAlarms() {}

  /**
   * How a service shapes its pair (AWS does not document the shapes; the twin's numbers are what
   * AWS's consoles show).
   *
   * @param highDatapoints one-minute datapoints above the target that fire AlarmHigh (N of N)
   * @param lowDatapoints one-minute datapoints below the low threshold that fire AlarmLow (N of N)
   * @param lowThresholdFactor the low threshold as a fraction of the target
   */
  public record Shape(int highDatapoints, int lowDatapoints, double lowThresholdFactor) {

    /** EC2 Auto Scaling: 3 of 3 above the target, 15 of 15 below 0.7 x target. */
    public static final Shape EC2_AUTO_SCALING = new Shape(3, 15, 0.7);

    /** Application Auto Scaling: 3 of 3 above the target, 15 of 15 below 0.9 x target. */
    public static final Shape APPLICATION_AUTO_SCALING = new Shape(3, 15, 0.9);

    /** ECS managed scaling's policy: 1 of 1 above the target capacity, 15 of 15 below it. */
    public static final Shape ECS_MANAGED_SCALING = new Shape(1, 15, 1.0);
  }

  /**
   * A policy's pair, validated.
   *
   * @param high AlarmHigh
   * @param low AlarmLow, or null with {@code DisableScaleIn}
   */
  public record Pair(MetricAlarmSpec high, @Nullable MetricAlarmSpec low) {

    /** {@return the alarms: high, then low if there is one} */
    public List<MetricAlarmSpec> specs() {
      return low == null ? List.of(high) : List.of(high, low);
    }

    /** {@return the alarms' names: high, then low if there is one} */
    public List<String> names() {
      return low == null ? List.of(high.alarmName()) : List.of(high.alarmName(), low.alarmName());
    }
  }

  /**
   * Builds (and so validates) a policy's pair; nothing is put in CloudWatch yet.
   *
   * @param shape the service's shape
   * @param resource the group name or scalable target resource id, for the names
   * @param uuid the random part of each name, drawn high first, then low
   * @param policyArn the owning policy's ARN, for the description
   * @param watching sets the metric (or metric math) and period on a builder
   * @param target the target value
   * @param disableScaleIn true: no AlarmLow
   * @param scaleOut the action of AlarmHigh
   * @param scaleIn the action of AlarmLow
   * @return the pair
   */
  public static Pair build(
      Shape shape,
      String resource,
      Supplier<String> uuid,
      String policyArn,
      UnaryOperator<MetricAlarmSpec.Builder> watching,
      double target,
      boolean disableScaleIn,
      AlarmAction scaleOut,
      AlarmAction scaleIn) {
    String description =
        "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + policyArn + ".";
    MetricAlarmSpec high =
        watching
            .apply(
                MetricAlarmSpec.builder()
                    .alarmName(AlarmNames.targetTracking(resource, "AlarmHigh", uuid.get()))
                    .alarmDescription(description))
            .evaluationPeriods(shape.highDatapoints())
            .datapointsToAlarm(shape.highDatapoints())
            .threshold(target)
            .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
            .alarmActions(scaleOut)
            .build();
    if (disableScaleIn) return new Pair(high, null);
    MetricAlarmSpec low =
        watching
            .apply(
                MetricAlarmSpec.builder()
                    .alarmName(AlarmNames.targetTracking(resource, "AlarmLow", uuid.get()))
                    .alarmDescription(description))
            .evaluationPeriods(shape.lowDatapoints())
            .datapointsToAlarm(shape.lowDatapoints())
            .threshold(shape.lowThresholdFactor() * target)
            .comparisonOperator(ComparisonOperator.LessThanThreshold)
            .alarmActions(scaleIn)
            .build();
    return new Pair(high, low);
  }

  /**
   * Deletes the alarms a policy owns, if any.
   *
   * @param cloudWatch the twin's CloudWatch
   * @param names the alarms' names
   */
  public static void delete(CloudWatch cloudWatch, Collection<String> names) {
    if (!names.isEmpty()) cloudWatch.deleteAlarms(names.toArray(String[]::new));
  }

  /**
   * Whether every alarm named is in ALARM: target tracking scales in only when every
   * scale-in-enabled policy's AlarmLow agrees.
   *
   * @param cloudWatch the twin's CloudWatch
   * @param lowAlarmNames the low alarms of the scale-in-enabled policies
   * @return true when all are in ALARM (or there are none)
   */
  public static boolean allInAlarm(CloudWatch cloudWatch, Collection<String> lowAlarmNames) {
    for (String n : lowAlarmNames) {
      if (cloudWatch.alarm(n).state() != AlarmState.ALARM) return false;
    }
    return true;
  }
}

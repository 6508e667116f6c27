package io.github.cloudtwin.internal.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scaling engine EC2 Auto Scaling, Application Auto Scaling and ECS managed scaling share: the
 * rounding cases of AWS's "Scaling adjustment types"
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html), step
 * interval bounds, target tracking capacity and the alarm pair's shapes and names.
 */
class ScalingEngineTest {

  /** A step [lower, upper) -> adjustment, as the services' StepAdjustment records hold one. */
  private record Step(Double lower, Double upper, int adjustment) {}

  @ParameterizedTest(name = "{0} x {1} % changes by {2}")
  @CsvSource({
    "127, 10, 12", // 12.7 rounds down to 12
    "67, 1, 1", // 0.67 rounds to 1
    "58, -1, -1", // -0.58 rounds to -1
    "667, -1, -6", // -6.67 rounds up to -6
    "10, 10, 1", // exactly 1 stays 1
    "10, -10, -1", // exactly -1 stays -1
    "0, 50, 0" // nothing to change
  })
  void percentChangeRoundsAsAwsDocuments(int base, int percent, int change) {
    assertThat(Adjustment.PERCENT_CHANGE_IN_CAPACITY.change(base, percent, 0)).isEqualTo(change);
    assertThat(Adjustment.PERCENT_CHANGE_IN_CAPACITY.capacity(base, percent, 0))
        .isEqualTo(base + change);
  }

  @Test
  void minAdjustmentMagnitudeRaisesASmallPercentChangeInEitherDirection() {
    // AWS's example: 25 percent of 4 is 1; with MinAdjustmentMagnitude 2 the group grows by 2
    assertThat(Adjustment.PERCENT_CHANGE_IN_CAPACITY.capacity(4, 25, 2)).isEqualTo(6);
    assertThat(Adjustment.PERCENT_CHANGE_IN_CAPACITY.change(4, -25, 2)).isEqualTo(-2);
    assertThat(Adjustment.PERCENT_CHANGE_IN_CAPACITY.change(100, 25, 2))
        .isEqualTo(25); // already larger
  }

  @Test
  void changeAndExactCapacityAreReadAsAwsReadsThemAndSaturate() {
    assertThat(Adjustment.CHANGE_IN_CAPACITY.capacity(4, -3, 0)).isEqualTo(1);
    assertThat(Adjustment.EXACT_CAPACITY.capacity(4, 9, 0)).isEqualTo(9);
    assertThat(Adjustment.EXACT_CAPACITY.change(4, 9, 0)).isEqualTo(5);
    assertThat(Adjustment.CHANGE_IN_CAPACITY.capacity(2, Integer.MAX_VALUE, 0))
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(Adjustment.EXACT_CAPACITY.change(Integer.MAX_VALUE, -5, 0))
        .isEqualTo(Integer.MIN_VALUE);
  }

  private static final List<Step> STEPS =
      StepIntervals.check(
          List.of(
              new Step(20.0, null, 3),
              new Step(null, -10.0, -2),
              new Step(0.0, 20.0, 1),
              new Step(-10.0, 0.0, -1)),
          Step::lower,
          Step::upper);

  @ParameterizedTest(name = "breach {0} selects {1}")
  @CsvSource({
    "0, 1",
    "19.99, 1",
    "20, 3",
    "1000, 3",
    "-0.5, -1",
    "-9.5, -1",
    "-10, -2",
    "-10.5, -2"
  })
  void aBreachSelectsItsStepLowerBoundInclusiveAboveAndUpperBoundInclusiveBelow(
      double diff, int adjustment) {
    assertThat(StepIntervals.select(STEPS, Step::lower, Step::upper, diff).adjustment())
        .isEqualTo(adjustment);
  }

  @Test
  void atTheThresholdAStepEndingThereMatchesWhenNoneStartsThere() {
    List<Step> below =
        StepIntervals.check(List.of(new Step(null, 0.0, -1)), Step::lower, Step::upper);
    assertThat(StepIntervals.select(below, Step::lower, Step::upper, 0).adjustment()).isEqualTo(-1);
    assertThat(StepIntervals.select(below, Step::lower, Step::upper, 0.1)).isNull();
    assertThat(StepIntervals.select(STEPS, Step::lower, Step::upper, Double.NaN)).isNull();
  }

  @Test
  void checkSortsStepsByLowerBound() {
    assertThat(STEPS).extracting(Step::adjustment).containsExactly(-2, -1, 1, 3);
  }

  @Test
  void stepBoundsMustNotOverlapLeaveGapsOrLeaveAPositiveUpperBoundWithoutAnOpenEnd() {
    assertThatThrownBy(
            () ->
                StepIntervals.check(
                    List.of(new Step(0.0, 10.0, 1), new Step(5.0, null, 2)),
                    Step::lower,
                    Step::upper))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("overlap");
    assertThatThrownBy(
            () ->
                StepIntervals.check(
                    List.of(new Step(0.0, 10.0, 1), new Step(15.0, null, 2)),
                    Step::lower,
                    Step::upper))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("gap");
    assertThatThrownBy(
            () -> StepIntervals.check(List.of(new Step(0.0, 10.0, 1)), Step::lower, Step::upper))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("null MetricIntervalUpperBound is required");
    assertThatThrownBy(() -> StepIntervals.checkStep(5.0, 5.0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MetricIntervalUpperBound");
    assertThatThrownBy(() -> StepIntervals.checkStep(null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("both");
  }

  @ParameterizedTest(name = "{0} at {1} with target {2} needs {3}")
  @CsvSource({
    "4, 80, 50, 7", // 6.4 rounds up
    "4, 75, 50, 6", // exactly 6, despite floating-point noise
    "10, 70, 100, 7",
    "3, 10, 50, 1",
    "0, 90, 50, 0"
  })
  void targetTrackingNeedsTheProportionalCapacityRoundedUp(
      int capacity, double metric, double target, int needed) {
    assertThat(TargetTracking.needed(capacity, metric, target)).isEqualTo(needed);
  }

  @Test
  void thePairIsNamedAndShapedPerServiceHighBeforeLow() {
    Iterator<String> ids = List.of("u1", "u2").iterator();
    AlarmAction out = AlarmAction.of("out", ctx -> {});
    AlarmAction in = AlarmAction.of("in", ctx -> {});
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    TargetTrackingAlarms.Pair pair =
        TargetTrackingAlarms.build(
            TargetTrackingAlarms.Shape.EC2_AUTO_SCALING,
            "web",
            ids::next,
            "arn:p",
            b -> b.metric(cpu).period(Duration.ofSeconds(60)),
            50,
            false,
            out,
            in);
    assertThat(pair.names())
        .containsExactly("TargetTracking-web-AlarmHigh-u1", "TargetTracking-web-AlarmLow-u2");
    MetricAlarmSpec high = pair.high();
    assertThat(high.threshold()).isEqualTo(50);
    assertThat(high.comparisonOperator()).isEqualTo(ComparisonOperator.GreaterThanThreshold);
    assertThat(high.evaluationPeriods()).isEqualTo(3);
    assertThat(high.datapointsToAlarm()).isEqualTo(3);
    assertThat(high.alarmDescription())
        .isEqualTo("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy arn:p.");
    assertThat(high.alarmActions()).containsExactly(out);
    MetricAlarmSpec low = pair.low();
    assertThat(low.threshold()).isEqualTo(35);
    assertThat(low.comparisonOperator()).isEqualTo(ComparisonOperator.LessThanThreshold);
    assertThat(low.datapointsToAlarm()).isEqualTo(15);
    assertThat(low.alarmActions()).containsExactly(in);

    TargetTrackingAlarms.Pair ecs =
        TargetTrackingAlarms.build(
            TargetTrackingAlarms.Shape.ECS_MANAGED_SCALING,
            "asg",
            List.of("a", "b").iterator()::next,
            "arn:e",
            b -> b.metric(cpu).period(Duration.ofSeconds(60)),
            90,
            false,
            out,
            in);
    assertThat(ecs.high().datapointsToAlarm()).isEqualTo(1);
    assertThat(ecs.low().threshold()).isEqualTo(90);
    assertThat(ecs.low().datapointsToAlarm()).isEqualTo(15);
    assertThat(TargetTrackingAlarms.Shape.APPLICATION_AUTO_SCALING.lowThresholdFactor())
        .isEqualTo(0.9);
  }

  @Test
  void disableScaleInLeavesOnlyTheHighAlarmAndDrawsOneId() {
    Iterator<String> ids = List.of("only").iterator();
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    TargetTrackingAlarms.Pair pair =
        TargetTrackingAlarms.build(
            TargetTrackingAlarms.Shape.EC2_AUTO_SCALING,
            "web",
            ids::next,
            "arn:p",
            b -> b.metric(cpu).period(Duration.ofSeconds(60)),
            50,
            true,
            AlarmAction.of("o", c -> {}),
            AlarmAction.of("i", c -> {}));
    assertThat(pair.low()).isNull();
    assertThat(pair.specs()).hasSize(1);
    assertThat(ids.hasNext()).isFalse();
  }

  @Test
  void largestCapacityWinsPerKeyAndTheFirstWinsATie() {
    record P(String key, int capacity, String name) {}
    List<P> ps =
        List.of(new P("a", 3, "a1"), new P("b", 2, "b1"), new P("a", 5, "a2"), new P("b", 2, "b2"));
    assertThat(SameInstantProposals.largestPer(ps, P::key, P::capacity).values())
        .extracting(P::name)
        .containsExactly("a2", "b1");
  }
}

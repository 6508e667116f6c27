package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Policy arithmetic: AWS's percent rounding table and step selection at the edges. */
class PoliciesTest {

  @ParameterizedTest(name = "{0} x {1} % -> {2}")
  @CsvSource({
    "127, 10, 12", // 12.7 -> floor 12
    "67, 1, 1", // 0.67 -> 1
    "58, -1, -1", // -0.58 -> -1
    "667, -1, -6", // -6.67 -> -6 (toward zero)
    "10, 10, 1", // exactly 1 stays 1
    "10, 0, 0", // exact 0 stays 0 (fake rule)
    "13, -30, -3",
    "3, 10, 1"
  })
  void percentRoundingFollowsTheAwsTable(int base, int percent, int delta) {
    assertThat(Policies.percentDelta(base, percent, null)).isEqualTo(delta);
  }

  @Test
  void minAdjustmentMagnitudeRaisesTheChange() {
    assertThat(Policies.percentDelta(4, 25, 2)).isEqualTo(2);
    assertThat(Policies.percentDelta(4, -25, 2)).isEqualTo(-2);
    assertThat(Policies.percentDelta(100, 25, 2)).isEqualTo(25);
  }

  private static final List<StepAdjustment> OUT =
      Policies.checkSteps(
          List.of(
              StepAdjustment.of(0.0, 10.0, 1),
              StepAdjustment.of(10.0, 20.0, 2),
              StepAdjustment.of(20.0, null, 3)));
  private static final List<StepAdjustment> IN =
      Policies.checkSteps(
          List.of(StepAdjustment.of(null, -10.0, -2), StepAdjustment.of(-10.0, 0.0, -1)));

  @ParameterizedTest(name = "diff {0} -> {1}")
  @CsvSource({"0, 1", "9.99, 1", "10, 2", "19.99, 2", "20, 3", "1000, 3"})
  void aboveTheThresholdTheLowerBoundIsInclusive(double diff, int adjustment) {
    assertThat(Policies.selectStep(OUT, diff).scalingAdjustment()).isEqualTo(adjustment);
  }

  @ParameterizedTest(name = "diff {0} -> {1}")
  @CsvSource({"0, -1", "-9.99, -1", "-10, -2", "-10.01, -2", "-500, -2"})
  void belowTheThresholdTheUpperBoundIsInclusive(double diff, int adjustment) {
    assertThat(Policies.selectStep(IN, diff).scalingAdjustment()).isEqualTo(adjustment);
  }

  @Test
  void noStepMatchesOutsideTheRanges() {
    assertThat(Policies.selectStep(OUT, -1)).isNull();
    assertThat(Policies.selectStep(IN, 1)).isNull();
    assertThat(Policies.selectStep(OUT, Double.NaN)).isNull();
  }
}

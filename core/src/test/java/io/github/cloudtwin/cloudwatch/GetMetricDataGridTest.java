package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GetMetricData's grid of periods and its results, without a twin. */
class GetMetricDataGridTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theGridStartsAtStartAndItsLastPeriodCoversAPartialTail() {
    MetricMath.Grid grid = GetMetricData.grid(START, START.plusSeconds(150), 60);

    assertThat(grid.size()).isEqualTo(3);
    assertThat(grid.starts())
        .containsExactly(
            START.toEpochMilli(), START.toEpochMilli() + 60_000, START.toEpochMilli() + 120_000);
    assertThat(grid.ends()[2]).isEqualTo(START.toEpochMilli() + 180_000);
    assertThat(grid.periodSeconds()).isEqualTo(60);
  }

  @Test
  void aWindowOfExactlyWholePeriodsHasNoExtraPeriod() {
    assertThat(GetMetricData.grid(START, START.plus(Duration.ofMinutes(5)), 60).size())
        .isEqualTo(5);
  }

  @Test
  void moreThan100800PeriodsAreRefusedNamingTheCount() {
    assertThat(GetMetricData.grid(START, START.plusSeconds(100_800), 1).size()).isEqualTo(100_800);
    assertThatThrownBy(() -> GetMetricData.grid(START, START.plusSeconds(100_801), 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EndTime")
        .hasMessageContaining("a window of 100801 periods of 1 s is too long");
  }

  @Test
  void aResultLeavesOutMissingPeriodsInEitherOrder() {
    MetricMath.Grid grid = GetMetricData.grid(START, START.plus(Duration.ofMinutes(3)), 60);
    double[] values = {1, Double.NaN, 3};

    MetricDataResult ascending =
        GetMetricData.result("q", "label", grid, values, ScanBy.TIMESTAMP_ASCENDING);
    MetricDataResult descending =
        GetMetricData.result("q", "label", grid, values, ScanBy.TIMESTAMP_DESCENDING);

    assertThat(ascending.values()).containsExactly(1.0, 3.0);
    assertThat(ascending.timestamps()).containsExactly(START, START.plus(Duration.ofMinutes(2)));
    assertThat(descending.values()).containsExactly(3.0, 1.0);
    assertThat(descending.timestamps()).containsExactly(START.plus(Duration.ofMinutes(2)), START);
    assertThat(descending.id()).isEqualTo("q");
    assertThat(descending.label()).isEqualTo("label");
    assertThat(descending.statusCode()).isEqualTo("Complete");
  }
}

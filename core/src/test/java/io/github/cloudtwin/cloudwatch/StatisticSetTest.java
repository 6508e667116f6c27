package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * A statistic set of PutMetricData (StatisticSet,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_StatisticSet.html): at least
 * one sample, and a minimum that is not above the maximum (one sample has both equal).
 */
class StatisticSetTest {

  @Test
  void oneSampleWithEqualMinimumAndMaximumIsTheSmallestValidSet() {
    StatisticValues one = new StatisticValues(1, 7, 7, 7);
    assertThat(one.sampleCount()).isEqualTo(1);
    assertThat(one.minimum()).isEqualTo(one.maximum());
  }

  @Test
  void fewerThanOneSampleOrAMinimumAboveTheMaximumIsRejected() {
    assertThatThrownBy(() -> new StatisticValues(0.999, 7, 7, 7))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("StatisticValues.SampleCount");
    assertThatThrownBy(() -> new StatisticValues(2, 10, 5.5, 5.4))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("StatisticValues.Minimum");
  }
}

package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The statistic names AWS accepts: "SampleCount | Average | Sum | Minimum | Maximum" (the {@code
 * Statistic} parameter of PutMetricAlarm and GetMetricStatistics,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html) and a
 * percentile {@code pNN} as {@code ExtendedStatistic}.
 */
class StatisticNamesTest {

  @Test
  void eachStandardStatisticNameParsesToThatStatistic() {
    assertThat(Statistic.parse("SampleCount")).isSameAs(Statistic.SAMPLE_COUNT);
    assertThat(Statistic.parse("Average")).isSameAs(Statistic.AVERAGE);
    assertThat(Statistic.parse("Sum")).isSameAs(Statistic.SUM);
    assertThat(Statistic.parse("Minimum")).isSameAs(Statistic.MINIMUM);
    assertThat(Statistic.parse("Maximum")).isSameAs(Statistic.MAXIMUM);
    assertThat(Statistic.parse("p90")).isEqualTo(Statistic.percentile(90));
    assertThat(Statistic.parse("p90").isPercentile()).isTrue();
    assertThat(Statistic.parse("Sum").isPercentile()).isFalse();
  }

  @Test
  void aNameAwsDoesNotKnowIsRejectedNamingTheField() {
    assertThatThrownBy(() -> Statistic.parse("Median"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("statistic")
        .hasMessageContaining("Median");
    assertThatThrownBy(() -> Statistic.parse("average"))
        .as("names are case-sensitive")
        .isInstanceOf(ValidationException.class);
  }
}

package io.github.cloudtwin.cloudwatch;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MetricWriter#mergeAll} stores what one {@link MetricWriter#merge} per value stores. */
class MetricWriterMergeAllTest {

  private static final List<Statistic> STATS =
      List.of(
          Statistic.SAMPLE_COUNT,
          Statistic.SUM,
          Statistic.AVERAGE,
          Statistic.MINIMUM,
          Statistic.MAXIMUM);

  private static List<String> read(CloudTwin twin, MetricId id) {
    List<String> out = new ArrayList<>();
    for (Statistic s : STATS) {
      for (Datapoint p :
          twin.cloudWatch()
              .getMetricStatistics(id, CloudTwin.DEFAULT_START, twin.now(), ofMinutes(1), s)) {
        out.add(
            s
                + " "
                + p.timestamp()
                + " "
                + Long.toHexString(Double.doubleToRawLongBits(p.value()))
                + " "
                + p.sampleCount());
      }
    }
    return out;
  }

  @Test
  void theSumsAreTakenInTheValuesOrderFromTheEntryAlreadyThere() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.advance(ofMinutes(10));
      MetricWriter one =
          twin.cloudWatch().writer(MetricId.of("T", "m", "k", "one"), StandardUnit.PERCENT);
      MetricWriter all =
          twin.cloudWatch().writer(MetricId.of("T", "m", "k", "all"), StandardUnit.PERCENT);
      long t = CloudTwin.DEFAULT_START.toEpochMilli() + 60_000;
      // 1e16 + 1 rounds back to 1e16: summed in order the ones vanish, summed first they do not
      double[] values = {1, 1, 1, -1e16, 3.5};
      one.merge(t, 1e16);
      all.merge(t, 1e16);
      for (double v : values) one.merge(t, v);
      all.mergeAll(t, values, values.length);
      List<String> expected = read(twin, one.metric());
      assertThat(read(twin, all.metric())).isEqualTo(expected);
      assertThat(
              twin.cloudWatch()
                  .statistic(all.metric(), CloudTwin.DEFAULT_START, twin.now(), Statistic.SUM)
                  .getAsDouble())
          .isEqualTo(3.5);
    }
  }

  @Test
  void manyMinutesOfRandomValuesReadBackAsOneMergePerValue() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.advance(ofMinutes(200));
      MetricWriter one =
          twin.cloudWatch().writer(MetricId.of("T", "m", "k", "one"), StandardUnit.PERCENT);
      MetricWriter all =
          twin.cloudWatch().writer(MetricId.of("T", "m", "k", "all"), StandardUnit.PERCENT);
      SplittableRandom random = new SplittableRandom(7);
      long start = CloudTwin.DEFAULT_START.toEpochMilli();
      for (int minute = 0; minute < 150; minute++) {
        // mostly the next minute; sometimes the same minute again or an earlier one (a backfill)
        long t = start + 60_000L * (random.nextInt(10) == 0 ? random.nextInt(minute + 1) : minute);
        int n = random.nextInt(6);
        double[] values = new double[n + 2];
        for (int i = 0; i < n; i++) values[i] = random.nextDouble() * 100;
        for (int i = 0; i < n; i++) one.merge(t, values[i]);
        all.mergeAll(t, values, n);
      }
      List<String> expected = read(twin, one.metric());
      assertThat(expected).hasSizeGreaterThan(300);
      assertThat(read(twin, all.metric())).isEqualTo(expected);
      assertThat(twin.cloudWatch().storedSampleCount(all.metric()))
          .isEqualTo(twin.cloudWatch().storedSampleCount(one.metric()));
    }
  }

  @Test
  void aCountOutsideTheValuesOrANonFiniteValueIsRefusedAndNothingIsStored() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.advance(ofMinutes(2));
      MetricWriter w =
          twin.cloudWatch().writer(MetricId.of("T", "m", "k", "v"), StandardUnit.PERCENT);
      long t = Instant.parse("2026-01-01T00:01:00Z").toEpochMilli();
      assertThatThrownBy(() -> w.mergeAll(t, new double[] {1, 2}, 3))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("count")
          .hasMessageContaining("3")
          .hasMessageContaining("between 0 and the number of values, 2");
      assertThatThrownBy(() -> w.mergeAll(t, new double[] {1, Double.NaN}, 2))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("values[1]")
          .hasMessageContaining("finite");
      assertThat(twin.cloudWatch().storedSampleCount(w.metric())).isZero();
    }
  }
}

package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reads of an alarm evaluation give the very indexes and doubles of the general reads: {@link
 * MetricSeries#lowerBoundAtMost} is {@link MetricSeries#lowerBound} for every bound below a later
 * bound's index, and {@link BucketReads#statistic} is {@link MetricSeries#statisticBetween} bit for
 * bit, on series of single values, statistic sets, duplicates and out-of-order arrivals, and on
 * column samples (one value a minute).
 */
class BucketReadsProperties {

  record Sample(long time, double value, int count) {}

  @Provide
  Arbitrary<List<Sample>> samples() {
    Arbitrary<Sample> one =
        net.jqwik.api.Combinators.combine(
                Arbitraries.longs().between(0, 60),
                Arbitraries.doubles().between(-100, 100),
                Arbitraries.integers().between(1, 3))
            .as((t, v, c) -> new Sample(t * 1000, v, c));
    return one.list().ofMinSize(0).ofMaxSize(400);
  }

  private static final List<Statistic> STATS =
      List.of(
          Statistic.SAMPLE_COUNT,
          Statistic.SUM,
          Statistic.AVERAGE,
          Statistic.MINIMUM,
          Statistic.MAXIMUM,
          Statistic.percentile(90),
          new Statistic("Average", Double.NaN)); // equal to AVERAGE, not the same instance

  @Property(tries = 300)
  void evaluationReadsAreTheGeneralReads(@ForAll("samples") List<Sample> samples) {
    MetricSeries s = new MetricSeries(MetricId.of("T", "M"), StandardUnit.NONE);
    for (Sample x : samples) {
      if (x.count() == 1) s.add(x.time(), x.value());
      else s.addSet(x.time(), x.count(), x.value() * x.count(), x.value() - 1, x.value() + 1);
    }
    check(s, -1_000, 62_000, 1_000);
  }

  @Property(tries = 100)
  void columnReadsAreTheGeneralReads(@ForAll("samples") List<Sample> samples) {
    MetricSeries s =
        new MetricSeries(MetricId.of("T", "M"), StandardUnit.NONE, new SharedColumns());
    for (int i = 0; i < samples.size(); i++) s.add(i * 60_000L, samples.get(i).value());
    check(s, -60_000, (samples.size() + 2) * 60_000L, 30_000);
  }

  private static void check(MetricSeries s, long from, long to, long step) {
    for (long hiT = from; hiT <= to; hiT += step) {
      int hi = s.lowerBound(hiT);
      assertThat(s.lowerBoundAtMost(hiT, s.size())).as("from the end, %s", hiT).isEqualTo(hi);
      for (long t = from; t <= hiT; t += step) {
        int lo = s.lowerBound(t);
        assertThat(s.lowerBoundAtMost(t, hi)).as("%s below %s", t, hiT).isEqualTo(lo);
        if (lo >= hi) continue;
        double count = s.sampleCountBetween(lo, hi);
        for (Statistic stat : STATS) {
          double general = s.statisticBetween(lo, hi, stat);
          double fast = BucketReads.statistic(s, lo, hi, count, BucketReads.kindOf(stat), stat);
          assertThat(Double.doubleToRawLongBits(fast))
              .as("%s over [%s, %s)", stat, lo, hi)
              .isEqualTo(Double.doubleToRawLongBits(general));
        }
      }
    }
  }
}

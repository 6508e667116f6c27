package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Series that share value columns read back exactly what series with their own arrays hold: the
 * same timestamps and the same doubles bit for bit, the same statistics over every window, whatever
 * mix of shared values, values of their own, gaps, late samples and statistic sets they were given.
 */
class SharedColumnsProperties {

  private static final long MINUTE = 60_000L;

  @Property(tries = 150)
  void sharedSeriesReadBackWhatWasStored(
      @ForAll @IntRange(min = 1, max = 12) int seriesCount,
      @ForAll @IntRange(min = 1, max = 700) int minutes,
      @ForAll @IntRange(min = 0, max = 3) int oddness,
      @ForAll long seed) {
    Random random = new Random(seed);
    SharedColumns columns = new SharedColumns();
    List<MetricSeries> shared = new ArrayList<>();
    List<MetricSeries> plain = new ArrayList<>();
    long origin = (29_000_000L + random.nextInt(1_000)) * MINUTE;
    int[] starts = new int[seriesCount];
    for (int s = 0; s < seriesCount; s++) {
      MetricId id = MetricId.of("T", "M", "Id", "s" + s);
      shared.add(new MetricSeries(id, StandardUnit.NONE, columns));
      plain.add(new MetricSeries(id, StandardUnit.NONE));
      starts[s] = random.nextInt(Math.max(1, minutes / 2));
    }
    double[] pool = {0.0, -0.0, 12.5, 50.0, 1.0 / 3, Double.MIN_VALUE};
    for (int m = 0; m < minutes; m++) {
      double common = pool[(m / 37) % pool.length];
      for (int s = 0; s < seriesCount; s++) {
        if (m < starts[s]) continue;
        int roll = random.nextInt(1000);
        long t = origin + m * MINUTE;
        if (oddness > 0 && roll < oddness) continue; // a gap
        double v = roll < 60 * (oddness + 1) ? pool[random.nextInt(pool.length)] + s : common;
        if (oddness > 1 && roll == 999) {
          // a late sample, or a statistic set, or a second sample in the same minute
          switch (random.nextInt(3)) {
            case 0 -> both(shared.get(s), plain.get(s), t - 5 * MINUTE, v);
            case 1 -> {
              shared.get(s).addSet(t, 3, 3 * v, v - 1, v + 1);
              plain.get(s).addSet(t, 3, 3 * v, v - 1, v + 1);
            }
            default -> {
              shared.get(s).mergeLast(t - MINUTE, v);
              plain.get(s).mergeLast(t - MINUTE, v);
            }
          }
          continue;
        }
        if (oddness == 3 && roll == 998) t += 1_000; // off the minute
        both(shared.get(s), plain.get(s), t, v);
      }
    }
    for (int s = 0; s < seriesCount; s++) {
      MetricSeries a = shared.get(s);
      MetricSeries b = plain.get(s);
      a.lowerBound(0); // sorts both, as any read does
      b.lowerBound(0);
      assertThat(a.size()).isEqualTo(b.size());
      assertThat(a.storedSamples()).isEqualTo(b.storedSamples());
      for (int i = 0; i < a.size(); i++) {
        assertThat(a.time(i)).isEqualTo(b.time(i));
        assertThat(Double.doubleToRawLongBits(a.sum(i)))
            .as("series %d, sample %d", s, i)
            .isEqualTo(Double.doubleToRawLongBits(b.sum(i)));
        assertThat(a.count(i)).isEqualTo(b.count(i));
        assertThat(Double.doubleToRawLongBits(a.min(i)))
            .isEqualTo(Double.doubleToRawLongBits(b.min(i)));
        assertThat(Double.doubleToRawLongBits(a.max(i)))
            .isEqualTo(Double.doubleToRawLongBits(b.max(i)));
      }
      for (long from = origin - MINUTE; from < origin + minutes * MINUTE; from += 41 * MINUTE + 7) {
        for (long to = from; to <= origin + (minutes + 1) * MINUTE; to += 53 * MINUTE + 11) {
          assertThat(a.lowerBound(to)).isEqualTo(b.lowerBound(to));
          for (Statistic st :
              List.of(
                  Statistic.SAMPLE_COUNT,
                  Statistic.SUM,
                  Statistic.AVERAGE,
                  Statistic.MINIMUM,
                  Statistic.MAXIMUM)) {
            assertThat(Double.doubleToRawLongBits(a.statistic(from, to, st)))
                .as("%s over [%d, %d)", st, from, to)
                .isEqualTo(Double.doubleToRawLongBits(b.statistic(from, to, st)));
          }
        }
      }
    }
  }

  private static void both(MetricSeries a, MetricSeries b, long t, double v) {
    a.add(t, v);
    b.add(t, v);
  }
}

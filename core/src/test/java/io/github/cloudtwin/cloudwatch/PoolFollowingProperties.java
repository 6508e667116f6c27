package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.internal.PooledMinutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Series that follow pools' columns read back exactly what series given each value hold: the same
 * timestamps, the same doubles bit for bit, the same counts and statistics over every window,
 * whatever mix of following, switching pools, values of their own, gaps, other writers, reads in
 * between and endings they went through.
 */
class PoolFollowingProperties {

  private static final long MINUTE = 60_000L;

  @Property(tries = 200)
  void followersReadBackWhatEachValueWouldStore(
      @ForAll @IntRange(min = 1, max = 10) int seriesCount,
      @ForAll @IntRange(min = 1, max = 3) int poolCount,
      @ForAll @IntRange(min = 1, max = 900) int minutes,
      @ForAll @IntRange(min = 0, max = 3) int oddness,
      @ForAll long seed) {
    Random random = new Random(seed);
    SharedColumns columns = new SharedColumns();
    PoolColumn[] pools = new PoolColumn[poolCount];
    for (int p = 0; p < poolCount; p++) pools[p] = new PoolColumn();
    List<MetricSeries> followed = new ArrayList<>();
    List<MetricSeries> plain = new ArrayList<>();
    PooledMinutes.Following[] following = new PooledMinutes.Following[seriesCount];
    int[] poolOf = new int[seriesCount];
    boolean[] gone = new boolean[seriesCount];
    long origin = (29_000_000L + random.nextInt(1_000)) * MINUTE;
    for (int s = 0; s < seriesCount; s++) {
      MetricId id = MetricId.of("T", "M", "Id", "s" + s);
      followed.add(new MetricSeries(id, StandardUnit.NONE, columns));
      plain.add(new MetricSeries(id, StandardUnit.NONE));
    }
    for (int m = 0; m < minutes; m++) {
      long t = origin + m * MINUTE;
      double[] value = new double[poolCount];
      boolean[] used = new boolean[poolCount];
      for (int p = 0; p < poolCount; p++) {
        value[p] = (m / (7 + p)) % 3 == 0 ? 50.0 : 10 * p + Math.sin(m * 0.1 + p) / 3;
      }
      for (int s = 0; s < seriesCount; s++) {
        MetricSeries a = followed.get(s);
        MetricSeries b = plain.get(s);
        if (gone[s]) continue;
        int roll = random.nextInt(1000);
        if (roll < 2) {
          gone[s] = true; // terminated: the publisher ends its following in the minute it misses
          end(following, s, t);
          continue;
        }
        if (roll < 2 + 20 * oddness) {
          end(following, s, t);
          if (roll % 2 == 0) continue; // a gap
          double own = roll * 0.7; // a value of its own
          a.add(t, own);
          b.add(t, own);
          continue;
        }
        if (oddness > 1 && roll == 999) {
          a.mergeLast(t - MINUTE, 1.5); // another writer: ends the following
          b.mergeLast(t - MINUTE, 1.5);
        }
        if (roll > 990) {
          assertThat(a.size()).isEqualTo(b.size()); // a read in between
          assertThat(a.storedSamples()).isEqualTo(b.storedSamples());
        }
        int p = roll % 50 == 0 ? random.nextInt(poolCount) : poolOf[s];
        used[p] = true;
        b.add(t, value[p]);
        if (following[s] != null && poolOf[s] == p && following[s].isOpen()) continue;
        end(following, s, t);
        following[s] = a.follow(pools[p], t);
        poolOf[s] = p;
        if (following[s] == null) a.add(t, value[p]);
      }
      for (int p = 0; p < poolCount; p++) if (used[p]) pools[p].put(t, value[p]);
    }
    for (int s = 0; s < seriesCount; s++) {
      if (random.nextBoolean()) end(following, s, origin + minutes * MINUTE);
      compare(followed.get(s), plain.get(s), s, origin, minutes);
    }
  }

  private static void end(PooledMinutes.Following[] following, int s, long t) {
    if (following[s] != null) following[s].end(t);
    following[s] = null;
  }

  private static void compare(MetricSeries a, MetricSeries b, int s, long origin, int minutes) {
    a.lowerBound(0);
    b.lowerBound(0);
    assertThat(a.size()).as("series %d", s).isEqualTo(b.size());
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

package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Targets that share rate histories (a pool's targets, moved to a copy on a different rate) read
 * back exactly what histories of their own hold: the same current rate, the same idle verdict and
 * the same average over every window, bit for bit, whatever mix of common rates, rates of their
 * own, several recomputations at one instant, pruning and dropping they went through.
 */
class RateHistoryProperties {

  private static final long MINUTE = 60_000L;

  @Property(tries = 200)
  void sharedHistoriesAverageAsOwnHistoriesDo(
      @ForAll @IntRange(min = 1, max = 12) int targets,
      @ForAll @IntRange(min = 1, max = 200) int recomputations,
      @ForAll @IntRange(min = 0, max = 3) int oddness,
      @ForAll long seed) {
    Random random = new Random(seed);
    RateHistory empty = RateHistory.empty();
    RateHistory[] shared = new RateHistory[targets];
    Own[] own = new Own[targets];
    Arrays.fill(shared, empty);
    for (int i = 0; i < targets; i++) own[i] = new Own();
    double[] rates = {0.0, 12.5, 50.0, 1.0 / 3, 100.0 / 7};
    long now = 1_700_000_000_000L;
    int epoch = 0;
    for (int r = 0; r < recomputations; r++) {
      // mostly a minute on; sometimes again at the same instant, or a few seconds on
      int step = random.nextInt(10);
      now += step == 0 && oddness > 0 ? 0 : step == 1 ? 7_000 : MINUTE;
      epoch++;
      double common = rates[(r / 13) % rates.length];
      for (int i = 0; i < targets; i++) {
        double rate =
            random.nextInt(100) < 10 * oddness ? rates[random.nextInt(rates.length)] + i : common;
        shared[i] = shared[i].with(now, rate, epoch);
        own[i].set(now, rate);
      }
      long horizon = now - 20 * MINUTE;
      for (int i = 0; i < targets; i++) {
        shared[i].prune(horizon);
        own[i].prune(horizon);
        assertThat(shared[i].idleSince(horizon)).isEqualTo(own[i].idleSince(horizon));
        if (own[i].idleSince(horizon)) {
          // dropped as the model drops an idle target: it starts again with no history
          shared[i].leave();
          shared[i] = empty;
          own[i] = new Own();
        }
      }
      for (int i = 0; i < targets; i++) {
        assertThat(Double.doubleToRawLongBits(shared[i].current()))
            .isEqualTo(Double.doubleToRawLongBits(own[i].current()));
        for (int w = 0; w < 4; w++) {
          long to = now - random.nextInt(3) * MINUTE + (w == 0 ? 0 : random.nextInt(90_000));
          long from = to - (w == 3 ? random.nextInt(25) * MINUTE : MINUTE);
          // asked twice: the second answer comes from the pool's memory of the last one
          for (int again = 0; again < 2; again++) {
            assertThat(Double.doubleToRawLongBits(shared[i].average(from, to)))
                .as("target %d, window [%d, %d)", i, from, to)
                .isEqualTo(Double.doubleToRawLongBits(own[i].average(from, to)));
          }
        }
      }
      if (oddness == 0) {
        // one pool: every target got the same rates, so all point at one history
        for (int i = 1; i < targets; i++) assertThat(shared[i]).isSameAs(shared[0]);
      }
    }
  }

  /** A history of one target's own, as the model kept it before histories were shared. */
  private static final class Own {
    long[] times = new long[8];
    double[] rates = new double[8];
    int size;

    void set(long t, double rate) {
      if (size > 0 && times[size - 1] == t) {
        rates[size - 1] = rate;
        if (size > 1 && rates[size - 2] == rate) size--;
        return;
      }
      if (size > 0 && rates[size - 1] == rate) return;
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        rates = Arrays.copyOf(rates, size * 2);
      }
      times[size] = t;
      rates[size] = rate;
      size++;
    }

    double current() {
      return size == 0 ? 0 : rates[size - 1];
    }

    double average(long from, long to) {
      if (to <= from) return 0;
      double sum = 0;
      int first = Arrays.binarySearch(times, 0, size, from);
      if (first < 0) first = Math.max(0, -first - 2);
      for (int i = first; i < size; i++) {
        if (times[i] >= to) break;
        long s = Math.max(times[i], from);
        long e = Math.min(i + 1 < size ? times[i + 1] : Long.MAX_VALUE, to);
        if (e > s) sum += rates[i] * (e - s);
      }
      return sum / (to - from);
    }

    void prune(long before) {
      int keep = 0;
      while (keep + 1 < size && times[keep + 1] <= before) keep++;
      if (keep > 0) {
        System.arraycopy(times, keep, times, 0, size - keep);
        System.arraycopy(rates, keep, rates, 0, size - keep);
        size -= keep;
      }
    }

    boolean idleSince(long before) {
      return size == 1 && rates[0] == 0 && times[0] <= before;
    }
  }
}

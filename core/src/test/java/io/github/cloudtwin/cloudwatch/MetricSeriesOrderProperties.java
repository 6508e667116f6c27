package io.github.cloudtwin.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A series answers the same whatever order its samples arrived in (a backfill newest-first is
 * sorted lazily on the next read, issue 13 item 7): every statistic over every window equals the
 * one of the same samples stored oldest-first, also when reads interleave with the writes.
 */
class MetricSeriesOrderProperties {

  record Sample(long time, double value, int count) {}

  @Provide
  Arbitrary<List<Sample>> samples() {
    Arbitrary<Sample> one =
        net.jqwik.api.Combinators.combine(
                Arbitraries.longs().between(0, 40),
                Arbitraries.doubles().between(-100, 100),
                Arbitraries.integers().between(1, 3))
            .as((t, v, c) -> new Sample(t * 1000, v, c));
    return one.list().ofMinSize(1).ofMaxSize(3000);
  }

  @Property(tries = 200)
  void statisticsDoNotDependOnArrivalOrder(
      @ForAll("samples") List<Sample> samples, @ForAll long seed, @ForAll boolean readInBetween) {
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort((a, b) -> Long.compare(a.time(), b.time()));
    List<Sample> shuffled = new ArrayList<>(samples);
    Collections.shuffle(shuffled, new Random(seed));
    MetricSeries inOrder = fill(sorted, false);
    MetricSeries anyOrder = fill(shuffled, readInBetween);
    assertThat(anyOrder.storedSamples()).isEqualTo(inOrder.storedSamples());
    for (long from = 0; from <= 40_000; from += 7_000) {
      for (long to = from + 1_000; to <= 41_000; to += 9_000) {
        for (Statistic s :
            List.of(
                Statistic.SAMPLE_COUNT,
                Statistic.SUM,
                Statistic.MINIMUM,
                Statistic.MAXIMUM,
                Statistic.AVERAGE)) {
          double a = inOrder.statistic(from, to, s);
          double b = anyOrder.statistic(from, to, s);
          if (Double.isNaN(a)) {
            assertThat(b).as(s + " over an empty window").isNaN();
          } else if (s == Statistic.SUM || s == Statistic.AVERAGE) {
            assertThat(b)
                .as(s + " over [" + from + ", " + to + ")")
                .isCloseTo(a, org.assertj.core.data.Offset.offset(1e-6));
          } else {
            assertThat(b).as(s + " over [" + from + ", " + to + ")").isEqualTo(a);
          }
        }
        assertThat(anyOrder.sampleCount(from, to)).isEqualTo(inOrder.sampleCount(from, to));
      }
    }
  }

  private static MetricSeries fill(List<Sample> samples, boolean readInBetween) {
    MetricSeries s = new MetricSeries(MetricId.of("T", "M"), StandardUnit.NONE);
    int k = 0;
    for (Sample x : samples) {
      if (x.count() == 1) s.add(x.time(), x.value());
      else s.addSet(x.time(), x.count(), x.value() * x.count(), x.value() - 1, x.value() + 1);
      if (readInBetween && ++k % 97 == 0) s.statistic(0, 50_000, Statistic.SUM);
    }
    return s;
  }
}

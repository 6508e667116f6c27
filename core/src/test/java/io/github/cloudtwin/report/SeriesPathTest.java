package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SeriesPathTest {

  private static final DoubleUnaryOperator SECONDS = ms -> ms / 1000; // 1 px per second
  private static final DoubleUnaryOperator VALUE = v -> 100 - v;

  private static Point at(long seconds, double v) {
    return new Point(Duration.ofSeconds(seconds), v);
  }

  private static List<double[]> points(String d) {
    List<double[]> out = new ArrayList<>();
    for (String cmd : d.split(" ")) {
      String[] xy = cmd.substring(1).split(",");
      out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return out;
  }

  @Test
  void stepsHoldEachValueUntilTheNextPointAndTheLastToTheEnd() {
    Series s = new Series("n", "n", List.of(at(0, 2), at(10, 4))).withShape(Series.Shape.STEPS);
    assertThat(SeriesPath.of(s, SECONDS, VALUE, 30_000)).isEqualTo("M0,98 L10,98 L10,96 L30,96");
  }

  @Test
  void periodStatisticsAreFlatOverTheirPeriodWithGapsForMissingPeriods() {
    Series s =
        new Series("cpu", "cpu", List.of(at(0, 50), at(60, 70), at(180, 30)))
            .withShape(Series.Shape.periods(Duration.ofMinutes(1)));
    // 0-60 at 50, 60-120 at 70, no data 120-180, 180-200 at 30 (cut at the end)
    assertThat(SeriesPath.of(s, SECONDS, VALUE, 200_000))
        .isEqualTo("M0,50 L60,50 L60,30 L120,30 M180,70 L200,70");
  }

  @Test
  void aWeekOfMinutesKeepsEveryExtremeWithAFewPointsPerPixel() {
    List<Point> pts = new ArrayList<>();
    int minutes = 7 * 24 * 60;
    for (int i = 0; i < minutes; i++)
      pts.add(new Point(Duration.ofMinutes(i), 50 + 10 * Math.sin(i / 30.0)));
    pts.set(4321, new Point(Duration.ofMinutes(4321), 99)); // one spike, one dip
    pts.set(777, new Point(Duration.ofMinutes(777), 1));
    Series s = new Series("cpu", "cpu", pts);
    double width = 870;
    DoubleUnaryOperator x = ms -> ms / (minutes * 60_000.0) * width;
    String d = SeriesPath.of(s, x, VALUE, minutes * 60_000.0);
    List<double[]> out = points(d);
    assertThat(out.size()).isLessThanOrEqualTo(4 * ((int) width + 1)).isGreaterThan((int) width);
    assertThat(out).anySatisfy(p -> assertThat(p[1]).isEqualTo(1.0)); // the spike (y = 100 - 99)
    assertThat(out).anySatisfy(p -> assertThat(p[1]).isEqualTo(99.0)); // the dip
    for (int i = 1; i < out.size(); i++)
      assertThat(out.get(i)[0]).isGreaterThanOrEqualTo(out.get(i - 1)[0]);
  }
}

package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {

  private static final double PLOT = SvgChart.PLOT_W;

  @Test
  void timeTicksFallOnStepsPeopleCountIn() {
    assertThat(Ticks.timeStep(6 * 60_000, PLOT, 90)).isEqualTo(60_000); // six minutes: every minute
    assertThat(Ticks.timeStep(60 * 60_000, PLOT, 90))
        .isEqualTo(10 * 60_000); // an hour: every 10 minutes
    assertThat(Ticks.timeStep(120 * 60_000, PLOT, 90))
        .isEqualTo(15 * 60_000); // two hours: every 15 minutes
    assertThat(Ticks.timeStep(24 * 3_600_000, PLOT, 90))
        .isEqualTo(3 * 3_600_000); // a day: every 3 hours
    assertThat(Ticks.timeStep(7 * 86_400_000L, PLOT, 90)).isEqualTo(86_400_000); // a week: daily
    assertThat(Ticks.timeStep(60 * 60_000, 250, 56))
        .isEqualTo(15 * 60_000); // a small panel: fewer ticks
  }

  @Test
  void timeLabelsReadAsClockOffsets() {
    assertThat(Ticks.time(90 * 60_000, 10 * 60_000, 2 * 3_600_000)).isEqualTo("1:30");
    assertThat(Ticks.time(30_000, 10_000, 60_000)).isEqualTo("0:00:30");
    assertThat(Ticks.time(26 * 3_600_000L, 3_600_000, 30 * 3_600_000)).isEqualTo("26:00");
    assertThat(Ticks.time(3 * 86_400_000L, 86_400_000, 7 * 86_400_000d)).isEqualTo("day 3");
    assertThat(Ticks.time(86_400_000L + 6 * 3_600_000, 6 * 3_600_000, 3 * 86_400_000d))
        .isEqualTo("1d 06:00");
  }

  @Test
  void valueAxesUseNiceStepsAndEndOnATick() {
    assertThat(Ticks.values(0, 108.9, 5, false)).isEqualTo(new Ticks.Scale(0, 125, 25));
    assertThat(Ticks.values(0, 7.7, 5, true)).isEqualTo(new Ticks.Scale(0, 8, 2));
    assertThat(Ticks.values(0, 3.3, 5, true))
        .isEqualTo(new Ticks.Scale(0, 4, 1)); // counts step by whole numbers
    assertThat(Ticks.values(0, 0.42, 5, false)).isEqualTo(new Ticks.Scale(0, 0.5, 0.1));
    assertThat(Ticks.values(0, 0, 5, true).hi()).isEqualTo(1); // all zero still draws an axis
    assertThat(Ticks.values(0, 108.9, 5, false).ticks())
        .containsExactly(0.0, 25.0, 50.0, 75.0, 100.0, 125.0);
  }

  @Test
  void valueLabelsCarryOnlyThePrecisionTheStepNeeds() {
    assertThat(Ticks.value(1500, 500)).isEqualTo("1,500");
    assertThat(Ticks.value(25_000, 5000)).isEqualTo("25k");
    assertThat(Ticks.value(2_500_000, 500_000)).isEqualTo("2.5M");
    assertThat(Ticks.value(0.25, 0.05)).isEqualTo("0.25");
    assertThat(Ticks.value(80, 1)).isEqualTo("80");
  }
}

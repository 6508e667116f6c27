package io.github.cloudtwin.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workload shapes as piecewise-constant segments. */
class WorkloadTest {

  @Test
  void rampSegmentsAreTheExactMinuteAverages() {
    Workload w = Workload.ramp(0, 600, Duration.ofMinutes(10));
    assertThat(w.segmentAt(0)).isEqualTo(new Workload.Segment(30, 60_000));
    assertThat(w.segmentAt(61_000)).isEqualTo(new Workload.Segment(90, 120_000));
    assertThat(w.segmentAt(600_000)).isEqualTo(new Workload.Segment(600, Long.MAX_VALUE));
  }

  @Test
  void stepSpikeAndReplayChangeAtTheirOwnInstants() {
    Workload step = Workload.step(10).then(Duration.ofSeconds(90), 50).build();
    assertThat(step.segmentAt(0)).isEqualTo(new Workload.Segment(10, 90_000));
    assertThat(step.segmentAt(90_000)).isEqualTo(new Workload.Segment(50, Long.MAX_VALUE));
    Workload spike = Workload.spike(10, 100, Duration.ofMinutes(5), Duration.ofSeconds(30));
    assertThat(spike.segmentAt(300_000)).isEqualTo(new Workload.Segment(100, 330_000));
    assertThat(spike.segmentAt(330_000)).isEqualTo(new Workload.Segment(10, Long.MAX_VALUE));
    Workload replay = Workload.replay(List.of(1.0, 2.0, 3.0), Duration.ofMinutes(1));
    assertThat(replay.segmentAt(60_000)).isEqualTo(new Workload.Segment(2.0, 120_000));
    assertThat(replay.segmentAt(999_000)).isEqualTo(new Workload.Segment(3.0, Long.MAX_VALUE));
  }

  @Test
  void dailySineAveragesToItsMeanOverADay() {
    Workload w = Workload.dailySine(100, 50, Duration.ofHours(12));
    double sum = 0;
    for (long t = 0; t < 86_400_000L; t += 60_000L) sum += w.segmentAt(t).requestsPerSecond();
    assertThat(sum / 1440).isCloseTo(100, within(1e-6));
    assertThat(w.segmentAt(12 * 3_600_000L).requestsPerSecond()).isCloseTo(150, within(0.01));
  }

  @Test
  void badShapesAreRejected() {
    assertThatThrownBy(() -> Workload.constant(-1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> Workload.dailySine(10, 20, Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("amplitudeRps");
    assertThatThrownBy(
            () ->
                Workload.step(1)
                    .then(Duration.ofMinutes(2), 3)
                    .then(Duration.ofMinutes(1), 4)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ascending");
  }
}

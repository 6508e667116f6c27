package io.github.cloudtwin.whatif;

import static io.github.cloudtwin.whatif.MetricReplayTest.T0;
import static io.github.cloudtwin.whatif.MetricReplayTest.csv;
import static io.github.cloudtwin.whatif.MetricReplayTest.minutes;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.CostModel;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemandReplayTest {

  private static double rateAt(Workload w, Duration at) {
    return w.segmentAt(at.toMillis()).requestsPerSecond();
  }

  @Test
  void requestCountsPerMinuteBecomeRatesAndGapsAreFilledAsAsked() {
    // 600 requests in minute 0 and 1, nothing recorded in minutes 2-4, 1,200 in minute 5
    RecordedSeries s =
        RecordedLoad.csv("req.csv", csv(600, 600, Double.NaN, Double.NaN, Double.NaN, 1200));
    Workload zero =
        DemandReplay.of(s, DemandUnit.REQUESTS)
            .onLoadBalancer("web")
            .period(ofMinutes(1))
            .build()
            .workload(CostModel.DEFAULT);
    assertThat(rateAt(zero, ofMinutes(0))).isEqualTo(10.0);
    assertThat(rateAt(zero, ofMinutes(1).plusSeconds(59))).isEqualTo(10.0);
    assertThat(rateAt(zero, ofMinutes(3))).isZero();
    assertThat(rateAt(zero, ofMinutes(5))).isEqualTo(20.0);
    assertThat(rateAt(zero, ofMinutes(6))).isZero(); // after the last datapoint's period
    Workload hold =
        DemandReplay.of(s, DemandUnit.REQUESTS)
            .onLoadBalancer("web")
            .period(ofMinutes(1))
            .gaps(Gaps.HOLD)
            .build()
            .workload(CostModel.DEFAULT);
    assertThat(rateAt(hold, ofMinutes(3))).isEqualTo(10.0);
    assertThatThrownBy(
            () ->
                DemandReplay.of(s, DemandUnit.REQUESTS)
                    .onLoadBalancer("web")
                    .period(ofMinutes(1))
                    .gaps(Gaps.REJECT)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("req.csv line 4")
        .hasMessageContaining("after line 3");
  }

  @Test
  void anIrregularSeriesGivesEachDatapointItsOwnPeriod() {
    // 1-minute datapoints, then 5-minute ones (as CloudWatch keeps older data)
    String text =
        "2026-03-02T10:00:00Z,600\n2026-03-02T10:01:00Z,600\n2026-03-02T10:02:00Z,3000\n2026-03-02T10:07:00Z,6000\n";
    Workload w =
        DemandReplay.of(RecordedLoad.csv("mixed.csv", text), DemandUnit.REQUESTS)
            .onLoadBalancer("web")
            .period(ofMinutes(5))
            .build()
            .workload(CostModel.DEFAULT);
    assertThat(rateAt(w, ofMinutes(1))).isEqualTo(10.0);
    assertThat(rateAt(w, ofMinutes(4))).isEqualTo(10.0); // 3,000 over five minutes
    assertThat(rateAt(w, ofMinutes(8))).isEqualTo(20.0);
    assertThat(rateAt(w, ofMinutes(12))).isZero();
  }

  @Test
  void cpuDemandIsTurnedIntoRequestsWithTheCostModel() {
    RecordedSeries cpu = RecordedLoad.csv("cpu.csv", csv(50, 50));
    // 50 % of 4 instances x 2 vCPUs = 4 vCPU-seconds per second = 400 requests/s at 10 CPU ms each
    Workload w =
        DemandReplay.of(cpu, DemandUnit.CPU_UTILIZATION)
            .onLoadBalancer("web")
            .recordedFleet(4, 2)
            .build()
            .workload(CostModel.DEFAULT);
    assertThat(rateAt(w, Duration.ZERO)).isCloseTo(400.0, within(1e-9));
    RecordedSeries vcpu = RecordedLoad.csv("vcpu.csv", csv(120, 120));
    Workload v =
        DemandReplay.of(vcpu, DemandUnit.VCPU_SECONDS)
            .onLoadBalancer("web")
            .build()
            .workload(new CostModel(20, 0));
    assertThat(rateAt(v, Duration.ZERO))
        .isCloseTo(100.0, within(1e-9)); // 2 vCPU-s per second / 0.020 s
    assertThatThrownBy(
            () -> DemandReplay.of(cpu, DemandUnit.CPU_UTILIZATION).onLoadBalancer("web").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("recordedFleet");
  }

  @Test
  void negativeDemandAndTheWrongUnitAreRefusedNamingTheDatapoint() {
    assertThatThrownBy(
            () ->
                DemandReplay.of(RecordedLoad.csv("req.csv", csv(5, -1, 5)), DemandUnit.REQUESTS)
                    .onLoadBalancer("web")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("req.csv line 3")
        .hasMessageContaining("-1.0");
    RecordedSeries percent = RecordedLoad.csv("cpu.csv", csv(5, 5)).withUnit(StandardUnit.PERCENT);
    assertThatThrownBy(
            () -> DemandReplay.of(percent, DemandUnit.REQUESTS).onLoadBalancer("web").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cpu.csv Unit")
        .hasMessageContaining("Count");
    try (CloudTwin twin = CloudTwin.builder().start(T0).build()) {
      DemandReplay r =
          DemandReplay.of(RecordedLoad.csv("req.csv", csv(5, 5)), DemandUnit.REQUESTS)
              .onLoadBalancer("nope")
              .build();
      int events = twin.timeline().size();
      assertThatThrownBy(() -> r.applyTo(twin))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("nope");
      assertThat(twin.timeline().size()).isEqualTo(events);
    }
  }

  @Test
  void capacityFeedsBackTheSameDemandMeansLessCpuOnMoreInstances() {
    // 30,000 requests a minute (500/s) for an hour on two m5.large: 250/s each is 125 % CPU,
    // saturated
    RecordedSeries s = RecordedLoad.csv("req.csv", csv(minutes(60, 30_000)));
    try (CloudTwin twin = CloudTwin.builder().start(T0.minus(ofMinutes(10))).build()) {
      Estates.scaling(twin);
      twin.advance(ofMinutes(10));
      LoadReplay.ReplayStart start =
          DemandReplay.of(s, DemandUnit.REQUESTS).onLoadBalancer("web").build().applyTo(twin);
      assertThat(start.appliedAt()).isEqualTo(T0);
      twin.advance(ofMinutes(5));
      double early =
          twin.cloudWatch()
              .statistic(Estates.GROUP_CPU, T0, T0.plus(ofMinutes(5)), Statistic.AVERAGE)
              .orElseThrow();
      assertThat(early).isEqualTo(100.0);
      assertThat(twin.traffic().saturatedRequests()).isGreaterThan(0);
      twin.advance(ofMinutes(20));
      double saturated = twin.traffic().saturatedRequests();
      twin.advanceTo(start.endsAt());
      // four instances at 62.5 % stay under the alarm's 70 %: one scale-out, no more saturation
      assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(4);
      assertThat(twin.traffic().saturatedRequests()).isEqualTo(saturated);
      double late =
          twin.cloudWatch()
              .statistic(
                  Estates.GROUP_CPU,
                  T0.plus(ofMinutes(50)),
                  T0.plus(ofMinutes(60)),
                  Statistic.AVERAGE)
              .orElseThrow();
      // 500/s over n instances at 2 vCPUs and 10 ms a request: 250 / n % CPU
      int n =
          twin.autoScaling().group("web").inServiceCountByZone().values().stream()
              .mapToInt(Integer::intValue)
              .sum();
      assertThat(late).isCloseTo(250.0 / n, within(0.5));
    }
  }
}

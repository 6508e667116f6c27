package io.github.cloudtwin.elb;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.Workload;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Network latency and loss toward a zone's targets, and the application's start, as the traffic
 * model sees them.
 */
class NetworkImpairmentTest {

  static double minute(ElbFixture f, String metric, Statistic stat) {
    MetricId id =
        MetricId.of(
            "AWS/ApplicationELB",
            metric,
            "LoadBalancer",
            f.elb.loadBalancer("web").dimensionValue());
    Instant now = f.twin.now();
    return f.twin.cloudWatch().statistic(id, now.minusSeconds(60), now, stat).orElse(0);
  }

  @Test
  void latencyAndLossTowardAZoneRaiseResponseTimesAndErrorsUntilRestored() {
    try (var c = ElbFixture.alb(TargetGroupSpec.builder("web-tg").port(80), 1, 1).twinCloser()) {
      ElbFixture f = c.fixture;
      f.twin.traffic().apply("web", Workload.constant(100));
      f.twin.advance(ofMinutes(2));
      assertThat(minute(f, "TargetResponseTime", Statistic.AVERAGE))
          .isEqualTo(0.020, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(minute(f, "HTTPCode_ELB_5XX_Count", Statistic.SUM)).isZero();

      f.elb.impairNetwork(ElbFixture.A, ofMillis(200), 0.5);
      f.twin.advance(ofMinutes(2));
      // half the traffic goes to zone a: half of that is lost, the rest answers in 220 ms
      assertThat(minute(f, "HTTPCode_ELB_5XX_Count", Statistic.SUM))
          .isEqualTo(1500, org.assertj.core.data.Offset.offset(1e-6));
      double expected = (1500 * 0.220 + 3000 * 0.020) / 4500;
      assertThat(minute(f, "TargetResponseTime", Statistic.AVERAGE))
          .isEqualTo(expected, org.assertj.core.data.Offset.offset(1e-9));
      long lost = 0;
      for (int i = 0; i < 400; i++) if (f.elb.send("web").status() == 504) lost++;
      assertThat(lost)
          .as("of 400 requests sent one by one, about a quarter lost")
          .isBetween(70L, 130L);

      f.elb.restoreNetwork(ElbFixture.A);
      f.twin.advance(ofMinutes(2));
      assertThat(minute(f, "HTTPCode_ELB_5XX_Count", Statistic.SUM)).isZero();
      assertThat(minute(f, "TargetResponseTime", Statistic.AVERAGE))
          .isEqualTo(0.020, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void badImpairmentsAreRejectedNamingTheField() {
    try (var c = ElbFixture.alb(TargetGroupSpec.builder("web-tg").port(80), 1, 1).twinCloser()) {
      ElbFixture f = c.fixture;
      assertThatThrownBy(() -> f.elb.impairNetwork(ElbFixture.A, ofMillis(10), 1.5))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("lossFraction");
      assertThatThrownBy(() -> f.elb.impairNetwork("us-east-1z", ofMillis(10), 0.1))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> f.elb.setApplicationStartTime("web-tg", ofMinutes(-1)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("applicationStartTime");
      assertThatThrownBy(() -> f.elb.setApplicationStartTime("nope", ofMinutes(1)))
          .isInstanceOf(ValidationException.class);
    }
  }
}

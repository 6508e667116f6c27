package io.github.cloudtwin.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Workloads on a load balancer: per-target rates, CPU from the cost model, and ELB metrics. */
class TrafficTest {

  private static final String A = "us-east-1a";
  private static final String B = "us-east-1b";

  private static List<String> launch(CloudTwin twin, String zone, int n, String group) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder().availabilityZone(zone).detailedMonitoring(true).build())
              .instanceId();
      twin.loadBalancing().registerTargets(group, id);
      ids.add(id);
    }
    return ids;
  }

  private static CloudTwin alb(TargetGroupSpec.Builder tg) {
    CloudTwin twin = CloudTwin.create();
    LoadBalancing elb = twin.loadBalancing();
    elb.createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(A, B).build());
    elb.createTargetGroup(tg.build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    return twin;
  }

  private static double cpu(CloudTwin twin, String instanceId, long fromSeconds) {
    Instant t0 = CloudTwin.DEFAULT_START;
    List<Datapoint> dps =
        twin.cloudWatch()
            .getMetricStatistics(
                MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", instanceId),
                t0.plusSeconds(fromSeconds),
                t0.plusSeconds(fromSeconds + 60),
                Duration.ofMinutes(1),
                Statistic.AVERAGE);
    assertThat(dps).hasSize(1);
    return dps.get(0).value();
  }

  @Test
  void trafficRaisesCpuAsTheCostModelSaysAndMoreTargetsLowerIt() {
    try (CloudTwin twin = alb(TargetGroupSpec.builder("tg"))) {
      List<String> first = new ArrayList<>(launch(twin, A, 1, "tg"));
      first.addAll(launch(twin, B, 1, "tg"));
      twin.advance(Duration.ofMinutes(2));
      twin.traffic().costModel(new CostModel(10, 0));
      twin.traffic().apply("web", Workload.constant(100));
      twin.advance(Duration.ofMinutes(1));
      // t3.micro has 2 vCPUs: 50 rps x 10 ms / (1000 x 2) x 100 = 25 %
      for (String id : first) assertThat(cpu(twin, id, 120)).isCloseTo(25.0, within(1e-9));
      List<String> more = new ArrayList<>(launch(twin, A, 1, "tg"));
      more.addAll(launch(twin, B, 1, "tg"));
      twin.advance(Duration.ofMinutes(2)); // healthy at 240 s
      for (String id : first)
        assertThat(twin.traffic().servedRate(id)).isCloseTo(25.0, within(1e-9));
      for (String id : first) assertThat(cpu(twin, id, 240)).isCloseTo(12.5, within(1e-9));
      for (String id : more) assertThat(cpu(twin, id, 240)).isCloseTo(12.5, within(1e-9));
      // the minute in which the new targets turned healthy (at 240 s exactly) mixes nothing:
      // 180-240 is all at 25 %
      for (String id : first) assertThat(cpu(twin, id, 180)).isCloseTo(25.0, within(1e-9));
    }
  }

  @Test
  void cpuIsIntegratedOverTheMinuteFromPiecewiseConstantSegments() {
    try (CloudTwin twin = alb(TargetGroupSpec.builder("tg"))) {
      List<String> ids = launch(twin, A, 1, "tg");
      twin.advance(Duration.ofMinutes(2));
      twin.traffic().costModel(new CostModel(20, 5));
      // 10 rps for 15 s then 30 rps for 45 s: 25 rps on average -> 25 x 20 / (1000 x 2) x 100 = 25
      // %, plus 5 % baseline
      twin.traffic().apply("web", Workload.step(10).then(Duration.ofSeconds(15), 30).build());
      twin.advance(Duration.ofMinutes(1));
      assertThat(cpu(twin, ids.get(0), 120)).isCloseTo(30.0, within(1e-9));
    }
  }

  @Test
  void e7ThroughTheRateModel() {
    for (boolean cross : new boolean[] {true, false}) {
      TargetGroupSpec.Builder tg = TargetGroupSpec.builder("tg");
      if (!cross) tg.crossZoneEnabled(false);
      try (CloudTwin twin = alb(tg)) {
        List<String> a = launch(twin, A, 2, "tg");
        List<String> b = launch(twin, B, 8, "tg");
        twin.advance(Duration.ofMinutes(2));
        twin.traffic().apply("web", Workload.constant(1000));
        for (String id : a)
          assertThat(twin.traffic().servedRate(id)).isCloseTo(cross ? 100 : 250, within(1e-9));
        for (String id : b)
          assertThat(twin.traffic().servedRate(id)).isCloseTo(cross ? 100 : 62.5, within(1e-9));
      }
    }
  }

  @Test
  void loadBalancerMetricsArePublishedEachMinute() {
    try (CloudTwin twin = alb(TargetGroupSpec.builder("tg"))) {
      List<String> ids = new ArrayList<>(launch(twin, A, 1, "tg"));
      ids.addAll(launch(twin, B, 1, "tg"));
      twin.advance(Duration.ofMinutes(2));
      twin.traffic().apply("web", Workload.constant(100));
      twin.loadBalancing().target(ids.get(1)).respondWith(500);
      twin.loadBalancing().send("web");
      twin.advance(Duration.ofMinutes(1));
      String lb = twin.loadBalancing().loadBalancer("web").dimensionValue();
      String tg = twin.loadBalancing().targetGroup("tg").dimensionValue();
      assertThat(lb).startsWith("app/web/");
      assertThat(tg).startsWith("targetgroup/tg/");
      Instant from = CloudTwin.DEFAULT_START.plusSeconds(120);
      Instant to = from.plusSeconds(60);
      assertThat(
              sum(
                  twin,
                  MetricId.of("AWS/ApplicationELB", "RequestCount", "LoadBalancer", lb),
                  from,
                  to))
          .isEqualTo(6001.0);
      // the target answering 500 fails its checks too, but needs two of them: healthy all this
      // minute
      assertThat(
              sum(
                  twin,
                  MetricId.of(
                      "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", lb),
                  from,
                  to))
          .isBetween(3000.0, 3001.0);
      assertThat(
              sum(
                  twin,
                  MetricId.of("AWS/ApplicationELB", "RequestCountPerTarget", "TargetGroup", tg),
                  from,
                  to))
          .isEqualTo(3000.5);
      assertThat(
              avg(
                  twin,
                  MetricId.of("AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", lb),
                  from,
                  to))
          .isCloseTo(0.02, within(1e-9));
      assertThat(
              avg(
                  twin,
                  MetricId.of(
                      "AWS/ApplicationELB",
                      "HealthyHostCount",
                      "LoadBalancer",
                      lb,
                      "TargetGroup",
                      tg,
                      "AvailabilityZone",
                      A),
                  from,
                  to))
          .isEqualTo(1.0);
      twin.advance(Duration.ofMinutes(1)); // the 500 target fails two checks: unhealthy
      Instant from2 = from.plusSeconds(60);
      assertThat(
              avg(
                  twin,
                  MetricId.of(
                      "AWS/ApplicationELB",
                      "UnHealthyHostCount",
                      "LoadBalancer",
                      lb,
                      "TargetGroup",
                      tg,
                      "AvailabilityZone",
                      B),
                  from2,
                  from2.plusSeconds(60)))
          .isEqualTo(1.0);
    }
  }

  @Test
  void noTrafficPublishesNoRequestCountButHostCountsStill() {
    try (CloudTwin twin = alb(TargetGroupSpec.builder("tg"))) {
      launch(twin, A, 1, "tg");
      twin.advance(Duration.ofMinutes(3));
      String lb = twin.loadBalancing().loadBalancer("web").dimensionValue();
      String tg = twin.loadBalancing().targetGroup("tg").dimensionValue();
      Instant from = CloudTwin.DEFAULT_START;
      assertThat(
              twin.cloudWatch()
                  .statistic(
                      MetricId.of("AWS/ApplicationELB", "RequestCount", "LoadBalancer", lb),
                      from,
                      from.plusSeconds(180),
                      Statistic.SUM))
          .isEmpty();
      assertThat(
              twin.cloudWatch()
                  .statistic(
                      MetricId.of(
                          "AWS/ApplicationELB",
                          "HealthyHostCount",
                          "LoadBalancer",
                          lb,
                          "TargetGroup",
                          tg),
                      from.plusSeconds(120),
                      from.plusSeconds(180),
                      Statistic.MAXIMUM))
          .hasValue(1.0);
    }
  }

  private static double sum(CloudTwin twin, MetricId id, Instant from, Instant to) {
    OptionalDouble v = twin.cloudWatch().statistic(id, from, to, Statistic.SUM);
    assertThat(v).as(id.toString()).isPresent();
    return v.getAsDouble();
  }

  private static double avg(CloudTwin twin, MetricId id, Instant from, Instant to) {
    OptionalDouble v = twin.cloudWatch().statistic(id, from, to, Statistic.AVERAGE);
    assertThat(v).as(id.toString()).isPresent();
    return v.getAsDouble();
  }
}

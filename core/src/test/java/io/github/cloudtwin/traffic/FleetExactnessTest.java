package io.github.cloudtwin.traffic;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speed work on the fleet-month path (issue 23: the traffic model's split of a workload over the
 * targets, health checks, CPU publishing with injections, metric storage) must not change what the
 * twin does: a day and a half of the benchmark's estate in small (an ALB, target tracking at 50 %,
 * a daily sine of requests, ELB health checks), with an injected CPU value on one instance and a
 * gap on the group's instances for an hour, gives exactly the timeline, every stored metric sample
 * and the saturation recorded before that work (digest taken on main at 2bf1c13b).
 */
class FleetExactnessTest {

  private static final String DIGEST =
      "82e27a44ee48f35101cdc98778967deb57e07c1823b68e5b2a1fc3877b9bcfae";
  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

  private static String digest() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    Instant from = Instant.parse("2026-03-02T00:00:00Z");
    Instant to = from.plus(Duration.ofHours(36));
    try (CloudTwin twin = CloudTwin.builder().seed(5).start(from).build()) {
      twin.loadBalancing()
          .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(ZONES).build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
      twin.loadBalancing()
          .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .instanceType("m5.large")
                  .minSize(10)
                  .maxSize(40)
                  .desiredCapacity(20)
                  .availabilityZones(ZONES)
                  .targetGroupNames("web-tg")
                  .healthCheckType(HealthCheckType.ELB)
                  .detailedMonitoring(true)
                  .build());
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
      twin.traffic().apply("web", Workload.dailySine(2_000, 800, ofHours(14)));
      twin.advance(ofMinutes(30));
      String first = twin.autoScaling().group("web").instances().get(0).instanceId();
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forInstance(first)
                  .between(ofHours(2), ofHours(4))
                  .constant(95));
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("web")
                  .between(ofHours(10), ofHours(11))
                  .gap());
      twin.advanceTo(to);
      List<TimelineEvent> events = twin.timeline().events();
      assertThat(events).hasSizeGreaterThan(200); // the fleet scaled, not just idled
      for (TimelineEvent e : events) update(md, e.toString());
      for (MetricId id : twin.cloudWatch().listMetrics()) {
        update(md, id.toString());
        for (Statistic stat :
            List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM)) {
          for (Datapoint d :
              twin.cloudWatch().getMetricStatistics(id, from, to, ofMinutes(1), stat)) {
            update(
                md,
                d.timestamp()
                    + " "
                    + Long.toHexString(Double.doubleToLongBits(d.value()))
                    + " "
                    + d.sampleCount());
          }
        }
      }
      update(md, Double.toString(twin.traffic().saturatedRequests()));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }

  @Test
  void aFleetUnderADailySineIsTheSameToTheLastSampleAsBeforeTheSpeedWork() throws Exception {
    assertThat(digest()).isEqualTo(DIGEST);
  }
}

package io.github.cloudtwin.whatif;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
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
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speed work on the per-minute path (CPU publishing, the traffic model, health checks, metric
 * storage) must not change what a replay does: two virtual days of a demand replay and of a metric
 * replay on a scaling web tier, plus a basic-monitoring group with an injection and a gap, give
 * exactly the timeline, every stored metric sample and the outcome recorded before that work
 * (digests taken on main at 24ad527).
 */
class ReplayExactnessTest {

  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final int MINUTES = 2 * 24 * 60;
  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

  private static final String DEMAND_DIGEST =
      "a3e332ffe0efb3ec704a4d7576c70302e0629a57e8045bafd18dbcc8de2d8a07";
  private static final String METRIC_DIGEST =
      "4d4950917ba15a7939f8ca86d324bdb47a4d5ecdba8c21b0a1abaefada7ae9ce";

  /** A daily cycle between 0.4 and 1.2 of a 12-instance fleet's 50 % level, one spike. */
  private static String requestsCsv() {
    StringBuilder sb = new StringBuilder("timestamp,value\n");
    for (int m = 0; m < MINUTES; m++) {
      double day = 0.8 + 0.4 * Math.sin(2 * Math.PI * m / 1440.0);
      if (m >= 1800 && m < 1830) day = 2.0;
      sb.append(START.plus(ofMinutes(m)))
          .append(',')
          .append(Math.round(60 * 100.0 * 12 * day))
          .append('\n');
    }
    return sb.toString();
  }

  private static String cpuCsv() {
    StringBuilder sb = new StringBuilder("timestamp,value\n");
    for (int m = 0; m < MINUTES; m++) {
      double day = 0.8 + 0.4 * Math.sin(2 * Math.PI * m / 1440.0);
      sb.append(START.plus(ofMinutes(m)))
          .append(',')
          .append(Math.round(50 * day * 10) / 10.0)
          .append('\n');
    }
    return sb.toString();
  }

  private static void estate(CloudTwin twin) {
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
                .minSize(6)
                .maxSize(30)
                .desiredCapacity(12)
                .availabilityZones(ZONES)
                .targetGroupNames("web-tg")
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
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("batch")
                .instanceType("t3.micro")
                .minSize(3)
                .maxSize(3)
                .desiredCapacity(3)
                .availabilityZones(ZONES)
                .build());
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("batch")
                .between(ofHours(3), ofHours(5))
                .constant(70));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("batch")
                .between(ofHours(20), ofHours(21))
                .gap());
  }

  /** Plays {@code replay} on the estate and digests the timeline, every metric and the outcome. */
  private static String digest(LoadReplay replay) throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    Instant from = START.minus(WhatIf.DEFAULT_WARM_UP);
    try (CloudTwin twin = CloudTwin.builder().seed(7).start(from).build()) {
      estate(twin);
      twin.advance(WhatIf.DEFAULT_WARM_UP);
      LoadReplay.ReplayStart start = replay.applyTo(twin);
      twin.advanceTo(start.endsAt());
      List<TimelineEvent> events = twin.timeline().events();
      assertThat(events).hasSizeGreaterThan(200); // the estate scaled, not just idled
      for (TimelineEvent e : events) update(md, e.toString());
      for (MetricId id : twin.cloudWatch().listMetrics()) {
        update(md, id.toString());
        for (Statistic stat :
            List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM)) {
          List<Datapoint> points =
              twin.cloudWatch().getMetricStatistics(id, from, start.endsAt(), ofMinutes(1), stat);
          for (Datapoint d : points) {
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
    update(
        md,
        WhatIf.replay(replay)
            .seed(7)
            .run(Estate.of("web", ReplayExactnessTest::estate))
            .toString());
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
  }

  @Test
  void aDemandReplayIsTheSameToTheLastSampleAsBeforeTheSpeedWork() throws Exception {
    RecordedSeries s = RecordedLoad.csv("requests.csv", requestsCsv());
    String d = digest(DemandReplay.of(s, DemandUnit.REQUESTS).onLoadBalancer("web").build());
    assertThat(d).isEqualTo(DEMAND_DIGEST);
  }

  @Test
  void aMetricReplayIsTheSameToTheLastSampleAsBeforeTheSpeedWork() throws Exception {
    RecordedSeries s = RecordedLoad.csv("cpu.csv", cpuCsv());
    MetricId groupCpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    assertThat(digest(MetricReplay.into(s, groupCpu))).isEqualTo(METRIC_DIGEST);
  }
}

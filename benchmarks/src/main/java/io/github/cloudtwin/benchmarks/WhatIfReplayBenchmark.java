package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.whatif.DemandReplay;
import io.github.cloudtwin.whatif.DemandUnit;
import io.github.cloudtwin.whatif.Estate;
import io.github.cloudtwin.whatif.MetricReplay;
import io.github.cloudtwin.whatif.RecordedLoad;
import io.github.cloudtwin.whatif.RecordedSeries;
import io.github.cloudtwin.whatif.ReplayOutcome;
import io.github.cloudtwin.whatif.WhatIf;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A what-if replay of a month of 1-minute data (43,200 datapoints, as CSV text parsed in each
 * operation) on a group of {@code instances} m5.large instances (detailed monitoring, three zones,
 * target tracking at 50 % CPU, min = desired = {@code instances}). One operation = parse, build the
 * estate on a fresh twin, replay the month, compute the outcome and the cost.
 *
 * <ul>
 *   <li>{@code demandMonth}: the requests as demand on an Application Load Balancer (a daily cycle
 *       of 0.6 to 1.0 of the fleet's 50 % CPU level): the traffic model spreads it over the targets
 *       every minute and the policy scales out when it peaks.
 *   <li>{@code metricMonth}: the group's CPUUtilization replayed datapoint by datapoint (the
 *       instances silenced), the alarms of the policy evaluating it.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class WhatIfReplayBenchmark {

  static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
  static final int MINUTES = 30 * 24 * 60;

  @Param({"500"})
  public int instances;

  private String requestsCsv;
  private String cpuCsv;

  @Setup
  public void recordings() {
    StringBuilder req = new StringBuilder("timestamp,value\n");
    StringBuilder cpu = new StringBuilder("timestamp,value\n");
    // m5.large: 2 vCPUs, 10 CPU ms a request: 100 requests/s per instance is 50 % CPU
    for (int m = 0; m < MINUTES; m++) {
      double day = 0.8 + 0.2 * Math.sin(2 * Math.PI * m / 1440.0);
      String t = START.plusSeconds(60L * m).toString();
      req.append(t).append(',').append(Math.round(60 * 100.0 * instances * day)).append('\n');
      cpu.append(t).append(',').append(Math.round(50 * day * 10) / 10.0).append('\n');
    }
    requestsCsv = req.toString();
    cpuCsv = cpu.toString();
  }

  private void estate(CloudTwin twin) {
    String[] zones = twin.config().zoneNames().toArray(String[]::new);
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(instances)
                .maxSize(instances * 2)
                .desiredCapacity(instances)
                .availabilityZones(zones)
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
  }

  @Benchmark
  public double demandMonth() {
    RecordedSeries s = RecordedLoad.csv("requests.csv", requestsCsv);
    ReplayOutcome o =
        WhatIf.replay(DemandReplay.of(s, DemandUnit.REQUESTS).onLoadBalancer("web").build())
            .seed(1)
            .run(Estate.of("target-50", this::estate));
    return o.cost().totalUsd() + o.peakInService();
  }

  @Benchmark
  public double metricMonth() {
    RecordedSeries s = RecordedLoad.csv("cpu.csv", cpuCsv);
    MetricId groupCpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    ReplayOutcome o =
        WhatIf.replay(MetricReplay.into(s, groupCpu))
            .seed(1)
            .run(Estate.of("target-50", this::estate));
    return o.cost().totalUsd() + o.peakInService();
  }

  /**
   * Runs each benchmark once and prints wall and CPU time (the calling thread's), for a quick look
   * without JMH on a loaded machine.
   *
   * @param args optionally the benchmark ({@code metricMonth}, {@code demandMonth}; both when
   *     absent), the group's size (500 when absent) and how many runs (1 when absent)
   */
  public static void main(String[] args) {
    WhatIfReplayBenchmark b = new WhatIfReplayBenchmark();
    b.instances = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    b.recordings();
    String[] which =
        args.length > 0 ? new String[] {args[0]} : new String[] {"metricMonth", "demandMonth"};
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (String w : which) {
      for (int run = 0; run < runs; run++) {
        long t = System.nanoTime();
        long cpu = mx.getCurrentThreadCpuTime();
        double r = w.equals("demandMonth") ? b.demandMonth() : b.metricMonth();
        System.out.printf(
            "%s (%d instances): %d ms wall, %d ms CPU (result %.2f)%n",
            w,
            b.instances,
            Duration.ofNanos(System.nanoTime() - t).toMillis(),
            Duration.ofNanos(mx.getCurrentThreadCpuTime() - cpu).toMillis(),
            r);
      }
    }
  }
}

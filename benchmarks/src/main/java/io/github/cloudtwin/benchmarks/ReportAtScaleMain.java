package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.report.Marker;
import io.github.cloudtwin.report.Report;
import io.github.cloudtwin.traffic.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The HTML report at scale: a week with up to 1,000 m5.large behind an ALB under a daily load cycle
 * (20,000 to 100,000 requests/s), simple policies of plus and minus 100 instances on CPU alarms,
 * and a two-hour outage of us-east-1b on day 3. Prints the simulation and report times, the
 * report's size and its markers, and how to open it in headless chromium with the examples' {@code
 * ReportAtScaleInBrowserTest} (which times the opens). docs/performance.md, "The HTML report at
 * scale".
 *
 * <pre>
 * java -cp core/target/classes:benchmarks/target/classes \
 *     io.github.cloudtwin.benchmarks.ReportAtScaleMain target/week-1000.html
 * </pre>
 */
public final class ReportAtScaleMain {

  private ReportAtScaleMain() {}

  /**
   * Runs the week and writes the report.
   *
   * @param args the report file (default {@code target/week-1000.html})
   * @throws Exception when the report cannot be written or the browser not run
   */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "target/week-1000.html");
    try (CloudTwin twin = CloudTwin.builder().seed(11).build()) {
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
                  .minSize(200)
                  .maxSize(1000)
                  .desiredCapacity(1000)
                  .availabilityZones(zones)
                  .targetGroupNames("web-tg")
                  .healthCheckType(HealthCheckType.ELB)
                  .build());
      MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
      ScalingPolicy out =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("out")
                      .autoScalingGroupName("web")
                      .adjustmentType(AdjustmentType.ChangeInCapacity)
                      .scalingAdjustment(100)
                      .build());
      ScalingPolicy in =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("in")
                      .autoScalingGroupName("web")
                      .adjustmentType(AdjustmentType.ChangeInCapacity)
                      .scalingAdjustment(-100)
                      .build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("cpu-high")
                  .metric(cpu)
                  .period(Duration.ofMinutes(5))
                  .evaluationPeriods(2)
                  .threshold(60)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .alarmActions(out.asAlarmAction())
                  .build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("cpu-low")
                  .metric(cpu)
                  .period(Duration.ofMinutes(5))
                  .evaluationPeriods(3)
                  .threshold(35)
                  .comparisonOperator(ComparisonOperator.LessThanThreshold)
                  .alarmActions(in.asAlarmAction())
                  .build());
      twin.traffic().apply("web", Workload.dailySine(60_000, 40_000, Duration.ofHours(14)));
      twin.faults().zoneOutage(zones[1], Duration.ofDays(3).plusHours(10), Duration.ofHours(2));
      long t0 = System.nanoTime();
      twin.advance(Duration.ofDays(7));
      long t1 = System.nanoTime();
      Report report = Report.builder(twin).title("A week with up to 1,000 instances").build();
      String page = report.toXhtml();
      long t2 = System.nanoTime();
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(file, page, StandardCharsets.UTF_8);
      int marked = 0;
      for (Marker m : report.markers()) marked += m.eventIds().size();
      System.out.printf(
          "a week: %,d events, %d capacity changes, simulated in %.1f s; report built in %.2f s%n",
          twin.timeline().size(),
          twin.autoScaling().group("web").capacityHistory().size(),
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9);
      System.out.printf(
          "report %s: %,d bytes (%.2f MB), %d charts, %d markers for %,d events%n",
          file,
          Files.size(file),
          Files.size(file) / 1048576.0,
          report.charts().size(),
          report.markers().size(),
          marked);
      System.out.println(
          "open it in headless chromium (median of 3 opens, a 1100 x 1500 px window): ./mvnw -B -o"
              + " -pl examples -am test -Dtest=ReportAtScaleInBrowserTest"
              + " -Dsurefire.failIfNoSpecifiedTests=false -Dcloudtwin.report.week="
              + file.toAbsolutePath());
    }
  }
}

package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.io.PrintStream;
import java.time.Duration;

/** The scenarios the runner knows; each returns its twin, advanced to the end of the story. */
final class Scenarios {

  private Scenarios() {}

  /**
   * The seed's closed loop (Figure 1): three m5.large instances behind an Application Load
   * Balancer; traffic triples at minute 10; per-instance CPU rises; the alarm "average CPU above
   * 80 % for two consecutive 5-minute periods" runs the policy "add two instances"; the new
   * instances pass their health checks, become targets, per-target load falls and so does CPU.
   */
  static CloudTwin seed(PrintStream out) {
    CloudTwin twin = CloudTwin.builder().seed(42).build();
    String[] zones = twin.config().zoneNames().toArray(String[]::new);
    twin.loadBalancing().createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(3)
                .maxSize(10)
                .desiredCapacity(3)
                .availabilityZones(zones)
                .targetGroupNames("web-tg")
                .build());
    ScalingPolicy addTwo =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("add-two")
                    .autoScalingGroupName("web")
                    .adjustmentType(AdjustmentType.ChangeInCapacity)
                    .scalingAdjustment(2)
                    .build());
    MetricAlarm alarm =
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("cpu-high")
                    .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                    .period(Duration.ofMinutes(5))
                    .evaluationPeriods(2)
                    .threshold(80)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .alarmActions(addTwo.asAlarmAction())
                    .build());
    // 10 ms of CPU per request on 2 vCPUs: 100 rps per instance is 50 % CPU
    twin.traffic()
        .apply("web", Workload.step(300).then(ofMinutes(10), 900).build());
    AutoScalingGroup group = twin.autoScaling().group("web");
    for (int minute = 10; minute <= 60; minute += 10) {
      twin.advance(ofMinutes(10));
      out.printf(
          "+%02d min: alarm %-17s desired %d, in service %d %s%n",
          minute, alarm.state(), group.desiredCapacity(), group.inServiceCount(), group.inServiceCountByZone());
    }
    for (var activity : group.activities()) {
      out.println("activity: " + activity.cause());
    }
    return twin;
  }

  /**
   * The foundation's story without Auto Scaling: three instances report CPU 90 % from minute 2 to
   * minute 12; the alarm "average CPU above 80 % for two 5-minute periods" fires at minute 12.
   */
  static CloudTwin alarmOnly(PrintStream out) {
    CloudTwin twin = CloudTwin.builder().seed(42).build();
    for (String zone : twin.config().zoneNames()) {
      twin.ec2()
          .runInstance(
              InstanceSpec.builder()
                  .instanceType("m5.large")
                  .availabilityZone(zone)
                  .detailedMonitoring(true)
                  .tag(Ec2.GROUP_TAG, "web")
                  .build());
    }
    twin.cloudWatch()
        .inject(MetricInjection.metric("CPUUtilization").forGroup("web").between(ofMinutes(2), ofMinutes(12)).constant(90));
    MetricAlarm alarm =
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("cpu-high")
                    .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                    .period(Duration.ofMinutes(5))
                    .evaluationPeriods(2)
                    .threshold(80)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .alarmActions(AlarmAction.scaling("scale-out", c -> out.println(
                        "action scale-out invoked at " + c.time() + (c.reinvocation() ? " (re-invoked)" : ""))))
                    .build());
    twin.advance(ofMinutes(20));
    out.println("alarm cpu-high is " + alarm.state() + ": " + alarm.stateReason());
    return twin;
  }
}

package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-test cost of a typical {@code @EcsCluster} test: build a twin with three zones, create what
 * the annotation creates (an Auto Scaling group of 6 m5.large, the cluster with a managed-scaling
 * capacity provider, an ALB with a target group and listener), two CPU alarms on the group and a
 * service of 12 bridge tasks behind the load balancer; advance until the service reaches a steady
 * state (+00:01:00 virtual, when the targets turn healthy); close. One operation = one test's twin.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EcsClusterStartupBenchmark {

  static final MetricId GROUP_CPU =
      MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "cluster-asg");

  /**
   * One twin, built, brought to steady state and closed; returns the seconds of virtual time used.
   */
  @Benchmark
  public long startClusterAndReachSteadyState() {
    try (CloudTwin twin = CloudTwin.builder().seed(1).availabilityZones(3).build()) {
      String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("cluster-asg")
                  .launchTemplate("cluster", "1")
                  .instanceType("m5.large")
                  .minSize(0)
                  .maxSize(12)
                  .desiredCapacity(6)
                  .availabilityZones(zones)
                  .build());
      twin.ecs().createCluster("cluster");
      twin.ecs()
          .createCapacityProvider(
              new CapacityProviderSpec("cluster-cp", "cluster-asg", ManagedScaling.DEFAULT, false));
      twin.ecs()
          .putClusterCapacityProviders(
              "cluster",
              List.of("cluster-cp"),
              List.of(CapacityProviderStrategyItem.of("cluster-cp", 1)));
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.application("cluster-alb").availabilityZones(zones).build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("cluster-tg").build());
      twin.loadBalancing()
          .createListener(ListenerSpec.builder("cluster-alb", 80).forwardTo("cluster-tg").build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("cpu-high")
                  .metric(GROUP_CPU)
                  .threshold(70)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .evaluationPeriods(3)
                  .build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("cpu-low")
                  .metric(GROUP_CPU)
                  .threshold(30)
                  .comparisonOperator(ComparisonOperator.LessThanThreshold)
                  .evaluationPeriods(15)
                  .build());
      twin.ecs()
          .registerTaskDefinition(
              TaskDefinitionSpec.builder("web")
                  .container(
                      ContainerDefinition.builder("app", "nginx")
                          .cpu(256)
                          .memory(512)
                          .portMapping(80)
                          .build())
                  .build());
      EcsService web =
          twin.ecs()
              .createService(
                  ServiceSpec.builder("cluster", "web", "web")
                      .desiredCount(12)
                      .loadBalancer("cluster-tg", "app", 80)
                      .build());
      if (!twin.advanceUntil(web::isSteady, Duration.ofMinutes(10)) || web.runningCount() != 12) {
        throw new IllegalStateException("no steady state: " + web);
      }
      return twin.elapsed().getSeconds();
    }
  }
}

package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.ec2.CpuLoadModel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Auto Scaling throughput: one group of {@code instances} instances (detailed monitoring, three
 * zones) with a target tracking policy (ASGAverageCPUUtilization, target 50) under a daily demand
 * curve, simulated for {@code days} virtual days. The demand is shared by the group's running
 * instances, so the policy scales out by day and in by night. One operation = the whole span. The
 * demand is the same for every instance: {@code model=uniform} (the default) says so, so EC2 asks
 * it once a minute; {@code model=perInstance} gives it as a lambda of the instance, asked per
 * instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class AutoScalingBenchmark {

  @Param({"1000"})
  public int instances;

  @Param({"7"})
  public int days;

  /**
   * How the demand is given: {@code uniform} (the same for every instance) or {@code perInstance}.
   */
  @Param({"uniform"})
  public String model;

  private CloudTwin twin;
  private AutoScalingGroup group;
  private long countedAt = -1;
  private int running;

  @Setup(Level.Invocation)
  public void setUp() {
    twin = CloudTwin.builder().seed(1).build();
    group =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .minSize(instances / 2)
                    .maxSize(instances * 3 / 2)
                    .desiredCapacity(instances)
                    .availabilityZones(twin.config().zoneNames().toArray(String[]::new))
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
    // demand in instance-equivalents at 100 % CPU: 0.35 to 0.65 x instances over a day
    double base = instances * 0.5;
    double swing = instances * 0.15;
    CpuLoadModel.UniformCpuLoad load =
        (from, to) -> {
          if (from != countedAt) {
            countedAt = from;
            running = Math.max(1, group.inServiceCount());
          }
          double demand =
              base + swing * Math.sin(2 * Math.PI * (from % 86_400_000L) / 86_400_000.0);
          return Math.min(100, 100 * demand / running);
        };
    // "uniform" says so (asked once a minute); "perInstance" hides it in a lambda of the instance
    twin.ec2()
        .addCpuLoadModel(
            model.equals("perInstance")
                ? (inst, from, to) -> load.averageCpu(from, to)
                : CpuLoadModel.uniform(load));
  }

  @TearDown(Level.Invocation)
  public void tearDown() {
    twin.close();
  }

  @Benchmark
  public int simulate() {
    twin.advance(Duration.ofDays(days));
    return group.desiredCapacity() + twin.timeline().size();
  }
}

package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ec2.CpuLoadModel;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.List;
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
 * Foundation throughput: {@code instances} instances at 1-minute (detailed) CPU metrics in 10
 * groups, with 100 alarms (one per group on the group average, 90 on single instances), simulated
 * for {@code days} virtual days. One operation = the whole simulated span; divide instances x
 * minutes by the time to get simulated instance-minutes per wall second. The load curve is the same
 * for every instance: {@code model=uniform} (the default) says so, so EC2 asks it once a minute;
 * {@code model=perInstance} gives it as a lambda of the instance, asked per instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class MetricsAndAlarmsBenchmark {

  @Param({"500", "1000"})
  public int instances;

  @Param({"1"})
  public int days;

  /**
   * How the load is given: {@code uniform} (the same for every instance) or {@code perInstance}.
   */
  @Param({"uniform"})
  public String model;

  private CloudTwin twin;

  @Setup(Level.Invocation)
  public void setUp() {
    twin = CloudTwin.builder().seed(1).build();
    List<String> zones = twin.config().zoneNames();
    for (int i = 0; i < instances; i++) {
      String id =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType("m5.large")
                      .availabilityZone(zones.get(i % zones.size()))
                      .detailedMonitoring(true)
                      .autoScalingGroupName("group-" + (i % 10))
                      .build())
              .instanceId();
      if (i < 90) {
        twin.cloudWatch()
            .putMetricAlarm(
                alarm("instance-" + i, MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", id)));
      }
    }
    for (int g = 0; g < 10; g++) {
      twin.cloudWatch()
          .putMetricAlarm(
              alarm(
                  "group-" + g,
                  MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "group-" + g)));
    }
    // a daily load curve on every instance: CPU between 20 % and 80 %
    CpuLoadModel.UniformCpuLoad load =
        (from, to) -> 50 + 30 * Math.sin(2 * Math.PI * (from % 86_400_000L) / 86_400_000.0);
    twin.ec2()
        .addCpuLoadModel(
            model.equals("perInstance")
                ? (inst, from, to) -> load.averageCpu(from, to)
                : CpuLoadModel.uniform(load));
  }

  private static MetricAlarmSpec alarm(String name, MetricId metric) {
    return MetricAlarmSpec.builder()
        .alarmName(name)
        .metric(metric)
        .period(Duration.ofMinutes(5))
        .evaluationPeriods(2)
        .threshold(70)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .build();
  }

  @TearDown(Level.Invocation)
  public void tearDown() {
    twin.close();
  }

  @Benchmark
  public int simulate() {
    twin.advance(Duration.ofDays(days));
    return twin.timeline().size();
  }
}

package io.github.cloudtwin.ec2;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CPU publisher asks a model that gives every instance the same answer once per minute, and
 * stores exactly what asking it per instance stores: every metric's datapoints, bit for bit.
 */
class CpuPublisherTest {

  /** A load with many-bit values that change every minute. */
  private static double load(long from) {
    return 23.7 + 19.3 * Math.sin(from / 3_600_000.0) + (from % 7) * 1e-9;
  }

  /** Everything the twin stored for CPU, as text with each value's bits. */
  private static List<String> run(boolean uniform, int[] calls) {
    try (CloudTwin twin = CloudTwin.builder().seed(3).build()) {
      String[] zones = twin.config().zoneNames().toArray(String[]::new);
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("detailed")
                  .minSize(0)
                  .maxSize(10)
                  .desiredCapacity(6)
                  .availabilityZones(zones)
                  .detailedMonitoring(true)
                  .build());
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("basic")
                  .minSize(0)
                  .maxSize(10)
                  .desiredCapacity(4)
                  .availabilityZones(zones)
                  .build());
      CpuLoadModel.UniformCpuLoad load =
          (from, to) -> {
            calls[0]++;
            return load(from);
          };
      twin.ec2()
          .addCpuLoadModel(
              uniform ? CpuLoadModel.uniform(load) : (i, from, to) -> load.averageCpu(from, to));
      twin.advance(ofMinutes(30));
      String one = twin.autoScaling().group("detailed").instances().get(0).instanceId();
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forInstance(one)
                  .between(ofMinutes(32), ofMinutes(42))
                  .constant(97.5));
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("detailed")
                  .between(ofMinutes(50), ofMinutes(55))
                  .gap());
      twin.autoScaling().setDesiredCapacity("detailed", 9, false);
      twin.advance(ofMinutes(40));
      twin.autoScaling().setDesiredCapacity("detailed", 3, false);
      twin.advance(ofMinutes(50));
      List<String> out = new ArrayList<>();
      Instant from = CloudTwin.DEFAULT_START;
      for (MetricId id : twin.cloudWatch().listMetrics()) {
        if (!id.metricName().equals("CPUUtilization")) continue;
        for (Statistic stat :
            List.of(
                Statistic.SAMPLE_COUNT,
                Statistic.SUM,
                Statistic.AVERAGE,
                Statistic.MINIMUM,
                Statistic.MAXIMUM)) {
          for (Duration period : List.of(ofMinutes(1), ofMinutes(5))) {
            for (Datapoint p :
                twin.cloudWatch().getMetricStatistics(id, from, twin.now(), period, stat)) {
              out.add(
                  id
                      + " "
                      + stat
                      + " "
                      + period
                      + " "
                      + p.timestamp()
                      + " "
                      + Long.toHexString(Double.doubleToRawLongBits(p.value()))
                      + " "
                      + p.sampleCount());
            }
          }
        }
      }
      return out;
    }
  }

  @Test
  void aUniformModelIsAskedOncePerMinuteAndStoresWhatAskingPerInstanceStores() {
    int[] uniformCalls = {0};
    int[] perInstanceCalls = {0};
    List<String> uniform = run(true, uniformCalls);
    List<String> perInstance = run(false, perInstanceCalls);
    assertThat(uniform).hasSizeGreaterThan(1_000).isEqualTo(perInstance);
    assertThat(uniform)
        .anyMatch(l -> l.contains("AutoScalingGroupName=detailed") && l.endsWith(" 9.0"));
    // 120 minutes; the boot of the first instances and the injected and silenced minutes aside,
    // the uniform model is asked at most once a minute, the lambda once per instance and minute
    assertThat(uniformCalls[0]).isBetween(100, 120);
    assertThat(perInstanceCalls[0]).isGreaterThan(5 * uniformCalls[0]);
  }

  @Test
  void aModelThatDoesNotSaySoIsAskedForEveryInstance() {
    try (CloudTwin twin = CloudTwin.create()) {
      Ec2 ec2 = twin.ec2();
      InstanceSpec.Builder spec =
          InstanceSpec.builder()
              .instanceType("m5.large")
              .availabilityZone("us-east-1a")
              .bootTime(Duration.ZERO)
              .detailedMonitoring(true);
      Instance a = ec2.runInstance(spec.idleCpuUtilization(5).build());
      Instance b = ec2.runInstance(spec.idleCpuUtilization(7).build());
      List<String> asked = new ArrayList<>();
      ec2.addCpuLoadModel(
          (i, from, to) -> {
            asked.add(i.instanceId());
            return i == a ? 10 : 20;
          });
      ec2.addCpuLoadModel(CpuLoadModel.uniform((from, to) -> 1));
      twin.advance(ofMinutes(2));
      assertThat(asked)
          .containsExactly(a.instanceId(), b.instanceId(), a.instanceId(), b.instanceId());
      assertThat(max(twin, a)).isEqualTo(16);
      assertThat(max(twin, b)).isEqualTo(28);
    }
  }

  @Test
  void aUniformModelStillAddsToEachInstancesOwnIdleLevel() {
    try (CloudTwin twin = CloudTwin.create()) {
      Ec2 ec2 = twin.ec2();
      InstanceSpec.Builder spec =
          InstanceSpec.builder()
              .instanceType("m5.large")
              .availabilityZone("us-east-1a")
              .bootTime(Duration.ZERO)
              .detailedMonitoring(true);
      Instance a = ec2.runInstance(spec.idleCpuUtilization(5).build());
      Instance b = ec2.runInstance(spec.idleCpuUtilization(7).build());
      Instance c = ec2.runInstance(spec.idleCpuUtilization(5).build());
      int[] calls = {0};
      ec2.addCpuLoadModel(
          CpuLoadModel.uniform(
              (from, to) -> {
                calls[0]++;
                return 95;
              }));
      twin.advance(ofMinutes(3));
      assertThat(calls[0]).isEqualTo(3);
      assertThat(max(twin, a)).isEqualTo(100);
      assertThat(max(twin, b)).isEqualTo(100);
      assertThat(min(twin, c)).isEqualTo(100);
    }
  }

  /** The samples of an instance terminated between two minutes' publishing, 20 minutes later. */
  private static long samplesAfterTermination(boolean uniform) {
    try (CloudTwin twin = CloudTwin.create()) {
      Ec2 ec2 = twin.ec2();
      InstanceSpec spec =
          InstanceSpec.builder()
              .instanceType("m5.large")
              .availabilityZone("us-east-1a")
              .bootTime(Duration.ZERO)
              .detailedMonitoring(true)
              .build();
      Instance gone = ec2.runInstance(spec);
      ec2.runInstance(spec); // keeps the pool written after the other one is gone
      ec2.addCpuLoadModel(uniform ? CpuLoadModel.uniform((from, to) -> 40) : (i, from, to) -> 40);
      twin.advance(ofMinutes(5));
      // shutting down for 30 s, terminated before the next minute is published: the next
      // snapshot of the instances no longer has it
      ec2.terminateInstance(gone.instanceId());
      twin.advance(ofMinutes(20));
      assertThat(gone.state()).isEqualTo(InstanceState.TERMINATED);
      return twin.cloudWatch()
          .storedSampleCount(
              MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", gone.instanceId()));
    }
  }

  @Test
  void aFollowingEndsWhenItsInstanceLeavesTheSnapshotUnseen() {
    assertThat(samplesAfterTermination(true))
        .isEqualTo(5)
        .isEqualTo(samplesAfterTermination(false));
  }

  private static double max(CloudTwin twin, Instance i) {
    return stat(twin, i, Statistic.MAXIMUM);
  }

  private static double min(CloudTwin twin, Instance i) {
    return stat(twin, i, Statistic.MINIMUM);
  }

  private static double stat(CloudTwin twin, Instance i, Statistic s) {
    return twin.cloudWatch()
        .statistic(
            MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", i.instanceId()),
            CloudTwin.DEFAULT_START,
            twin.now(),
            s)
        .getAsDouble();
  }
}

package io.github.cloudtwin.ec2;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Ec2Test {

  private final CloudTwin twin = CloudTwin.create();
  private final Ec2 ec2 = twin.ec2();

  @AfterEach
  void close() {
    twin.close();
  }

  private InstanceSpec.Builder spec() {
    return InstanceSpec.builder().instanceType("m5.large").availabilityZone("us-east-1a");
  }

  @Test
  void theDefaultTwinHasThreeZonesOfUsEast1WithTheirIds() {
    assertThat(ec2.zones())
        .extracting(AvailabilityZone::name, AvailabilityZone::zoneId)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("us-east-1a", "use1-az1"),
            org.assertj.core.api.Assertions.tuple("us-east-1b", "use1-az2"),
            org.assertj.core.api.Assertions.tuple("us-east-1c", "use1-az4"));
  }

  @Test
  void catalogueKnowsTheCommonFamilies() {
    assertThat(InstanceType.of("m5.large")).isEqualTo(new InstanceType("m5.large", 2, 8192));
    assertThat(InstanceType.of("c6i.xlarge")).isEqualTo(new InstanceType("c6i.xlarge", 4, 8192));
    assertThat(InstanceType.of("r5.2xlarge")).isEqualTo(new InstanceType("r5.2xlarge", 8, 65536));
    assertThat(InstanceType.of("t3.micro").cpuUnits()).isEqualTo(2048);
    assertThat(InstanceType.catalogue())
        .extracting(InstanceType::family)
        .contains("t3", "t4g", "m5", "m6i", "c5", "c6i", "r5");
  }

  @Test
  void anInstanceIsPendingForItsBootTimeThenRunning() {
    Instance i = ec2.runInstance(spec().bootTime(ofSeconds(90)).build());
    assertThat(i.state()).isEqualTo(InstanceState.PENDING);
    assertThat(i.instanceId()).matches("i-0[0-9a-f]{16}");
    twin.advance(ofSeconds(89));
    assertThat(i.state()).isEqualTo(InstanceState.PENDING);
    twin.advance(ofSeconds(1));
    assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(i.statusOk()).isTrue();
  }

  @Test
  void stopAndTerminateGoThroughTheirTransitionalStates() {
    Instance i = ec2.runInstance(spec().build());
    twin.advance(ofMinutes(1));
    ec2.stopInstance(i.instanceId());
    assertThat(i.state()).isEqualTo(InstanceState.STOPPING);
    twin.advance(Ec2.SHUTDOWN_TIME);
    assertThat(i.state()).isEqualTo(InstanceState.STOPPED);
    ec2.startInstance(i.instanceId());
    twin.advance(ofMinutes(1));
    assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    ec2.terminateInstance(i.instanceId());
    assertThat(i.state()).isEqualTo(InstanceState.SHUTTING_DOWN);
    twin.advance(Ec2.SHUTDOWN_TIME);
    assertThat(i.state()).isEqualTo(InstanceState.TERMINATED);
    assertThat(twin.timeline().eventsOf("instance/" + i.instanceId()))
        .extracting(e -> e.message())
        .containsExactly(
            "launched m5.large in us-east-1a (pending)",
            "pending -> running",
            "running -> stopping",
            "stopping -> stopped",
            "stopped -> pending",
            "pending -> running",
            "running -> shutting-down",
            "shutting-down -> terminated");
  }

  @Test
  void anImpairedZoneRefusesLaunchesAndCutsItsInstancesOff() {
    Instance i = ec2.runInstance(spec().build());
    twin.advance(ofMinutes(1));
    InstanceListener listener = mock(InstanceListener.class);
    ec2.addListener(listener);
    twin.faults().failZone("us-east-1a");
    assertThat(ec2.zoneState("us-east-1a")).isEqualTo(ZoneState.IMPAIRED);
    assertThat(i.isReachable()).isFalse();
    verify(listener).reachabilityChanged(i, false);
    assertThatThrownBy(() -> ec2.runInstance(spec().build()))
        .isInstanceOf(InsufficientInstanceCapacityException.class)
        .hasMessage(
            "InsufficientInstanceCapacity: We currently do not have sufficient m5.large capacity in the"
                + " Availability Zone you requested (us-east-1a).");
    twin.faults().restoreZone("us-east-1a");
    assertThat(i.isReachable()).isTrue();
    verify(listener).reachabilityChanged(i, true);
  }

  @Test
  void basicMonitoringPublishesTheFiveMinuteAverageStampedAtThePeriodStart() {
    Instance i = ec2.runInstance(spec().bootTime(Duration.ZERO).build());
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forInstance(i.instanceId())
                .between(ofMinutes(0), ofMinutes(30))
                .series(10, 20, 30, 40, 50, 60));
    twin.advance(ofMinutes(4));
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", i.instanceId());
    assertThat(twin.cloudWatch().storedSampleCount(cpu)).isZero();
    twin.advance(ofMinutes(1));
    var points =
        twin.cloudWatch()
            .getMetricStatistics(
                cpu, twin.now().minus(ofMinutes(10)), twin.now(), ofMinutes(5), Statistic.AVERAGE);
    assertThat(points)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.timestamp()).isEqualTo(CloudTwin.DEFAULT_START);
              assertThat(p.value()).isEqualTo(30.0);
            });
  }

  @Test
  void detailedMonitoringPublishesEveryMinuteAndACrashSilencesTheInstance() {
    Instance i =
        ec2.runInstance(
            spec().bootTime(Duration.ZERO).detailedMonitoring(true).idleCpuUtilization(3).build());
    twin.advance(ofMinutes(3));
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", i.instanceId());
    assertThat(twin.cloudWatch().storedSampleCount(cpu)).isEqualTo(3);
    twin.faults().crashInstance(i.instanceId());
    twin.advance(ofMinutes(3));
    assertThat(twin.cloudWatch().storedSampleCount(cpu)).isEqualTo(3);
    assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(i.statusOk()).isFalse();
  }

  @Test
  void cpuLoadModelsAddToTheIdleLevelCappedAtOneHundred() {
    Instance i =
        ec2.runInstance(
            spec().bootTime(Duration.ZERO).detailedMonitoring(true).idleCpuUtilization(5).build());
    ec2.addCpuLoadModel((inst, from, to) -> 60);
    ec2.addCpuLoadModel((inst, from, to) -> 50);
    twin.advance(ofMinutes(1));
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "InstanceId", i.instanceId());
    assertThat(
            twin.cloudWatch()
                .statistic(cpu, CloudTwin.DEFAULT_START, twin.now(), Statistic.MAXIMUM)
                .getAsDouble())
        .isEqualTo(100);
  }
}

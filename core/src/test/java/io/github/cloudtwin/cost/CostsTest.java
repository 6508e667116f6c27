package io.github.cloudtwin.cost;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostsTest {

  private static final double M5_LARGE = 0.096;

  @Test
  void aRunningInstanceIsBilledPerSecondFromTheMomentItRuns() {
    try (CloudTwin twin = CloudTwin.create()) {
      Instance i =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType("m5.large")
                      .availabilityZone("us-east-1a")
                      .build());
      twin.advance(ofMinutes(1));
      Duration boot =
          Duration.between(twin.config().start(), i.launchTime()).plus(bootTime(twin, i));
      twin.advance(Duration.ofHours(1).minus(ofMinutes(1)));

      CostReport r = Costs.of(twin, PriceTable.awsOnDemand());

      long running = Duration.ofHours(1).minus(boot).toSeconds();
      assertThat(r.instances())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.billedSeconds()).isEqualTo(running);
                assertThat(c.running()).isEqualTo(Duration.ofSeconds(running));
                assertThat(c.usdPerHour()).isEqualTo(M5_LARGE);
                assertThat(c.groupName()).isNull();
                assertThat(c.policyName()).isNull();
              });
      assertThat(r.totalUsd()).isCloseTo(running * M5_LARGE / 3600, within(1e-12));
      assertThat(r.costPerHour()).isCloseTo(running * M5_LARGE / 3600, within(1e-12));
      assertThat(r.unattributedUsd()).isEqualTo(r.totalUsd());
      assertThat(r.priceSource()).contains("us-east-1").contains(PriceTable.AWS_ON_DEMAND_AS_OF);
    }
  }

  @Test
  void anInstanceTerminatedAfterTenSecondsOfRunningIsBilledTheSixtySecondMinimum() {
    try (CloudTwin twin = CloudTwin.create()) {
      Instance i =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType("m5.large")
                      .availabilityZone("us-east-1a")
                      .build());
      twin.advanceUntil(
          () -> i.state() == io.github.cloudtwin.ec2.InstanceState.RUNNING, ofMinutes(5));
      twin.advance(ofSeconds(10));
      twin.ec2().terminateInstance(i.instanceId());
      twin.advance(ofMinutes(10));

      CostReport r = Costs.of(twin, PriceTable.awsOnDemand());

      assertThat(r.instances())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.running()).isLessThanOrEqualTo(ofSeconds(10));
                assertThat(c.billedSeconds()).isEqualTo(60);
                assertThat(c.usd()).isCloseTo(60 * M5_LARGE / 3600, within(1e-12));
              });
    }
  }

  @Test
  void instancesAPolicyLaunchedAreChargedToThatPolicyAndTheInitialCapacityToNone() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .instanceType("m5.large")
                  .minSize(2)
                  .maxSize(6)
                  .desiredCapacity(2)
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .build());
      ScalingPolicy out =
          twin.autoScaling()
              .putScalingPolicy(
                  SimpleScalingPolicy.builder()
                      .policyName("add-two")
                      .autoScalingGroupName("web")
                      .scalingAdjustment(2)
                      .cooldown(Duration.ofHours(2))
                      .build());
      twin.cloudWatch()
          .putMetricAlarm(
              MetricAlarmSpec.builder()
                  .alarmName("cpu-high")
                  .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                  .period(ofMinutes(5))
                  .evaluationPeriods(1)
                  .threshold(80)
                  .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                  .alarmActions(out.asAlarmAction())
                  .build());
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("web")
                  .between(ofMinutes(0), ofMinutes(60))
                  .constant(95));
      twin.advance(Duration.ofHours(1));

      CostReport r = Costs.of(twin, PriceTable.awsOnDemand());

      assertThat(r.instances()).hasSize(4);
      assertThat(r.instances()).filteredOn(c -> "add-two".equals(c.policyName())).hasSize(2);
      assertThat(r.instances()).allSatisfy(c -> assertThat(c.groupName()).isEqualTo("web"));
      double byPolicy =
          r.instances().stream()
              .filter(c -> c.policyName() != null)
              .mapToDouble(InstanceCharge::usd)
              .sum();
      assertThat(r.policy("add-two")).isEqualTo(byPolicy).isPositive();
      assertThat(r.unattributedUsd())
          .isCloseTo(r.totalUsd() - byPolicy, within(1e-12))
          .isGreaterThan(byPolicy);
      assertThat(r.group("web")).isCloseTo(r.totalUsd(), within(1e-12));
      assertThat(r.policy("no-such-policy")).isZero();
    }
  }

  @Test
  void aTypeTheTableLacksIsAValidationErrorNamingTypeAndRegionNotAGuess() {
    try (CloudTwin twin = CloudTwin.builder().region("eu-west-1").build()) {
      twin.ec2()
          .runInstance(
              InstanceSpec.builder()
                  .instanceType("m5.large")
                  .availabilityZone("eu-west-1a")
                  .build());
      twin.advance(ofMinutes(5));

      assertThatThrownBy(() -> Costs.of(twin, PriceTable.awsOnDemand()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("m5.large (ON_DEMAND) in eu-west-1")
          .hasMessageContaining("PriceTable.builder()");

      PriceTable mine =
          PriceTable.awsOnDemand().toBuilder()
              .onDemand("eu-west-1", "m5.large", 0.5)
              .source("my table")
              .build();
      CostReport r = Costs.of(twin, mine);
      assertThat(r.instances())
          .singleElement()
          .satisfies(c -> assertThat(c.usdPerHour()).isEqualTo(0.5));
      assertThat(r.priceSource()).isEqualTo("my table");
    }
  }

  @Test
  void aCostInAnotherRegionUsesThatRegionsPriceNotUsEast1s() {
    PriceTable twoRegions =
        PriceTable.awsOnDemand().toBuilder()
            .onDemand("us-west-2", "m5.large", 0.25)
            .fargate("us-west-2", 0.5, 0.05)
            .source("two regions")
            .build();
    try (CloudTwin twin = CloudTwin.builder().region("us-west-2").build()) {
      twin.ec2()
          .runInstance(
              InstanceSpec.builder()
                  .instanceType("m5.large")
                  .availabilityZone("us-west-2a")
                  .build());
      twin.advance(ofMinutes(30));

      CostReport r = Costs.of(twin, twoRegions);

      assertThat(r.instances())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.usdPerHour()).isEqualTo(0.25).isNotEqualTo(M5_LARGE);
                assertThat(r.totalUsd())
                    .isCloseTo(c.billedSeconds() * 0.25 / 3600, within(1e-12))
                    .isPositive();
              });
    }
    assertThat(twoRegions.fargateVcpuHourly("us-west-2")).isEqualTo(0.5);
    assertThat(twoRegions.fargateGbHourly("us-west-2")).isEqualTo(0.05);
    assertThat(twoRegions.fargateVcpuHourly("us-east-1")).isEqualTo(0.04048);
  }

  @Test
  void aRegionOrTypeTheBuiltInTableLacksFailsNamingRegionAndType() {
    PriceTable builtIn = PriceTable.awsOnDemand();
    assertThatThrownBy(
            () -> builtIn.instanceHourly("ap-southeast-2", "c5.large", PurchaseOption.ON_DEMAND))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("c5.large (ON_DEMAND) in ap-southeast-2")
        .hasMessageContaining("us-east-1 c5.large");
    assertThatThrownBy(
            () -> builtIn.instanceHourly("us-east-1", "m6i.4xlarge", PurchaseOption.ON_DEMAND))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("m6i.4xlarge (ON_DEMAND) in us-east-1");
    assertThatThrownBy(() -> builtIn.fargateVcpuHourly("eu-central-1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("eu-central-1")
        .hasMessageContaining("us-east-1");
  }

  @Test
  void aUserTableHoldsSpotPricesAndRefusesWhatTheTwinDoesNotKnow() {
    PriceTable t = PriceTable.builder().spot("us-east-1", "m5.large", 0.035).build();
    assertThat(t.instanceHourly("us-east-1", "m5.large", PurchaseOption.SPOT)).isEqualTo(0.035);
    assertThat(t.find("us-east-1", "m5.large", PurchaseOption.ON_DEMAND)).isEmpty();
    assertThatThrownBy(() -> PriceTable.builder().onDemand("mars-1", "m5.large", 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("mars-1");
    assertThatThrownBy(() -> PriceTable.builder().onDemand("us-east-1", "m9.huge", 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("m9.huge");
    assertThatThrownBy(() -> PriceTable.builder().onDemand("us-east-1", "m5.large", Double.NaN))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("usdPerHour");
    assertThatThrownBy(() -> PriceTable.builder().onDemand("us-east-1", "m5.large", -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("usdPerHour");
    assertThatThrownBy(() -> t.fargateVcpuHourly("us-east-1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("fargate");
  }

  @Test
  void aFargateTaskIsBilledForItsVcpuAndMemoryFromItsImagePullUntilItStops() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.ecs().createCluster("prod");
      twin.ecs()
          .registerTaskDefinition(
              TaskDefinitionSpec.builder("job")
                  .cpu(512)
                  .memory(1024)
                  .networkMode(NetworkMode.AWSVPC)
                  .requiresCompatibilities(LaunchType.FARGATE)
                  .container(ContainerDefinition.builder("app", "busybox").build())
                  .build());
      Task job = twin.ecs().runTask("prod", "job", 1, LaunchType.FARGATE).tasks().get(0);
      twin.advance(ofMinutes(30));
      twin.ecs().stopTask("prod", job.taskId(), null);
      twin.advance(ofMinutes(5));

      CostReport r = Costs.of(twin, PriceTable.awsOnDemand());

      assertThat(r.tasks())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.vCpu()).isEqualTo(0.5);
                assertThat(c.memoryGb()).isEqualTo(1.0);
                assertThat(c.billed()).isBetween(ofMinutes(29), ofMinutes(31));
                double hours = c.billed().toMillis() / 3_600_000.0;
                assertThat(c.usd())
                    .isCloseTo(hours * (0.5 * 0.04048 + 1.0 * 0.004445), within(1e-12));
              });
      assertThat(r.instances()).isEmpty();
      assertThat(r.totalUsd()).isEqualTo(r.tasks().get(0).usd());
    }
  }

  private static Duration bootTime(CloudTwin twin, Instance i) {
    // the instance's running state is recorded on the timeline: read when it started running
    return twin
        .timeline()
        .events(io.github.cloudtwin.facts.Ec2Fact.InstanceStateChanged.class)
        .stream()
        .filter(
            e ->
                e.fact(io.github.cloudtwin.facts.Ec2Fact.InstanceStateChanged.class)
                        .orElseThrow()
                        .to()
                    == io.github.cloudtwin.ec2.InstanceState.RUNNING)
        .map(e -> Duration.between(i.launchTime(), e.time()))
        .findFirst()
        .orElseThrow();
  }
}

package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * Conformance of {@code Ec2Client} for what the twin simulates, and its instance waiters on virtual
 * time.
 */
class Ec2ClientTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(2).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final Ec2Client ec2 = sdk.ec2();

  @AfterEach
  void close() {
    twin.close();
  }

  @Test
  void zonesAndSubnetsAreTheTwinsWithOneSubnetPerZone() {
    assertThat(ec2.describeAvailabilityZones().availabilityZones())
        .extracting(z -> z.zoneName())
        .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
    assertThat(ec2.describeAvailabilityZones().availabilityZones())
        .allSatisfy(
            z -> {
              assertThat(z.stateAsString()).isEqualTo("available");
              assertThat(z.regionName()).isEqualTo("us-east-1");
              assertThat(z.zoneId()).isNotBlank();
            });
    twin.faults().failZone("us-east-1b");
    assertThat(
            ec2.describeAvailabilityZones(r -> r.zoneNames("us-east-1b"))
                .availabilityZones()
                .get(0)
                .stateAsString())
        .isEqualTo("impaired");

    var subnets = ec2.describeSubnets().subnets();
    assertThat(subnets)
        .hasSize(3)
        .allSatisfy(
            s -> {
              assertThat(s.subnetId()).isEqualTo(Ids.subnetId(s.availabilityZone()));
              assertThat(s.stateAsString()).isEqualTo("available");
              assertThat(s.vpcId()).matches("vpc-[0-9a-f]{17}");
            });
    assertThatThrownBy(() -> ec2.describeSubnets(r -> r.subnetIds("subnet-0nope")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound"));
  }

  @Test
  void runInstancesFromALaunchTemplateAndWaitUntilRunningOnVirtualTime() {
    var lt =
        ec2.createLaunchTemplate(
                r ->
                    r.launchTemplateName("web")
                        .launchTemplateData(d -> d.instanceType(InstanceType.M5_LARGE)))
            .launchTemplate();
    assertThat(lt.launchTemplateId()).matches("lt-[0-9a-f]{17}");
    assertThat(lt.latestVersionNumber()).isEqualTo(1L);

    var run =
        ec2.runInstances(
            r ->
                r.minCount(2)
                    .maxCount(2)
                    .subnetId(Ids.subnetId("us-east-1c"))
                    .launchTemplate(l -> l.launchTemplateName("web")));
    assertThat(run.instances())
        .hasSize(2)
        .allSatisfy(
            i -> {
              assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
              assertThat(i.state().name()).isEqualTo(InstanceStateName.PENDING);
              assertThat(i.state().code()).isZero();
              assertThat(i.instanceTypeAsString()).isEqualTo("m5.large");
              assertThat(i.placement().availabilityZone()).isEqualTo("us-east-1c");
              assertThat(i.launchTime()).isEqualTo(CloudTwin.DEFAULT_START);
            });
    List<String> ids = run.instances().stream().map(Instance::instanceId).toList();

    var running = ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(ids));
    assertThat(running.matched().response().orElseThrow().reservations())
        .flatExtracting(x -> x.instances())
        .allSatisfy(i -> assertThat(i.state().code()).isEqualTo(16));
    assertThat(twin.elapsed())
        .isEqualTo(Duration.ofSeconds(15L * (running.attemptsExecuted() - 1)));
    assertThat(running.attemptsExecuted()).isGreaterThan(1);

    var terminating =
        ec2.terminateInstances(r -> r.instanceIds(ids.get(0))).terminatingInstances().get(0);
    assertThat(terminating.previousState().nameAsString()).isEqualTo("running");
    assertThat(terminating.currentState().nameAsString()).isEqualTo("shutting-down");
    ec2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(ids.get(0)));
    assertThat(
            ec2.describeInstances(
                    r -> r.filters(f -> f.name("instance-state-name").values("running")))
                .reservations())
        .flatExtracting(x -> x.instances())
        .extracting(Instance::instanceId)
        .containsExactly(ids.get(1));
  }

  @Test
  void theRunningWaiterFailsWhenTheInstanceIsTerminatedMeanwhile() {
    String id =
        ec2.runInstances(r -> r.minCount(1).maxCount(1).instanceType(InstanceType.T3_MICRO))
            .instances()
            .get(0)
            .instanceId();
    twin.advance(Duration.ofMinutes(1));
    ec2.terminateInstances(r -> r.instanceIds(id));
    assertThatThrownBy(() -> ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id)))
        .isInstanceOf(SdkClientException.class)
        .hasMessageContaining("failure state");
  }

  @Test
  void unknownAndMalformedInstanceIdsAnswerAsEc2Does() {
    assertThatThrownBy(() -> ec2.describeInstances(r -> r.instanceIds("i-0123456789abcdef0")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("The instance ID 'i-0123456789abcdef0' does not exist");
              assertThat(e.statusCode()).isEqualTo(400);
            });
    assertThatThrownBy(() -> ec2.terminateInstances(r -> r.instanceIds("web-1")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidInstanceID.Malformed"));
  }

  @Test
  void runInstancesIntoAnImpairedZoneIsInsufficientCapacityAndStartsNothing() {
    twin.faults().failZone("us-east-1a");
    assertThatThrownBy(
            () ->
                ec2.runInstances(
                    r ->
                        r.minCount(1)
                            .maxCount(1)
                            .instanceType(InstanceType.T3_MICRO)
                            .placement(p -> p.availabilityZone("us-east-1a"))))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InsufficientInstanceCapacity");
              assertThat(e.statusCode()).isEqualTo(500);
            });
    assertThat(ec2.describeInstances().reservations()).isEmpty();
  }

  @Test
  void describeInstancesFiltersByTheGroupTagAndPages() {
    sdk.autoScaling()
        .createAutoScalingGroup(
            r ->
                r.autoScalingGroupName("web")
                    .launchTemplate(
                        l ->
                            l.launchTemplateName(
                                ec2.createLaunchTemplate(
                                        c ->
                                            c.launchTemplateName("web-lt")
                                                .launchTemplateData(
                                                    d -> d.instanceType(InstanceType.T3_MICRO)))
                                    .launchTemplate()
                                    .launchTemplateName()))
                    .minSize(6)
                    .maxSize(6)
                    .availabilityZones("us-east-1a", "us-east-1b"));
    ec2.runInstances(r -> r.minCount(1).maxCount(1).instanceType(InstanceType.T3_MICRO));

    assertThat(
            ec2.describeInstances(
                    r -> r.filters(f -> f.name("tag:aws:autoscaling:groupName").values("web")))
                .reservations())
        .hasSize(6);
    assertThat(ec2.describeInstancesPaginator(r -> r.maxResults(5)).reservations()).hasSize(7);
    assertThat(ec2.describeInstances(r -> r.maxResults(5)).nextToken()).isNotNull();
  }

  @Test
  void operationsOfResourcesTheTwinDoesNotSimulateSaySo() {
    assertThatThrownBy(() -> ec2.describeVolumes())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("DescribeVolumes");
  }
}

package io.github.cloudtwin.examples.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Signal;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The SDK programs (a capacity controller, a deployer) run unchanged against the twin: the clients
 * are injected by the JUnit extension, the clock is the twin's, and a zone fails mid-run.
 */
@CloudTwinTest(availabilityZones = 3)
class SdkProgramsTest {

  private static AutoScalingGroup group(AutoScalingClient autoScaling) {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
        .autoScalingGroups()
        .get(0);
  }

  // tag::sdk-controller[]
  @Test
  void theControllerScalesOutOnCpuAndTheGroupRecoversFromAZoneOutage(
      AutoScalingClient autoScaling, CloudWatchClient cloudWatch, Ec2Client ec2, CloudTwin twin) {
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName("web")
                .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(l -> l.launchTemplateName("web"))
                .minSize(3)
                .maxSize(12)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c"));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(Duration.ZERO, Duration.ofHours(2))
                .signal(Signal.constant(90)));
    CapacityController controller =
        new CapacityController(autoScaling, cloudWatch, twin.clock(), "web", 45);

    twin.advance(Duration.ofMinutes(10));
    int afterLoad = controller.step();
    assertThat(afterLoad).isEqualTo(6);
    autoScaling.waiter().waitUntilGroupInService(r -> r.autoScalingGroupNames("web"));
    // end::sdk-controller[]

    twin.faults().failZone("us-east-1a");
    twin.advance(Duration.ofMinutes(10));
    for (int minute = 0; minute < 10; minute++) {
      controller.step();
      twin.advance(Duration.ofMinutes(1));
    }

    AutoScalingGroup g = group(autoScaling);
    assertThat(g.desiredCapacity()).isGreaterThanOrEqualTo(6);
    assertThat(g.instances())
        .filteredOn(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
        .hasSizeGreaterThanOrEqualTo(6)
        .extracting(Instance::availabilityZone)
        .doesNotContain("us-east-1a");
    assertThat(
            autoScaling.describeScalingActivities(r -> r.autoScalingGroupName("web")).activities())
        .anySatisfy(
            a ->
                assertThat(a.cause())
                    .contains(
                        "a user request explicitly set group desired capacity changing"
                            + " the desired capacity from 3 to 6"));
  }

  @Test
  void theDeployerRollsTheServiceToANewImageAndWaitsForStabilityOnVirtualTime(
      EcsClient ecs, CloudTwin twin) {
    ecs.createCluster(r -> r.clusterName("prod"));
    String v1 =
        ecs.registerTaskDefinition(
                r ->
                    r.family("api")
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(c -> c.name("app").image("api:1").essential(true)))
            .taskDefinition()
            .taskDefinitionArn();
    ecs.createService(
        r ->
            r.cluster("prod")
                .serviceName("api")
                .taskDefinition(v1)
                .desiredCount(4)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
    ecs.waiter().waitUntilServicesStable(r -> r.cluster("prod").services("api"));
    twin.faults().failZone("us-east-1b");
    long wall = System.nanoTime();
    java.time.Instant before = twin.now();

    // tag::sdk-deployer[]
    Service deployed = new Deployer(ecs).deploy("prod", "api", "api:2");
    // end::sdk-deployer[]

    assertThat(deployed.deployments())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.taskDefinition()).endsWith("task-definition/api:2");
              assertThat(d.runningCount()).isEqualTo(4);
            });
    assertThat(
            ecs.describeTaskDefinition(r -> r.taskDefinition(deployed.taskDefinition()))
                .taskDefinition()
                .containerDefinitions()
                .get(0)
                .image())
        .isEqualTo("api:2");
    assertThat(
            ecs.describeTasks(
                    r ->
                        r.cluster("prod")
                            .tasks(
                                ecs.listTasks(l -> l.cluster("prod").serviceName("api"))
                                    .taskArns()))
                .tasks())
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.availabilityZone()).isNotEqualTo("us-east-1b"));
    assertThat(Duration.between(before, twin.now())).isPositive();
    assertThat((System.nanoTime() - wall) / 1_000_000).isLessThan(10_000);
  }
}

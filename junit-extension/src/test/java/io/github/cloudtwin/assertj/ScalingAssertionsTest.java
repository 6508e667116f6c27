package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Assertions on groups, target groups, load balancers, services and tasks: each passes on the
 * twin's facts and fails with its whole message (the views bring their twin's timeline). The twin:
 * group "asg" of 3 m5.large over three zones, cluster "prod" on it (no managed scaling), service
 * "web" of 6 bridge tasks behind "alb" / "tg".
 */
class ScalingAssertionsTest {

  private final CloudTwin twin = CloudTwin.builder().seed(5).build();
  private final AutoScalingGroup group;
  private final EcsService web;
  private final TargetGroup tg;
  private final LoadBalancer alb;

  ScalingAssertionsTest() {
    group =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("asg")
                    .launchTemplate("ecs", "1")
                    .instanceType("m5.large")
                    .minSize(0)
                    .maxSize(6)
                    .desiredCapacity(3)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .build());
    twin.ecs().createCluster("prod");
    twin.ecs()
        .createCapacityProvider(
            new CapacityProviderSpec("cp", "asg", ManagedScaling.DISABLED, false));
    twin.ecs()
        .putClusterCapacityProviders(
            "prod", List.of("cp"), List.of(CapacityProviderStrategyItem.of("cp", 1)));
    alb =
        twin.loadBalancing()
            .createLoadBalancer(
                LoadBalancerSpec.application("alb")
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                    .build());
    tg = twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    twin.loadBalancing().createListener(ListenerSpec.builder("alb", 80).forwardTo("tg").build());
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
    web =
        twin.ecs()
            .createService(
                ServiceSpec.builder("prod", "web", "web")
                    .desiredCount(6)
                    .loadBalancer("tg", "app", 80)
                    .build());
    twin.advance(ofMinutes(2));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  /** Desired 3 -> 5 at +00:02:00, 5 -> 4 at +00:03:00; then to +00:04:00. */
  private void scaleOutAndIn() {
    twin.autoScaling().setDesiredCapacity("asg", 5, false);
    twin.advance(ofMinutes(1));
    twin.autoScaling().setDesiredCapacity("asg", 4, false);
    twin.advance(ofMinutes(1));
  }

  /** The whole expected message, from {@code messages/<name>.txt} beside this class. */
  private static String message(String name) {
    try (var in = ScalingAssertionsTest.class.getResourceAsStream("messages/" + name + ".txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void fails(
      String name, org.assertj.core.api.ThrowableAssert.ThrowingCallable assertion) {
    assertThatThrownBy(assertion).isInstanceOf(AssertionError.class).hasMessage(message(name));
  }

  // ------------------------------------------------------------------ Auto Scaling group

  @Test
  void groupAssertionsPassOnItsFacts() {
    scaleOutAndIn();
    assertThat(group)
        .hasDesiredCapacity(4)
        .hasInServiceCount(4)
        .isBalancedAcross()
        .isBalancedAcross("us-east-1a", "us-east-1b")
        .hasScalingActivityCount(6)
        .hasNoScalingActivityBetween(ofMinutes(3).plusSeconds(1), ofMinutes(4))
        .neverExceededCapacity(5);
  }

  @Test
  void hasDesiredCapacityFailsWithTheGroupsTimelineAndWhenItLastHadIt() {
    scaleOutAndIn();
    fails("hasDesiredCapacity", () -> assertThat(group).hasDesiredCapacity(5));
  }

  @Test
  void hasInServiceCountFailsWithInstancesByLifecycleState() {
    scaleOutAndIn();
    fails("hasInServiceCount", () -> assertThat(group).hasInServiceCount(3));
  }

  @Test
  void isBalancedAcrossFailsWithTheCountsPerZone() {
    twin.faults().failZone("us-east-1c"); // its instance is replaced in us-east-1a at +00:05:00
    twin.advance(ofMinutes(4));
    fails("isBalancedAcross", () -> assertThat(group).isBalancedAcross());
  }

  @Test
  void hasScalingActivityCountFailsListingTheActivities() {
    scaleOutAndIn();
    fails("hasScalingActivityCount", () -> assertThat(group).hasScalingActivityCount(3));
  }

  @Test
  void hasNoScalingActivityBetweenFailsWithTheActivitiesInTheWindowAndTheirCause() {
    scaleOutAndIn();
    fails(
        "hasNoScalingActivityBetween",
        () -> assertThat(group).hasNoScalingActivityBetween(ofMinutes(1), ofMinutes(4)));
  }

  @Test
  void neverExceededCapacityFailsWithTheFirstChangeAboveTheLimit() {
    scaleOutAndIn();
    fails("neverExceededCapacity", () -> assertThat(group).neverExceededCapacity(4));
  }

  // ------------------------------------------------------------------ target group, load balancer

  @Test
  void targetGroupAssertionsPassOnItsFacts() {
    assertThat(tg)
        .hasHealthyTargetCount(3)
        .hasHealthyTargetCountInZone("us-east-1a", 1)
        .hasHealthyTargetCountInZone("us-east-1d", 0);
  }

  @Test
  void hasHealthyTargetCountFailsWithHealthyTargetsPerZone() {
    scaleOutAndIn();
    fails("hasHealthyTargetCount", () -> assertThat(tg).hasHealthyTargetCount(4));
  }

  @Test
  void hasHealthyTargetCountInZoneFailsWithHealthyTargetsPerZone() {
    scaleOutAndIn();
    fails(
        "hasHealthyTargetCountInZone",
        () -> assertThat(tg).hasHealthyTargetCountInZone("us-east-1a", 2));
  }

  @Test
  void routingAssertionsPassWhenAZoneIsOut() {
    twin.faults().failZone("us-east-1c");
    twin.advance(ofMinutes(3));
    twin.loadBalancing().loadBalancer("alb").resetRequestCounts();
    for (int i = 0; i < 30; i++) twin.loadBalancing().send("alb");
    assertThat(alb)
        .routedNoRequestsTo("us-east-1c")
        .routedRequestsOnlyTo("us-east-1a", "us-east-1b");
  }

  @Test
  void routedNoRequestsToFailsWithRequestsPerZone() {
    for (int i = 0; i < 30; i++) twin.loadBalancing().send("alb");
    fails("routedNoRequestsTo", () -> assertThat(alb).routedNoRequestsTo("us-east-1a"));
  }

  @Test
  void routedRequestsOnlyToFailsWithRequestsPerZone() {
    for (int i = 0; i < 30; i++) twin.loadBalancing().send("alb");
    fails("routedRequestsOnlyTo", () -> assertThat(alb).routedRequestsOnlyTo("us-east-1b"));
  }

  // ------------------------------------------------------------------ service, task

  @Test
  void serviceAssertionsPassOnItsFacts() {
    assertThat(web)
        .hasRunningTaskCount(6)
        .hasDesiredCount(6)
        .isSpreadAcrossZones()
        .isSpreadAcrossZones("us-east-1a", "us-east-1b", "us-east-1c")
        .reachedSteadyState();
  }

  @Test
  void hasRunningTaskCountFailsWithPendingCountAndNewestEvent() {
    fails("hasRunningTaskCount", () -> assertThat(web).hasRunningTaskCount(7));
  }

  @Test
  void hasDesiredCountFailsWithTheServicesTimeline() {
    fails("hasDesiredCount", () -> assertThat(web).hasDesiredCount(7));
  }

  @Test
  void isSpreadAcrossZonesFailsWithRunningTasksPerZone() {
    twin.faults().failZone("us-east-1c");
    twin.advance(ofMinutes(4));
    assertThat(web).isSpreadAcrossZones(); // over the zones it runs in: 3 and 3
    fails(
        "isSpreadAcrossZones",
        () -> assertThat(web).isSpreadAcrossZones("us-east-1a", "us-east-1b", "us-east-1c"));
  }

  @Test
  void reachedSteadyStateFailsWhileTheServiceGrows() {
    twin.ecs()
        .updateService(
            io.github.cloudtwin.ecs.ServiceUpdate.builder("prod", "web").desiredCount(8).build());
    twin.advance(ofSeconds(1));
    fails("reachedSteadyState", () -> assertThat(web).reachedSteadyState());
  }

  @Test
  void taskAssertionsPassOnItsFacts() {
    Task t = web.tasks().get(0);
    assertThat(t).isRunning();
    twin.ecs().stopTask("prod", t.taskId(), "Scaling test");
    assertThat(t).wasStoppedWithReason("Scaling test");
  }

  @Test
  void isRunningFailsWithWhenTheTaskRan() {
    Task t = web.tasks().get(0);
    twin.ecs().stopTask("prod", t.taskId(), "Scaling test");
    fails("isRunning", () -> assertThat(t).isRunning());
  }

  @Test
  void wasStoppedWithReasonFailsWithTheActualReason() {
    Task t = web.tasks().get(0);
    twin.ecs().stopTask("prod", t.taskId(), "Scaling test");
    fails(
        "wasStoppedWithReason",
        () -> assertThat(t).wasStoppedWithReason("Essential container in task exited"));
  }

  @Test
  void softAssertionsCollectEveryFailure() {
    CloudTwinSoftAssertions softly = new CloudTwinSoftAssertions();
    softly.assertThat(group).hasDesiredCapacity(4);
    softly.assertThat(tg).hasHealthyTargetCount(2);
    softly.assertThat(alb).routedNoRequestsTo("us-east-1a");
    softly.assertThat(web).hasRunningTaskCount(5);
    softly.assertThat(web.tasks().get(0)).isRunning();
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected())
        .extracting(e -> e.getMessage().lines().findFirst().orElseThrow())
        .containsExactly(
            "Expecting Auto Scaling group \"asg\" to have desired capacity 4",
            "Expecting target group \"tg\" to have 2 healthy targets",
            // nothing was routed: the assertion no longer passes without evidence (issue 12)
            "Expecting load balancer \"alb\" to have routed no requests to targets in us-east-1a",
            "Expecting ECS service \"web\" to have 5 running tasks");
  }
}

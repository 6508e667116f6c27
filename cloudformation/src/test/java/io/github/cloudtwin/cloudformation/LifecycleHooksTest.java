package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import org.junit.jupiter.api.Test;

/**
 * A group's LifecycleHookSpecificationList holds its very first instances, as
 * CreateAutoScalingGroup does.
 */
class LifecycleHooksTest {

  private static final String TEMPLATE =
      """
      Resources:
        WorkerTemplate:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData: {InstanceType: c5.large}
        WorkerGroup:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            AutoScalingGroupName: workers
            AvailabilityZones: !GetAZs ""
            LaunchTemplate: {LaunchTemplateId: !Ref WorkerTemplate, Version: !GetAtt WorkerTemplate.LatestVersionNumber}
            MinSize: "2"
            MaxSize: "6"
            LifecycleHookSpecificationList:
              - LifecycleHookName: warm-cache
                LifecycleTransition: autoscaling:EC2_INSTANCE_LAUNCHING
                HeartbeatTimeout: %s
                DefaultResult: CONTINUE
                NotificationTargetARN: arn:aws:sqs:us-east-1:123456789012:lifecycle
                RoleARN: arn:aws:iam::123456789012:role/hooks
              - LifecycleHookName: drain
                LifecycleTransition: autoscaling:EC2_INSTANCE_TERMINATING
      """;

  private static Stack importWorkers(CloudTwin twin, int heartbeatSeconds) {
    return StackImport.of(Template.parse("hooks.yaml", TEMPLATE.formatted(heartbeatSeconds)))
        .stackName("hooks")
        .importInto(twin);
  }

  private static void buildWorkers(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("workers")
                .launchTemplate(Names.generate("hooks", "WorkerTemplate", 128), "1")
                .instanceType("c5.large")
                .minSize(2)
                .maxSize(6)
                .availabilityZones(twin.config().zoneNames().toArray(String[]::new))
                .lifecycleHookSpecifications(
                    LifecycleHookSpec.of("warm-cache", "workers", LifecycleTransition.LAUNCHING)
                        .withHeartbeatTimeout(ofSeconds(300))
                        .withDefaultResult(LifecycleActionResult.CONTINUE),
                    LifecycleHookSpec.of("drain", "workers", LifecycleTransition.TERMINATING))
                .build());
  }

  /**
   * One instance's hook completed by the test, the other's timing out to CONTINUE, then a scale-in.
   */
  private static void story(CloudTwin twin) {
    twin.advance(ofMinutes(2));
    String first = twin.autoScaling().group("workers").instances().get(0).instanceId();
    twin.autoScaling()
        .completeLifecycleAction("workers", "warm-cache", first, LifecycleActionResult.CONTINUE);
    twin.advance(ofMinutes(5));
    twin.autoScaling().updateAutoScalingGroup("workers", 1, null, 1);
    twin.advance(ofMinutes(1));
  }

  @Test
  void theGroupsFirstInstancesWaitInPendingWaitForTheHookOfItsSpecificationList() {
    CloudTwin twin = Estates.twin();
    Stack stack = importWorkers(twin, 300);
    AutoScalingGroup group = stack.autoScalingGroup("WorkerGroup");
    assertThat(twin.timeline().eventsOf("group/workers"))
        .extracting(e -> e.kind())
        .startsWith("create", "lifecycle-hook", "lifecycle-hook", "activity");
    twin.advance(ofMinutes(2));
    assertThat(group.instances())
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT));
    AutoScalingInstance first = group.instances().get(0);
    twin.autoScaling()
        .completeLifecycleAction(
            "workers", "warm-cache", first.instanceId(), LifecycleActionResult.CONTINUE);
    assertThat(group.inServiceCount()).isEqualTo(1);
    twin.advance(
        ofSeconds(300 - 90)); // the other one's 300 s heartbeat ends 5.5 min after launch: CONTINUE
    assertThat(group.inServiceCount()).isEqualTo(2);
    assertThat(twin.autoScaling().lifecycleHooks("workers"))
        .extracting(LifecycleHookSpec::lifecycleHookName)
        .containsExactly("warm-cache", "drain");
  }

  @Test
  void theImportedHooksBehaveExactlyLikeHooksGivenToTheGroupSpecAtCreation() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importWorkers(t, 300),
            LifecycleHooksTest::buildWorkers,
            LifecycleHooksTest::story);
    assertThat(twin.autoScaling().group("workers").instances(LifecycleState.TERMINATING_WAIT))
        .hasSize(1);
  }

  @Test
  void theReportListsWhatTheHooksDoNotSimulateAndNoLongerNotesALateHook() {
    Stack stack = importWorkers(Estates.twin(), 300);
    assertThat(stack.report().unmodelledProperties("WorkerGroup"))
        .containsExactly(
            "Properties.LifecycleHookSpecificationList[0].NotificationTargetARN",
            "Properties.LifecycleHookSpecificationList[0].RoleARN");
    assertThat(stack.report().entries(ImportReport.Kind.NOTE)).isEmpty();
  }

  @Test
  void aHeartbeatTimeoutOutsidePutLifecycleHooksRangeFailsTheImportNamingTheHooksPath() {
    CloudTwin twin = Estates.twin();
    assertThatThrownBy(() -> importWorkers(twin, 20))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("WorkerGroup");
              assertThat(e.property())
                  .isEqualTo("Properties.LifecycleHookSpecificationList[0].HeartbeatTimeout");
              assertThat(e.getMessage()).contains("between 30 and 7200 seconds");
            });
    assertThat(twin.autoScaling().groups()).isEmpty();
  }
}

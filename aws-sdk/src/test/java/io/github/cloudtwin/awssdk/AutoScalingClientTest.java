package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.autoscaling.model.ScalingActivityInProgressException;
import software.amazon.awssdk.services.autoscaling.model.ScalingActivityStatusCode;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Conformance of {@code AutoScalingClient}: fields AWS always returns, errors as AWS documents
 * them.
 */
class AutoScalingClientTest {

  // tag::sdk-programmatic[]
  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(7).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  // end::sdk-programmatic[]

  @AfterEach
  void close() {
    twin.close();
  }

  private void createGroup(String name, int min, int max, int desired) {
    if (sdk.launchTemplates().all().isEmpty()) sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName(name)
                .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                .minSize(min)
                .maxSize(max)
                .desiredCapacity(desired)
                .availabilityZones("us-east-1a", "us-east-1b"));
  }

  private AutoScalingGroup describe(String name) {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
        .autoScalingGroups()
        .get(0);
  }

  @Test
  void createdGroupIsDescribedWithTheFieldsAwsAlwaysReturns() {
    createGroup("web", 1, 4, 2);
    twin.advance(Duration.ofMinutes(2));

    AutoScalingGroup g = describe("web");
    assertThat(g.autoScalingGroupName()).isEqualTo("web");
    assertThat(g.autoScalingGroupARN())
        .matches(
            "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName/web");
    assertThat(g.minSize()).isEqualTo(1);
    assertThat(g.maxSize()).isEqualTo(4);
    assertThat(g.desiredCapacity()).isEqualTo(2);
    assertThat(g.defaultCooldown()).isEqualTo(300);
    assertThat(g.healthCheckType()).isEqualTo("EC2");
    assertThat(g.healthCheckGracePeriod()).isZero();
    assertThat(g.availabilityZones()).containsExactly("us-east-1a", "us-east-1b");
    assertThat(g.vpcZoneIdentifier()).matches("subnet-[0-9a-f]{17},subnet-[0-9a-f]{17}");
    assertThat(g.createdTime()).isEqualTo(CloudTwin.DEFAULT_START);
    assertThat(g.terminationPolicies()).containsExactly("Default");
    assertThat(g.launchTemplate().launchTemplateName()).isEqualTo("web-lt");
    // no Version given: the group launches $Default, the API's default
    assertThat(g.launchTemplate().version()).isEqualTo("$Default");
    assertThat(g.instances())
        .hasSize(2)
        .allSatisfy(
            i -> {
              assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
              assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE);
              assertThat(i.healthStatus()).isEqualTo("Healthy");
              assertThat(i.instanceType()).isEqualTo("t3.micro");
              assertThat(i.protectedFromScaleIn()).isFalse();
            });
    assertThat(g.instances())
        .extracting(Instance::availabilityZone)
        .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
  }

  @Test
  void aSecondGroupWithTheSameNameIsAlreadyExists() {
    createGroup("web", 1, 4, 2);

    assertThatThrownBy(() -> createGroup("web", 1, 4, 2))
        .isInstanceOfSatisfying(
            AlreadyExistsException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AlreadyExists");
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "AutoScalingGroup by this name already exists - A group with the name web already exists");
            });
    assertThat(autoScaling.describeAutoScalingGroups().autoScalingGroups()).hasSize(1);
  }

  @Test
  void minAboveMaxIsAValidationErrorAndCreatesNothing() {
    assertThatThrownBy(() -> createGroup("web", 5, 2, 5))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.getMessage())
                  .contains("Max bound, 2, must be greater than or equal to min bound, 5");
            });
    assertThat(autoScaling.describeAutoScalingGroups().autoScalingGroups()).isEmpty();
  }

  @Test
  void anUnknownLaunchTemplateIsAValidationError() {
    assertThatThrownBy(
            () ->
                autoScaling.createAutoScalingGroup(
                    r ->
                        r.autoScalingGroupName("web")
                            .launchTemplate(lt -> lt.launchTemplateName("nope"))
                            .minSize(1)
                            .maxSize(2)
                            .availabilityZones("us-east-1a")))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "You must use a valid fully-formed launch template."
                          + " The specified launch template, with template name nope, does not exist.");
            });
  }

  @Test
  void aGroupWithoutZonesOrSubnetsIsRefused() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    assertThatThrownBy(
            () ->
                autoScaling.createAutoScalingGroup(
                    r ->
                        r.autoScalingGroupName("web")
                            .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
                            .minSize(1)
                            .maxSize(2)))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("At least one Availability Zone or VPC Subnet is required.");
  }

  @Test
  void describeAutoScalingGroupsPagesByMaxRecordsAndThePaginatorWalksEveryPage() {
    for (String n : List.of("e", "c", "a", "d", "b")) createGroup(n, 0, 2, 0);

    DescribeAutoScalingGroupsResponse first =
        autoScaling.describeAutoScalingGroups(r -> r.maxRecords(2));
    assertThat(first.autoScalingGroups())
        .extracting(AutoScalingGroup::autoScalingGroupName)
        .containsExactly("a", "b");
    assertThat(first.nextToken()).isNotNull();
    DescribeAutoScalingGroupsResponse second =
        autoScaling.describeAutoScalingGroups(r -> r.maxRecords(2).nextToken(first.nextToken()));
    assertThat(second.autoScalingGroups())
        .extracting(AutoScalingGroup::autoScalingGroupName)
        .containsExactly("c", "d");

    assertThat(
            autoScaling
                .describeAutoScalingGroupsPaginator(r -> r.maxRecords(2))
                .autoScalingGroups())
        .extracting(AutoScalingGroup::autoScalingGroupName)
        .containsExactly("a", "b", "c", "d", "e");
    assertThat(autoScaling.describeAutoScalingGroupsPaginator(r -> r.maxRecords(2)).stream())
        .hasSize(3);
  }

  @Test
  void aForeignNextTokenIsInvalidNextToken() {
    createGroup("a", 0, 2, 0);
    assertThatThrownBy(() -> autoScaling.describeAutoScalingGroups(r -> r.nextToken("not-a-token")))
        .isInstanceOfSatisfying(
            InvalidNextTokenException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
  }

  @Test
  void maxRecordsAboveOneHundredIsAValidationError() {
    assertThatThrownBy(() -> autoScaling.describeAutoScalingGroups(r -> r.maxRecords(101)))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining(
            "Value '101' at 'maxRecords' failed to satisfy constraint: Member must have value less"
                + " than or equal to 100");
  }

  @Test
  void setDesiredCapacityLaunchesOnVirtualTimeAndRecordsTheActivityInAwsWords() {
    createGroup("web", 1, 4, 1);
    twin.advance(Duration.ofMinutes(1));

    autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(3));
    twin.advance(Duration.ofMinutes(2));

    assertThat(describe("web").desiredCapacity()).isEqualTo(3);
    assertThat(describe("web").instances()).hasSize(3);
    List<Activity> activities =
        autoScaling.describeScalingActivities(r -> r.autoScalingGroupName("web")).activities();
    assertThat(activities).hasSize(3);
    Activity newest = activities.get(0);
    assertThat(newest.description()).startsWith("Launching a new EC2 instance: i-");
    assertThat(newest.cause())
        .contains(
            "a user request explicitly set group desired capacity changing the desired"
                + " capacity from 1 to 3");
    assertThat(newest.statusCode()).isEqualTo(ScalingActivityStatusCode.SUCCESSFUL);
    assertThat(newest.progress()).isEqualTo(100);
    assertThat(newest.startTime()).isEqualTo(CloudTwin.DEFAULT_START.plusSeconds(60));
    assertThat(newest.endTime()).isAfter(newest.startTime());
    assertThat(newest.activityId()).matches("[0-9a-f-]{36}");
  }

  @Test
  void setDesiredCapacityAboveMaxIsRefusedWithAwsMessage() {
    createGroup("web", 1, 4, 1);
    assertThatThrownBy(
            () ->
                autoScaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("web").desiredCapacity(9)))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.getMessage())
                  .contains(
                      "New SetDesiredCapacity value 9 is above max value 4 for the"
                          + " AutoScalingGroup.");
            });
    assertThat(describe("web").desiredCapacity()).isEqualTo(1);
  }

  @Test
  void setDesiredCapacityOnAnUnknownGroupIsAValidationError() {
    assertThatThrownBy(
            () ->
                autoScaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("nope").desiredCapacity(1)))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "AutoScalingGroup name not found - AutoScalingGroup 'nope' not found"));
  }

  @Test
  void honoringTheCooldownWhileInstancesLaunchIsScalingActivityInProgress() {
    createGroup("web", 1, 4, 2);
    assertThatThrownBy(
            () ->
                autoScaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("web").desiredCapacity(3).honorCooldown(true)))
        .isInstanceOfSatisfying(
            ScalingActivityInProgressException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ScalingActivityInProgress"));
  }

  @Test
  void updateChangesCapacityLimitsAndRefusesWhatIsNotSimulated() {
    createGroup("web", 1, 4, 2);
    autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("web").minSize(3).maxSize(6));
    assertThat(describe("web").desiredCapacity()).isEqualTo(3);
    assertThat(describe("web").maxSize()).isEqualTo(6);

    assertThatThrownBy(
            () ->
                autoScaling.updateAutoScalingGroup(
                    r -> r.autoScalingGroupName("web").defaultCooldown(60)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("DefaultCooldown");
    assertThatThrownBy(
            () ->
                autoScaling.updateAutoScalingGroup(
                    r -> r.autoScalingGroupName("web").minSize(2).desiredCapacity(9)))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining(
            "Desired capacity:9 must be between the specified min size:2 and max size:6");
  }

  @Test
  void deletingAGroupWithInstancesNeedsForceDelete() {
    createGroup("web", 1, 4, 2);
    twin.advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("web")))
        .isInstanceOfSatisfying(
            ResourceInUseException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUse");
              assertThat(e.getMessage())
                  .contains("You cannot delete an AutoScalingGroup while there are instances");
            });
    List<String> ids = describe("web").instances().stream().map(Instance::instanceId).toList();

    autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("web").forceDelete(true));

    assertThat(autoScaling.describeAutoScalingGroups().autoScalingGroups()).isEmpty();
    twin.advance(Duration.ofMinutes(1));
    assertThat(ids)
        .allSatisfy(
            id ->
                assertThat(twin.ec2().instance(id).state())
                    .isEqualTo(io.github.cloudtwin.ec2.InstanceState.TERMINATED));
  }

  @Test
  void simplePolicyIsPutDescribedExecutedAndDeleted() {
    createGroup("web", 1, 4, 1);
    twin.advance(Duration.ofMinutes(1));
    PutScalingPolicyResponse put =
        autoScaling.putScalingPolicy(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("out")
                    .adjustmentType("ChangeInCapacity")
                    .scalingAdjustment(2));
    assertThat(put.policyARN())
        .matches(
            "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}"
                + ":autoScalingGroupName/web:policyName/out");

    var described =
        autoScaling.describePolicies(r -> r.autoScalingGroupName("web")).scalingPolicies();
    assertThat(described)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.policyName()).isEqualTo("out");
              assertThat(p.policyARN()).isEqualTo(put.policyARN());
              assertThat(p.policyType()).isEqualTo("SimpleScaling");
              assertThat(p.adjustmentType()).isEqualTo("ChangeInCapacity");
              assertThat(p.scalingAdjustment()).isEqualTo(2);
              assertThat(p.alarms()).isEmpty();
            });

    autoScaling.executePolicy(r -> r.autoScalingGroupName("web").policyName("out"));
    assertThat(describe("web").desiredCapacity()).isEqualTo(3);

    autoScaling.deletePolicy(r -> r.autoScalingGroupName("web").policyName(put.policyARN()));
    assertThat(autoScaling.describePolicies(r -> r.autoScalingGroupName("web")).scalingPolicies())
        .isEmpty();
  }

  @Test
  void aPolicyPutAgainUnderItsNameKeepsItsArnAndTheAlarmNamingItRunsTheUpdate() {
    // PutScalingPolicy "Creates or updates a scaling policy": an update is the same policy, so an
    // alarm whose AlarmActions hold its ARN runs the new adjustment
    createGroup("web", 1, 10, 1);
    twin.advance(Duration.ofMinutes(1));
    String arn =
        autoScaling
            .putScalingPolicy(
                r ->
                    r.autoScalingGroupName("web")
                        .policyName("out")
                        .adjustmentType("ChangeInCapacity")
                        .scalingAdjustment(1))
            .policyARN();
    CloudWatchClient cloudWatch = sdk.cloudWatch();
    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName("load-high")
                .namespace("Shop")
                .metricName("Load")
                .statistic("Maximum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .alarmActions(arn));
    String updated =
        autoScaling
            .putScalingPolicy(
                r ->
                    r.autoScalingGroupName("web")
                        .policyName("out")
                        .adjustmentType("ChangeInCapacity")
                        .scalingAdjustment(3))
            .policyARN();
    assertThat(updated).isEqualTo(arn);

    cloudWatch.putMetricData(
        r ->
            r.namespace("Shop")
                .metricData(
                    d -> d.metricName("Load").value(5.0).timestamp(twin.clock().instant())));
    twin.advance(Duration.ofMinutes(2));
    assertThat(describe("web").desiredCapacity()).as("1 + 3, the updated adjustment").isEqualTo(4);
  }

  @Test
  void targetTrackingPolicyAnswersWithItsAlarmsWhichCloudWatchDescribes() {
    createGroup("web", 1, 4, 1);
    PutScalingPolicyResponse put =
        autoScaling.putScalingPolicy(
            r ->
                r.autoScalingGroupName("web")
                    .policyName("cpu50")
                    .policyType("TargetTrackingScaling")
                    .targetTrackingConfiguration(
                        c ->
                            c.targetValue(50.0)
                                .predefinedMetricSpecification(
                                    m -> m.predefinedMetricType("ASGAverageCPUUtilization"))));
    assertThat(put.alarms()).hasSize(2);
    assertThat(put.alarms().get(0).alarmName()).startsWith("TargetTracking-web-AlarmHigh-");

    CloudWatchClient cloudWatch = sdk.cloudWatch();
    MetricAlarm high =
        cloudWatch
            .describeAlarms(r -> r.alarmNames(put.alarms().get(0).alarmName()))
            .metricAlarms()
            .get(0);
    assertThat(high.alarmActions()).containsExactly(put.policyARN());
    assertThat(high.alarmArn()).isEqualTo(put.alarms().get(0).alarmARN());
    assertThat(high.threshold()).isEqualTo(50.0);
  }

  @Test
  void putScalingPolicyWithoutAnAdjustmentIsRefused() {
    createGroup("web", 1, 4, 1);
    assertThatThrownBy(
            () ->
                autoScaling.putScalingPolicy(
                    r ->
                        r.autoScalingGroupName("web")
                            .policyName("out")
                            .adjustmentType("ChangeInCapacity")))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("ScalingAdjustment is required");
    assertThat(autoScaling.describePolicies(r -> r.autoScalingGroupName("web")).scalingPolicies())
        .isEmpty();
  }

  @Test
  void scheduledActionsArePutDescribedAndRun() {
    createGroup("web", 1, 4, 1);
    autoScaling.putScheduledUpdateGroupAction(
        r ->
            r.autoScalingGroupName("web")
                .scheduledActionName("morning")
                .startTime(CloudTwin.DEFAULT_START.plusSeconds(600))
                .desiredCapacity(3));
    var actions =
        autoScaling
            .describeScheduledActions(r -> r.autoScalingGroupName("web"))
            .scheduledUpdateGroupActions();
    assertThat(actions)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.scheduledActionName()).isEqualTo("morning");
              assertThat(a.startTime()).isEqualTo(CloudTwin.DEFAULT_START.plusSeconds(600));
              assertThat(a.desiredCapacity()).isEqualTo(3);
              assertThat(a.scheduledActionARN())
                  .startsWith(
                      "arn:aws:autoscaling:us-east-1:123456789012:scheduledUpdateGroupAction:");
            });
    twin.advance(Duration.ofMinutes(11));
    assertThat(describe("web").desiredCapacity()).isEqualTo(3);
  }

  @Test
  void lifecycleHookHoldsLaunchesUntilCompletedAndHeartbeatsExtendTheWait() {
    createGroup("web", 0, 4, 0);
    autoScaling.putLifecycleHook(
        r ->
            r.autoScalingGroupName("web")
                .lifecycleHookName("warm")
                .lifecycleTransition("autoscaling:EC2_INSTANCE_LAUNCHING")
                .heartbeatTimeout(300)
                .defaultResult("ABANDON"));
    assertThat(
            autoScaling.describeLifecycleHooks(r -> r.autoScalingGroupName("web")).lifecycleHooks())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.heartbeatTimeout()).isEqualTo(300);
              assertThat(h.globalTimeout()).isEqualTo(30000);
              assertThat(h.defaultResult()).isEqualTo("ABANDON");
            });
    autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(1));
    twin.advance(Duration.ofMinutes(4));
    Instance waiting = describe("web").instances().get(0);
    assertThat(waiting.lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT);

    autoScaling.recordLifecycleActionHeartbeat(
        r ->
            r.autoScalingGroupName("web")
                .lifecycleHookName("warm")
                .instanceId(waiting.instanceId()));
    twin.advance(Duration.ofMinutes(4));
    assertThat(describe("web").instances().get(0).lifecycleState())
        .isEqualTo(LifecycleState.PENDING_WAIT);

    autoScaling.completeLifecycleAction(
        r ->
            r.autoScalingGroupName("web")
                .lifecycleHookName("warm")
                .instanceId(waiting.instanceId())
                .lifecycleActionResult("CONTINUE"));
    twin.advance(Duration.ofSeconds(10));
    assertThat(describe("web").instances().get(0).lifecycleState())
        .isEqualTo(LifecycleState.IN_SERVICE);

    assertThatThrownBy(
            () ->
                autoScaling.completeLifecycleAction(
                    r ->
                        r.autoScalingGroupName("web")
                            .lifecycleHookName("warm")
                            .instanceId(waiting.instanceId())
                            .lifecycleActionResult("CONTINUE")))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("No active Lifecycle Action found");
  }

  @Test
  void standbyProtectionHealthAndTerminationAnswerAsAws() {
    createGroup("web", 1, 4, 3);
    twin.advance(Duration.ofMinutes(2));
    List<String> ids = describe("web").instances().stream().map(Instance::instanceId).toList();

    var entered =
        autoScaling.enterStandby(
            r ->
                r.autoScalingGroupName("web")
                    .instanceIds(ids.get(0))
                    .shouldDecrementDesiredCapacity(true));
    assertThat(entered.activities())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.description())
                    .isEqualTo("Moving EC2 instance to Standby: " + ids.get(0)));
    assertThat(describe("web").desiredCapacity()).isEqualTo(2);
    autoScaling.exitStandby(r -> r.autoScalingGroupName("web").instanceIds(ids.get(0)));
    twin.advance(Duration.ofMinutes(1));
    assertThat(describe("web").desiredCapacity()).isEqualTo(3);

    autoScaling.setInstanceProtection(
        r -> r.autoScalingGroupName("web").instanceIds(ids.get(1)).protectedFromScaleIn(true));
    assertThat(
            autoScaling
                .describeAutoScalingInstances(r -> r.instanceIds(ids.get(1)))
                .autoScalingInstances())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.protectedFromScaleIn()).isTrue();
              assertThat(i.autoScalingGroupName()).isEqualTo("web");
              assertThat(i.healthStatus()).isEqualTo("HEALTHY");
              assertThat(i.lifecycleState()).isEqualTo("InService");
            });

    var terminated =
        autoScaling.terminateInstanceInAutoScalingGroup(
            r -> r.instanceId(ids.get(2)).shouldDecrementDesiredCapacity(true));
    assertThat(terminated.activity().description())
        .isEqualTo("Terminating EC2 instance: " + ids.get(2));
    assertThat(describe("web").desiredCapacity()).isEqualTo(2);

    autoScaling.setInstanceHealth(r -> r.instanceId(ids.get(0)).healthStatus("Unhealthy"));
    twin.advance(Duration.ofMinutes(3));
    assertThat(describe("web").instances())
        .extracting(Instance::instanceId)
        .doesNotContain(ids.get(0));
    assertThat(describe("web").instances()).hasSize(2);
  }

  @Test
  void suspendedProcessesAreDescribed() {
    createGroup("web", 1, 4, 1);
    autoScaling.suspendProcesses(
        r -> r.autoScalingGroupName("web").scalingProcesses("Launch", "AZRebalance"));
    assertThat(describe("web").suspendedProcesses())
        .extracting(p -> p.processName())
        .containsExactlyInAnyOrder("Launch", "AZRebalance");
    autoScaling.resumeProcesses(r -> r.autoScalingGroupName("web"));
    assertThat(describe("web").suspendedProcesses()).isEmpty();
    assertThatThrownBy(
            () ->
                autoScaling.suspendProcesses(
                    r -> r.autoScalingGroupName("web").scalingProcesses("Fly")))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("Process 'Fly' is not a valid process name.");
  }

  @Test
  void anOperationTheTwinDoesNotSimulateSaysSo() {
    assertThatThrownBy(
            () ->
                autoScaling.describeNotificationConfigurations(r -> r.autoScalingGroupNames("web")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("DescribeNotificationConfigurations")
        .hasMessageContaining("not simulated");
  }

  @Test
  void theAsyncClientAnswersWithCompletedFuturesAndFailsTheSameWay() {
    AutoScalingAsyncClient async = sdk.autoScalingAsync();
    createGroup("web", 1, 4, 1);

    assertThat(
            async
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
                .join()
                .autoScalingGroups())
        .extracting(AutoScalingGroup::autoScalingGroupName)
        .containsExactly("web");
    assertThatThrownBy(
            () ->
                async
                    .setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(99))
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(AutoScalingException.class);
    assertThatThrownBy(
            () ->
                async
                    .describeNotificationConfigurations(r -> r.autoScalingGroupNames("web"))
                    .join())
        .hasCauseInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void waitUntilGroupInServicePollsEveryFifteenVirtualSeconds() {
    createGroup("web", 2, 4, 2);
    var response =
        autoScaling.waiter().waitUntilGroupInService(r -> r.autoScalingGroupNames("web"));

    assertThat(response.matched().response().orElseThrow().autoScalingGroups().get(0).instances())
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE));
    assertThat(twin.elapsed())
        .isEqualTo(Duration.ofSeconds(15L * (response.attemptsExecuted() - 1)));
    assertThat(response.attemptsExecuted()).isGreaterThan(1);

    autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("web").forceDelete(true));
    assertThat(
            autoScaling
                .waiter()
                .waitUntilGroupNotExists(r -> r.autoScalingGroupNames("web"))
                .attemptsExecuted())
        .isEqualTo(1);
    assertThat(
            sdk.autoScalingAsync()
                .waiter()
                .waitUntilGroupNotExists(r -> r.autoScalingGroupNames("web")))
        .isCompleted();
  }
}

package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHookSpecification;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;

/**
 * CreateAutoScalingGroup's LifecycleHookSpecificationList: the hooks hold the group's first
 * launches.
 */
class AutoScalingLifecycleHookSpecificationTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(7).build();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  @AfterEach
  void close() {
    twin.close();
  }

  private void create(LifecycleHookSpecification... hooks) {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        CreateAutoScalingGroupRequest.builder()
            .autoScalingGroupName("web")
            .launchTemplate(lt -> lt.launchTemplateName("web-lt"))
            .minSize(2)
            .maxSize(4)
            .availabilityZones("us-east-1a", "us-east-1b")
            .lifecycleHookSpecificationList(hooks)
            .build());
  }

  private java.util.List<Instance> instances() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
        .autoScalingGroups()
        .get(0)
        .instances();
  }

  @Test
  void theFirstInstancesWaitInPendingWaitUntilTheHookTimesOutWithItsDefaultResult() {
    create(
        LifecycleHookSpecification.builder()
            .lifecycleHookName("warm")
            .lifecycleTransition("autoscaling:EC2_INSTANCE_LAUNCHING")
            .heartbeatTimeout(300)
            .defaultResult("CONTINUE")
            .build());
    twin.advance(Duration.ofMinutes(2));
    assertThat(instances())
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT));
    assertThat(
            autoScaling.describeLifecycleHooks(r -> r.autoScalingGroupName("web")).lifecycleHooks())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.lifecycleHookName()).isEqualTo("warm");
              assertThat(h.lifecycleTransition()).isEqualTo("autoscaling:EC2_INSTANCE_LAUNCHING");
              assertThat(h.heartbeatTimeout()).isEqualTo(300);
              assertThat(h.defaultResult()).isEqualTo("CONTINUE");
            });
    twin.advance(Duration.ofMinutes(4)); // 30 s boot + 300 s heartbeat: CONTINUE
    assertThat(instances())
        .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE));
  }

  @Test
  void aHookWithoutItsTransitionIsAValidationErrorAndCreatesNoGroup() {
    assertThatThrownBy(
            () -> create(LifecycleHookSpecification.builder().lifecycleHookName("warm").build()))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.getMessage()).contains("lifecycleTransition");
            });
    assertThat(autoScaling.describeAutoScalingGroups().autoScalingGroups()).isEmpty();
  }

  @Test
  void aHeartbeatTimeoutOutsideThirtyTo7200SecondsIsAValidationErrorAndCreatesNoGroup() {
    assertThatThrownBy(
            () ->
                create(
                    LifecycleHookSpecification.builder()
                        .lifecycleHookName("warm")
                        .lifecycleTransition("autoscaling:EC2_INSTANCE_LAUNCHING")
                        .heartbeatTimeout(7201)
                        .build()))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.getMessage())
                  .contains("HeartbeatTimeout")
                  .contains("between 30 and 7200 seconds");
            });
    assertThat(autoScaling.describeAutoScalingGroups().autoScalingGroups()).isEmpty();
  }
}

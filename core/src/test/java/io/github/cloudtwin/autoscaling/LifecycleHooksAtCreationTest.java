package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CreateAutoScalingGroup's LifecycleHookSpecificationList: the hooks exist before the first launch.
 */
class LifecycleHooksAtCreationTest {

  private static LifecycleHookSpec boot(String group) {
    return LifecycleHookSpec.of("boot", group, LifecycleTransition.LAUNCHING);
  }

  @Test
  void theFirstInstancesWaitInPendingWaitForAHookGivenAtCreation() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 4, 2).lifecycleHookSpecifications(boot("web")).build());
      twin.advance(Duration.ofMinutes(5));
      assertThat(g.instances())
          .hasSize(2)
          .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT));
      assertThat(g.activities())
          .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(ActivityStatus.MidLifecycleAction));
      assertThat(twin.autoScaling().lifecycleHooks("web")).containsExactly(boot("web"));
      for (AutoScalingInstance i : g.instances()) {
        twin.autoScaling()
            .completeLifecycleAction("web", "boot", i.instanceId(), LifecycleActionResult.CONTINUE);
      }
      assertThat(g.inServiceCount()).isEqualTo(2);
    }
  }

  @Test
  void theHookIsOnTheTimelineBeforeTheFirstLaunchAndCausedByTheCreation() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              group("web", 0, 4, 1).lifecycleHookSpecifications(boot("web")).build());
      List<TimelineEvent> events = twin.timeline().eventsOf("group/web");
      assertThat(events)
          .extracting(TimelineEvent::kind)
          .startsWith("create", "lifecycle-hook", "activity");
      assertThat(events.get(1).message())
          .isEqualTo(
              "hook boot put: autoscaling:EC2_INSTANCE_LAUNCHING, heartbeat 3600 s, default ABANDON");
      assertThat(events.get(1).causeId()).isEqualTo(events.get(0).id());
    }
  }

  @Test
  void hooksGivenAtCreationApplyToLaterLaunchesAndTerminationsWithTheirTimeoutAndDefault() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling()
              .createAutoScalingGroup(
                  group("web", 0, 4, 1)
                      .lifecycleHookSpecifications(
                          boot("web")
                              .withHeartbeatTimeout(Duration.ofSeconds(60))
                              .withDefaultResult(LifecycleActionResult.CONTINUE),
                          LifecycleHookSpec.of("drain", "web", LifecycleTransition.TERMINATING)
                              .withHeartbeatTimeout(Duration.ofSeconds(120)))
                      .build());
      twin.advance(Duration.ofSeconds(30 + 59));
      assertThat(g.instances().get(0).lifecycleState()).isEqualTo(LifecycleState.PENDING_WAIT);
      twin.advance(Duration.ofSeconds(1));
      assertThat(g.instances().get(0).lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE);
      twin.autoScaling()
          .setDesiredCapacity(
              "web", 2, false); // the spec copy made for the new desired keeps the hooks
      twin.advance(Duration.ofSeconds(31));
      assertThat(g.instances(LifecycleState.PENDING_WAIT)).hasSize(1);
      assertThat(g.spec().lifecycleHookSpecifications())
          .extracting(LifecycleHookSpec::lifecycleHookName)
          .containsExactly("boot", "drain");
      twin.advance(Duration.ofMinutes(2));
      twin.autoScaling().setDesiredCapacity("web", 1, false);
      assertThat(g.instances(LifecycleState.TERMINATING_WAIT)).hasSize(1);
    }
  }

  @Test
  void aHookForAnotherGroupIsRejectedAndNoGroupIsCreated() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(
              () ->
                  twin.autoScaling()
                      .createAutoScalingGroup(
                          group("web", 0, 4, 1).lifecycleHookSpecifications(boot("api")).build()))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field())
                    .isEqualTo("LifecycleHookSpecificationList[0].AutoScalingGroupName");
                assertThat(e.getMessage()).contains("api").contains("the group being created, web");
              });
      assertThat(twin.autoScaling().groups()).isEmpty();
    }
  }

  @Test
  void aHookNameGivenTwiceIsRejected() {
    assertThatThrownBy(
            () ->
                group("web", 0, 4, 1)
                    .lifecycleHookSpecifications(
                        boot("web"),
                        LifecycleHookSpec.of("boot", "web", LifecycleTransition.TERMINATING))
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field())
                  .isEqualTo("LifecycleHookSpecificationList[1].LifecycleHookName");
              assertThat(e.getMessage()).contains("boot").contains("at most once");
            });
  }

  @Test
  void eachHookIsValidatedAsPutLifecycleHookValidatesIt() {
    assertThatThrownBy(() -> boot("web").withHeartbeatTimeout(Duration.ofSeconds(29)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("HeartbeatTimeout"));
    assertThatThrownBy(() -> boot("web").withHeartbeatTimeout(Duration.ofSeconds(7201)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).contains("between 30 and 7200 seconds"));
    assertThatThrownBy(
            () -> LifecycleHookSpec.of("boot hook", "web", LifecycleTransition.LAUNCHING))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("LifecycleHookName");
              assertThat(e.getMessage()).contains("boot hook").contains("[A-Za-z0-9\\-_\\/]+");
            });
    assertThatThrownBy(() -> group("web", 0, 4, 1).lifecycleHookSpecifications(boot("web"), null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("LifecycleHookSpecificationList");
              assertThat(e.getMessage()).contains("element 2 of 2 is null");
            });
    assertThat(
            LifecycleHookSpec.of("team/boot_1-a", "web", LifecycleTransition.LAUNCHING)
                .lifecycleHookName())
        .isEqualTo("team/boot_1-a");
  }
}

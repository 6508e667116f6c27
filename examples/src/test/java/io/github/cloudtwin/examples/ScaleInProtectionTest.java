package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.FromTwin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Story 9, scale-in protection for a long job. In production: the night's scale-in terminates the
 * two workers that were three hours into a report. Protecting them from scale-in makes Auto Scaling
 * pick the others; the group still shrinks to what was asked.
 */
@CloudTwinTest
class ScaleInProtectionTest {

  @CloudTwinSetup
  void workers(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("workers")
                .minSize(1)
                .maxSize(6)
                .desiredCapacity(4)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.autoScaling()
        .putScalingPolicy(
            SimpleScalingPolicy.builder()
                .policyName("remove-two")
                .autoScalingGroupName("workers")
                .scalingAdjustment(-2)
                .build());
  }

  @Test
  void protectedInstancesSurviveTheScaleInAndTheOthersGo(
      CloudTwin twin, @FromTwin("workers") AutoScalingGroup workers) {
    twin.advance(ofMinutes(5));
    List<String> all = workers.instances().stream().map(AutoScalingInstance::instanceId).toList();
    List<String> busy = List.of(all.get(0), all.get(1));

    // tag::protect[]
    twin.autoScaling().setInstanceProtection("workers", true, busy.toArray(String[]::new));
    twin.autoScaling().executePolicy("workers", "remove-two");
    // end::protect[]
    twin.advance(ofMinutes(5));

    assertThat(workers.desiredCapacity()).isEqualTo(2);
    assertThat(workers.instances(LifecycleState.IN_SERVICE))
        .extracting(AutoScalingInstance::instanceId)
        .containsExactlyInAnyOrderElementsOf(busy);
    List<ScalingActivity> terminations =
        workers.activities().stream()
            .filter(a -> a.description().startsWith("Terminating"))
            .toList();
    assertThat(terminations)
        .hasSize(2)
        .extracting(ScalingActivity::instanceId)
        .containsExactlyInAnyOrder(all.get(2), all.get(3));
    assertThat(terminations)
        .allSatisfy(
            a ->
                assertThat(a.cause())
                    .contains(
                        "a user request executed policy remove-two changing the desired capacity from 4 to 2")
                    .contains(
                        "an instance was taken out of service in response to a difference between desired and actual"
                            + " capacity, shrinking the capacity from 4 to 2"));
  }
}

package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ec2.Instance;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The slice of a failure shows the events that caused the resource's events, from other resources.
 */
class CauseSliceTest {

  @Test
  void anInstanceLaunchedByAGroupShowsTheGroupsActivity() {
    try (CloudTwin twin = CloudTwin.builder().seed(2).build()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(1)
                  .maxSize(2)
                  .availabilityZones("us-east-1a")
                  .build());
      twin.advance(Duration.ofMinutes(1));
      Instance i = twin.ec2().instances().get(0);
      assertThatThrownBy(() -> assertThat(twin).instance(i.instanceId()).isInZone("us-east-1b"))
          .hasMessage(
              "Expecting instance i-01b6424605ddd6697 to be in us-east-1b\n"
                  + "but it is in us-east-1a.\n"
                  + "Timeline (5 events, t0 = 2026-01-01T00:00:00Z):\n"
                  + "  +00:00:00  group/web  created: min 1, max 2, desired 1, zones [us-east-1a]\n"
                  + "  +00:00:00  instance/i-01b6424605ddd6697  launched t3.micro in us-east-1a (pending)\n"
                  + "  +00:00:00  instance/i-01b6424605ddd6697  Pending in group web\n"
                  + "  +00:00:30  instance/i-01b6424605ddd6697  pending -> running\n"
                  + "  +00:00:30  instance/i-01b6424605ddd6697  Pending -> InService in group web");
    }
  }
}

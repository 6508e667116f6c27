package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The group's real size is what AWS's {@code GroupTotalInstances} counts: "the number of instances
 * that are in service, pending, and terminating" ("Amazon CloudWatch metrics for Amazon EC2 Auto
 * Scaling", https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html);
 * Standby instances are counted apart ({@code GroupStandbyInstances}).
 */
class GroupSizeTest {

  @Test
  void pendingAndInServiceInstancesCountPerZoneAndStandbyOnesDoNot() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g =
          twin.autoScaling().createAutoScalingGroup(Fixtures.group("web", 0, 6, 3).build());
      assertThat(g.size().total()).as("three Pending").isEqualTo(3);
      twin.advance(Duration.ofMinutes(2));
      GroupSize size = g.size();
      assertThat(size.total()).isEqualTo(3);
      assertThat(size.inZone(Fixtures.A)).isEqualTo(1);
      assertThat(size.inZone(Fixtures.B)).isEqualTo(1);
      assertThat(size.inZone("us-east-1d")).as("not a zone of the group").isZero();
      String standby =
          g.instances().stream()
              .filter(i -> i.availabilityZone().equals(Fixtures.C))
              .findFirst()
              .orElseThrow()
              .instanceId();
      twin.autoScaling().enterStandby("web", true, standby);
      twin.advance(Duration.ofSeconds(1));
      GroupSize after = g.size();
      assertThat(after.total()).isEqualTo(2);
      assertThat(after.inZone(Fixtures.C)).isZero();
      assertThat(after.byZone()).containsEntry(Fixtures.C, 0).containsEntry(Fixtures.A, 1);
      assertThat(g.sizeHistory()).last().extracting(GroupSize::total).isEqualTo(2);
      assertThat(g.sizeHistory()).extracting(GroupSize::total).contains(3);
    }
  }
}

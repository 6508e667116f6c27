package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An injection may name an Auto Scaling group by name: the twin asks Auto Scaling's own index of
 * its groups, so a group that has no instance yet (no instance is tagged with its name) counts, and
 * a deleted one does not.
 */
class InjectionIntoGroupTest {

  private static MetricInjection cpu(CloudTwin twin, String group) {
    return MetricInjection.metric("CPUUtilization")
        .forGroup(group)
        .from(twin.elapsed())
        .constant(42);
  }

  @Test
  void injectionIntoAGroupWithNoInstancesYetIsAccepted() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("empty", 0, 3, 0).build());
      twin.advance(Duration.ofMinutes(1));
      assertThat(twin.autoScaling().group("empty").instances()).isEmpty();

      assertThatCode(() -> twin.cloudWatch().inject(cpu(twin, "empty"))).doesNotThrowAnyException();
    }
  }

  @Test
  void injectionIntoADeletedGroupIsRefusedNamingTheField() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.autoScaling().createAutoScalingGroup(group("gone", 0, 3, 0).build());
      twin.autoScaling().deleteAutoScalingGroup("gone", false);

      assertThatThrownBy(() -> twin.cloudWatch().inject(cpu(twin, "gone")))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("groupName"))
          .hasMessageContaining("gone")
          .hasMessageContaining("Auto Scaling group");
    }
  }
}

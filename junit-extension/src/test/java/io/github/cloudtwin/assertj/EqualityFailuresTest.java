package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * An assertion that compares two values fails with opentest4j's AssertionFailedError, so IDEs show
 * expected and actual.
 */
class EqualityFailuresTest {

  private final CloudTwin twin = CloudTwin.builder().seed(3).build();

  @AfterEach
  void close() {
    twin.close();
  }

  private static AssertionFailedError failure(ThrowingCallable assertion) {
    return catchThrowableOfType(AssertionFailedError.class, assertion);
  }

  @Test
  void countsStatesAndZonesFailWithExpectedAndActual() {
    AutoScalingGroup group =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .minSize(1)
                    .maxSize(4)
                    .desiredCapacity(2)
                    .availabilityZones("us-east-1a")
                    .build());
    MetricAlarm alarm =
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("high")
                    .metric(MetricId.of("App", "Load"))
                    .threshold(1)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .build());
    Instance instance =
        twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1b").build());
    twin.advance(Duration.ofMinutes(2));

    AssertionFailedError desired = failure(() -> assertThat(group).hasDesiredCapacity(3));
    org.assertj.core.api.Assertions.assertThat(desired.getExpected().getValue()).isEqualTo(3);
    org.assertj.core.api.Assertions.assertThat(desired.getActual().getValue()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(desired)
        .hasMessageStartingWith("Expecting Auto Scaling group \"web\" to have desired capacity 3");

    AssertionFailedError inService = failure(() -> assertThat(group).hasInServiceCount(4));
    org.assertj.core.api.Assertions.assertThat(inService.getActual().getValue()).isEqualTo(2);

    AssertionFailedError state = failure(() -> assertThat(alarm).isInState(AlarmState.ALARM));
    org.assertj.core.api.Assertions.assertThat(state.getExpected().getValue())
        .isEqualTo(AlarmState.ALARM);
    org.assertj.core.api.Assertions.assertThat(state.getActual().getValue())
        .isEqualTo(alarm.state());

    AssertionFailedError zone = failure(() -> assertThat(instance).in(twin).isInZone("us-east-1a"));
    org.assertj.core.api.Assertions.assertThat(zone.getExpected().getValue())
        .isEqualTo("us-east-1a");
    org.assertj.core.api.Assertions.assertThat(zone.getActual().getValue()).isEqualTo("us-east-1b");

    twin.ec2().terminateInstance(instance.instanceId());
    AssertionFailedError running = failure(() -> assertThat(instance).isRunning());
    org.assertj.core.api.Assertions.assertThat(running.getExpected().getValue())
        .isEqualTo(InstanceState.RUNNING);
    org.assertj.core.api.Assertions.assertThat(running.getActual().getValue())
        .isEqualTo(instance.state());
  }

  @Test
  void aDescriptionAndAnOverridingMessageAreKept() {
    AutoScalingGroup group =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .minSize(1)
                    .maxSize(4)
                    .desiredCapacity(2)
                    .availabilityZones("us-east-1a")
                    .build());
    org.assertj.core.api.Assertions.assertThat(
            failure(() -> assertThat(group).as("after the spike").hasDesiredCapacity(3)))
        .hasMessageStartingWith("[after the spike] Expecting Auto Scaling group \"web\"");
    org.assertj.core.api.Assertions.assertThat(
            failure(() -> assertThat(group).withFailMessage("no %s", "luck").hasDesiredCapacity(3)))
        .hasMessage("no luck");
  }
}

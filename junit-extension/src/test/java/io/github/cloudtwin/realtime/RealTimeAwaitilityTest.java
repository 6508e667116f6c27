package io.github.cloudtwin.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * In real-time mode plain Awaitility works: the driver moves virtual time while Awaitility polls.
 */
@CloudTwinTest
class RealTimeAwaitilityTest {

  @Test
  void plainAwaitilitySeesTheAlarmFire(CloudTwin twin) {
    MetricId load = MetricId.of("App", "Load");
    MetricAlarm alarm =
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("load-high")
                    .metric(load)
                    .threshold(80)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .evaluationPeriods(2)
                    .build());
    twin.cloudWatch().inject(MetricInjection.metric(load).from(Duration.ZERO).constant(95));

    RealTimeDriver driver =
        RealTimeDriver.start(twin, 600); // one wall second = ten virtual minutes

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> alarm.state() == AlarmState.ALARM);
    assertThat(alarm.stateUpdatedTimestamp())
        .isEqualTo(twin.timeline().t0().plus(Duration.ofMinutes(2)));
    assertThat(twin.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    assertThat(driver.isRunning()).isTrue();
  }

  @Test
  void plainAwaitilityUntilAssertedOnInstances(CloudTwin twin) {
    RealTimeDriver.start(twin, 120);
    var instance =
        twin.ec2()
            .runInstance(
                io.github.cloudtwin.ec2.InstanceSpec.builder()
                    .availabilityZone("us-east-1a")
                    .build());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat(instance).isRunning());
  }
}

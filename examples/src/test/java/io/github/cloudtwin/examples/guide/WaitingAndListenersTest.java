package io.github.cloudtwin.examples.guide;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.cloudwatch.AlarmState.ALARM;
import static io.github.cloudtwin.cloudwatch.AlarmState.OK;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.await.CloudTwinAwait;
import io.github.cloudtwin.cloudwatch.AlarmListener;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.TwinReport;
import io.github.cloudtwin.realtime.RealTimeDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Waiting on virtual time, real-time mode, mock listeners and reports, as docs/junit.md shows them:
 * one instance of group "web" reports CPU 90 % from minute 2, so "cpu-high" (above 80 % for a
 * minute) goes OK at +00:01:00 and ALARM at +00:03:00.
 */
@CloudTwinTest
class WaitingAndListenersTest {

  MetricAlarm alarm;

  @CloudTwinSetup
  void busyGroup(CloudTwin twin) {
    twin.ec2()
        .runInstance(
            InstanceSpec.builder()
                .availabilityZone("us-east-1a")
                .bootTime(Duration.ZERO)
                .detailedMonitoring(true)
                .autoScalingGroupName("web")
                .build());
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .from(ofMinutes(2))
                .constant(90));
    alarm = twin.cloudWatch().putMetricAlarm(Alarms.cpuHigh);
  }

  @Test
  void awaitStepsVirtualTime(CloudTwin twin) {
    // tag::await[]
    CloudTwinAwait.await(twin)
        .alias("scale out")
        .atMost(Duration.ofMinutes(10)) // virtual; default 10 min
        .pollInterval(Duration.ofSeconds(10)) // virtual; default 10 s
        .untilAsserted(() -> assertThat(twin).alarm("cpu-high").isInState(ALARM));
    // end::await[]
    org.assertj.core.api.Assertions.assertThat(twin.elapsed()).isEqualTo(ofMinutes(3));
  }

  @Test
  void duringAtLeastAndAListenerOnVirtualTime(CloudTwin twin) {
    // tag::await-vocabulary[]
    List<String> evaluations = new ArrayList<>();
    CloudTwinAwait.await(twin, "cpu-high fires, not too soon, and stays")
        .atLeast(Duration.ofMinutes(2)) // fails if ALARM comes sooner (too few datapoints)
        .during(Duration.ofMinutes(30)) // then must hold at every poll for 30 virtual minutes
        .atMost(Duration.ofMinutes(45))
        .pollInterval(Duration.ofMinutes(1))
        .conditionEvaluationListener(
            c -> evaluations.add(c.elapsed().toMinutes() + "m " + c.value()))
        .until(alarm::state, state -> state == ALARM);
    // end::await-vocabulary[]
    org.assertj.core.api.Assertions.assertThat(twin.elapsed()).isEqualTo(ofMinutes(33));
    org.assertj.core.api.Assertions.assertThat(evaluations)
        .startsWith("0m INSUFFICIENT_DATA", "1m OK", "2m OK", "3m ALARM")
        .endsWith("33m ALARM")
        .hasSize(34);
  }

  @Test
  void plainAwaitilityInRealTimeMode(CloudTwin twin) {
    // tag::real-time[]
    RealTimeDriver.start(twin, 600); // a wall second is ten virtual minutes
    await().atMost(ofSeconds(20)).until(() -> alarm.state() == ALARM);
    // end::real-time[]
    org.assertj.core.api.Assertions.assertThat(alarm.stateUpdatedTimestamp())
        .isEqualTo(twin.config().start().plus(ofMinutes(3)));
  }

  @Test
  void aMockListenerIsVerified(CloudTwin twin) {
    twin.advance(ofMinutes(2)); // OK at +00:01:00
    // tag::mock-listener[]
    AlarmListener listener = mock(AlarmListener.class);
    twin.cloudWatch().addAlarmListener(listener);
    twin.advance(ofMinutes(5));
    verify(listener).stateChanged(eq(alarm), eq(OK), eq(ALARM), startsWith("Threshold Crossed"));
    // end::mock-listener[]
  }

  // tag::report[]
  @Test
  void scalesOut(CloudTwin twin, TwinReport report) {
    report.metric(MetricId.of("App", "Latency")).write();
  }
  // end::report[]
}

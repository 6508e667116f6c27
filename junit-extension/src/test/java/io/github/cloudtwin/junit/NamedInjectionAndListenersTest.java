package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.AlarmListener;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.mockito.InOrder;

/** Resources injected by name, and Mockito mocks registered as listeners on the injected twin. */
class NamedInjectionAndListenersTest {

  static final MetricId LOAD = MetricId.of("App", "Load");

  @Test
  void injectsAlarmsAndGroupsByNameAndVerifiesMockListeners() {
    EngineExecutionResults r = Kit.run(Named.class);
    r.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
  }

  @Test
  void anUnknownAlarmNameListsTheAlarmsAndSaysWhereToCreateIt() {
    EngineExecutionResults r = Kit.run(UnknownAlarm.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (MetricAlarm) of UnknownAlarm.test(..): the twin has no"
                + " alarm named \"cpu-hgih\" (it has [load-high]). Create it before the test runs, in a"
                + " @CloudTwinSetup method taking CloudTwin, or fix the name.");
  }

  @Test
  void aNamedTypeWithoutANameSaysHowToNameIt() {
    EngineExecutionResults r = Kit.run(UnnamedAlarm.class);
    assertThat(Kit.onlyFailureMessage(r.testEvents()))
        .isEqualTo(
            "CloudTwin cannot inject parameter 0 (MetricAlarm) of UnnamedAlarm.test(..): a MetricAlarm is"
                + " found by name; write @FromTwin(\"its-name\") MetricAlarm.");
  }

  static void createAlarm(CloudTwin twin) {
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("load-high")
                .metric(LOAD)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build());
  }

  @Fixture
  @CloudTwinTest
  static class Named {
    @FromTwin("load-high")
    MetricAlarm fieldAlarm;

    @CloudTwinSetup
    static void setup(CloudTwin twin) {
      createAlarm(twin);
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(1)
                  .maxSize(4)
                  .availabilityZones("us-east-1a")
                  .build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").build());
    }

    @Test
    void servicesByTypeAndTargetGroupByName(
        CloudTwin twin,
        AutoScaling autoScaling,
        LoadBalancing loadBalancing,
        @FromTwin("web-tg") TargetGroup group) {
      assertSame(twin.autoScaling(), autoScaling);
      assertSame(twin.loadBalancing(), loadBalancing);
      assertEquals("web-tg", group.name());
    }

    @Test
    void alarmByName(@FromTwin("load-high") MetricAlarm alarm, CloudTwin twin) {
      assertSame(twin.cloudWatch().alarm("load-high"), alarm);
      assertSame(alarm, fieldAlarm);
    }

    @Test
    void groupByName(@FromTwin("web") AutoScalingGroup group) {
      assertEquals("web", group.name());
    }

    @Test
    void mockListenersAreToldAboutAlarmTransitionsAndTimelineEvents(
        CloudTwin twin, @FromTwin("load-high") MetricAlarm alarm) {
      AlarmListener listener = mock(AlarmListener.class);
      @SuppressWarnings("unchecked")
      Consumer<TimelineEvent> timeline = mock(Consumer.class);
      twin.cloudWatch().addAlarmListener(listener);
      twin.timeline().addListener(timeline);
      twin.cloudWatch()
          .inject(
              MetricInjection.metric(LOAD)
                  .between(Duration.ZERO, Duration.ofMinutes(4))
                  .series(50, 90, 40, 40));
      twin.advance(Duration.ofMinutes(5));

      InOrder order = inOrder(listener);
      order
          .verify(listener)
          .stateChanged(
              eq(alarm),
              eq(AlarmState.INSUFFICIENT_DATA),
              eq(AlarmState.OK),
              startsWith("Threshold Crossed: 1 datapoint [50.0"));
      order
          .verify(listener)
          .stateChanged(
              eq(alarm),
              eq(AlarmState.OK),
              eq(AlarmState.ALARM),
              startsWith("Threshold Crossed: 1 datapoint [90.0"));
      order
          .verify(listener)
          .stateChanged(eq(alarm), eq(AlarmState.ALARM), eq(AlarmState.OK), any());
      verify(listener, never()).stateChanged(any(), any(), eq(AlarmState.INSUFFICIENT_DATA), any());
      verify(timeline)
          .accept(
              argThat(
                  e ->
                      e.resource().equals("alarm/load-high")
                          && e.message().startsWith("OK -> ALARM")));
    }
  }

  @Fixture
  @CloudTwinTest
  static class UnknownAlarm {
    @CloudTwinSetup
    static void setup(CloudTwin twin) {
      createAlarm(twin);
    }

    @Test
    void test(@FromTwin("cpu-hgih") MetricAlarm alarm) {}
  }

  @Fixture
  @CloudTwinTest
  static class UnnamedAlarm {
    @Test
    void test(MetricAlarm alarm) {}
  }
}

package io.github.cloudtwin.assertj;

import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.kernel.Timeline;
import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ soft assertions with CloudTwin's entry points: every failure is collected and reported
 * together by {@link #assertAll()}. One instance per test; not thread-safe.
 */
public class CloudTwinSoftAssertions extends SoftAssertions {

  /** Soft assertions on a twin's timeline. */
  public TimelineAssert assertThat(Timeline actual) {
    return proxy(TimelineAssert.class, Timeline.class, actual);
  }

  /** Soft assertions on an alarm; add {@code .in(twin)} for offsets and timeline slices. */
  public MetricAlarmAssert assertThat(MetricAlarm actual) {
    return proxy(MetricAlarmAssert.class, MetricAlarm.class, actual);
  }

  /** Soft assertions on an instance; add {@code .in(twin)} for timeline slices in failures. */
  public InstanceAssert assertThat(Instance actual) {
    return proxy(InstanceAssert.class, Instance.class, actual);
  }
}

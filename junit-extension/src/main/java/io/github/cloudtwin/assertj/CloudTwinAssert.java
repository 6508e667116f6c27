package io.github.cloudtwin.assertj;

import io.github.cloudtwin.CloudTwin;
import org.assertj.core.api.AbstractObjectAssert;

/** The way into assertions on a twin's resources, with the twin's timeline attached. */
public class CloudTwinAssert extends AbstractObjectAssert<CloudTwinAssert, CloudTwin> {

  /** Assertions on {@code actual}. */
  public CloudTwinAssert(CloudTwin actual) {
    super(actual, CloudTwinAssert.class);
  }

  /** Assertions on the timeline. */
  public TimelineAssert timeline() {
    isNotNull();
    return new TimelineAssert(actual.timeline());
  }

  /** Assertions on the alarm with that name. */
  public MetricAlarmAssert alarm(String alarmName) {
    isNotNull();
    return new MetricAlarmAssert(actual.cloudWatch().alarm(alarmName)).in(actual);
  }

  /** Assertions on the instance with that id. */
  public InstanceAssert instance(String instanceId) {
    isNotNull();
    return new InstanceAssert(actual.ec2().instance(instanceId)).in(actual);
  }
}

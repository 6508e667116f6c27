package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldBeInZone.shouldBeInZone;
import static io.github.cloudtwin.assertj.error.ShouldBeRunning.shouldBeRunning;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.kernel.Timeline;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/** Assertions on an EC2 {@link Instance}; failures show the instance's timeline. */
@API(status = API.Status.STABLE, since = "0.1.0")
public class InstanceAssert extends AbstractObjectAssert<InstanceAssert, Instance> {

  private @Nullable Timeline timeline;

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public InstanceAssert(@Nullable Instance actual) {
    super(actual, InstanceAssert.class);
  }

  /**
   * Uses {@code twin}'s timeline to explain failures (the instance's own by default).
   *
   * @param twin uses {@code twin}'s timeline to explain failures (the instance's own by default)
   * @return this assertion
   */
  public InstanceAssert in(CloudTwin twin) {
    this.timeline = twin.timeline();
    return myself;
  }

  /**
   * Verifies that the instance is running and answering (status checks pass).
   *
   * @return this assertion
   */
  public InstanceAssert isRunning() {
    isNotNull();
    if (actual.state() != InstanceState.RUNNING) {
      throw EqualityFailure.of(
          info, shouldBeRunning(actual, timeline()), InstanceState.RUNNING, actual.state());
    }
    return myself;
  }

  /**
   * Verifies that the instance is in {@code zone}.
   *
   * @param zone verifies that the instance is in {@code zone}
   * @return this assertion
   */
  public InstanceAssert isInZone(String zone) {
    isNotNull();
    if (!actual.availabilityZone().equals(zone)) {
      throw EqualityFailure.of(
          info, shouldBeInZone(actual, zone, timeline()), zone, actual.availabilityZone());
    }
    return myself;
  }

  /**
   * The timeline to quote: {@code in(twin)}'s, else the instance's own (after {@code isNotNull()}).
   */
  private Timeline timeline() {
    return timeline != null ? timeline : actual.timeline();
  }
}

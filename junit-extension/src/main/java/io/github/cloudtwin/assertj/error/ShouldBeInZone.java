package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.kernel.Timeline;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** An instance is in another zone than expected. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldBeInZone extends CloudTwinErrorMessage {

  private ShouldBeInZone(String text) {
    super(text);
  }

  /**
   * The failure message of {@code shouldBeInZone}.
   *
   * @param timeline the twin's timeline, or null when the assertion has none
   * @param instance the instance
   * @param zone the zone
   * @return the failure message
   */
  public static ShouldBeInZone shouldBeInZone(
      Instance instance, String zone, @Nullable Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting instance ")
        .append(instance.instanceId())
        .append(" to be in ")
        .append(zone)
        .append('\n');
    sb.append("but it is in ").append(instance.availabilityZone()).append(".\n");
    if (timeline != null) {
      sb.append(TimelineSlice.about(timeline, "instance/" + instance.instanceId()));
    }
    return new ShouldBeInZone(sb.toString().stripTrailing());
  }
}

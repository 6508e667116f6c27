package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** The timeline has no event of a resource with a message at a virtual offset. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveEventAt extends CloudTwinErrorMessage {

  private ShouldHaveEventAt(String text) {
    super(text);
  }

  /**
   * The failure message of {@code shouldHaveEventAt}.
   *
   * @param nearestMiss the matching event closest in time, or null when there is none
   * @param timeline the timeline
   * @param offset the offset
   * @param resource the resource
   * @param fragment the fragment
   * @return the failure message
   */
  public static ShouldHaveEventAt shouldHaveEventAt(
      Timeline timeline,
      Duration offset,
      String resource,
      String fragment,
      @Nullable TimelineEvent nearestMiss) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting an event of ")
        .append(resource)
        .append(" containing \"")
        .append(fragment)
        .append("\" at ")
        .append(TimelineFormat.offset(offset))
        .append(" (virtual time)\n");
    sb.append(
        nearestMiss == null
            ? "but there was no such event at all.\n"
            : "but there was none at that time.\n");
    sb.append(TimelineSlice.about(timeline, resource));
    if (nearestMiss != null) {
      Duration off = Duration.between(timeline.t0(), nearestMiss.time());
      sb.append("Closest: ")
          .append(nearestMiss.format(timeline.t0()))
          .append("  (")
          .append(TimelineSlice.relative(off.minus(offset)))
          .append(")\n");
    }
    return new ShouldHaveEventAt(sb.toString().stripTrailing());
  }
}

package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.assertj.EventPattern;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** The timeline lacks a sequence of events in order. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldContainEventsInOrder extends CloudTwinErrorMessage {

  private ShouldContainEventsInOrder(String text) {
    super(text);
  }

  /**
   * The failure message of {@code shouldContainInOrder}.
   *
   * @param matched the events matched so far, one per pattern from the first
   * @param nearestMiss the event closest to the first unmatched pattern, or null
   * @param timeline the timeline
   * @param patterns the patterns
   * @return the failure message
   */
  public static ShouldContainEventsInOrder shouldContainInOrder(
      Timeline timeline,
      List<EventPattern> patterns,
      List<TimelineEvent> matched,
      @Nullable TimelineEvent nearestMiss) {
    Instant t0 = timeline.t0();
    StringBuilder sb = new StringBuilder("Expecting the timeline to contain, in order:\n");
    for (int i = 0; i < patterns.size(); i++) {
      sb.append("  ").append(i + 1).append(". ").append(patterns.get(i));
      if (i < matched.size()) {
        sb.append("  (found: #")
            .append(matched.get(i).id())
            .append(" at ")
            .append(TimelineSlice.offset(t0, matched.get(i).time()))
            .append(')');
      }
      sb.append('\n');
    }
    int missing = matched.size();
    if (missing == 0) {
      sb.append("but no event matched 1.\n");
    } else {
      TimelineEvent last = matched.get(missing - 1);
      sb.append("but no event after ")
          .append(TimelineSlice.offset(t0, last.time()))
          .append(" (#")
          .append(last.id())
          .append(") matched ")
          .append(missing + 1)
          .append(".\n");
    }
    sb.append(
        TimelineSlice.of(timeline, e -> patterns.stream().anyMatch(p -> p.matchesResource(e))));
    if (nearestMiss != null) {
      sb.append("Closest to ")
          .append(missing + 1)
          .append(".: #")
          .append(nearestMiss.id())
          .append(' ')
          .append(nearestMiss.format(t0))
          .append("  (");
      if (patterns.get(missing).matches(nearestMiss)) {
        sb.append("it matches, but happened before ").append(missing).append('.');
      } else {
        sb.append(patterns.get(missing).mismatch(nearestMiss));
      }
      sb.append(")\n");
    }
    return new ShouldContainEventsInOrder(sb.toString().stripTrailing());
  }
}

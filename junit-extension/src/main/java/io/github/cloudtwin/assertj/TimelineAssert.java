package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldContainEventsInOrder.shouldContainInOrder;
import static io.github.cloudtwin.assertj.error.ShouldHaveEventAt.shouldHaveEventAt;

import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/** Assertions on a twin's {@link Timeline}; failures show the slice of the timeline in question. */
@API(status = API.Status.STABLE, since = "0.1.0")
public class TimelineAssert extends AbstractObjectAssert<TimelineAssert, Timeline> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public TimelineAssert(@Nullable Timeline actual) {
    super(actual, TimelineAssert.class);
  }

  /**
   * Verifies that events matching {@code patterns} happened in this order (others may be between).
   *
   * @param patterns verifies that events matching {@code patterns} happened in this order (others
   *     may be between)
   * @return this assertion
   */
  public TimelineAssert containsInOrder(EventPattern... patterns) {
    isNotNull();
    if (patterns == null || patterns.length == 0) {
      throw new io.github.cloudtwin.kernel.ValidationException(
          "patterns",
          patterns == null ? null : "none",
          "at least one EventPattern (with none the assertion would pass whatever happened)");
    }
    List<EventPattern> expected = List.of(patterns);
    List<TimelineEvent> events = actual.events();
    List<TimelineEvent> matched = new ArrayList<>();
    int from = 0;
    for (EventPattern p : expected) {
      TimelineEvent found = null;
      for (int i = from; i < events.size(); i++) {
        if (p.matches(events.get(i))) {
          found = events.get(i);
          from = i + 1;
          break;
        }
      }
      if (found == null) {
        throw assertionError(
            shouldContainInOrder(actual, expected, matched, nearestMiss(p, events, from)));
      }
      matched.add(found);
    }
    return this;
  }

  private static @Nullable TimelineEvent nearestMiss(
      EventPattern p, List<TimelineEvent> events, int from) {
    for (int i = from - 1; i >= 0; i--) {
      if (p.matches(events.get(i))) return events.get(i); // it happened, but too early
    }
    TimelineEvent best = null;
    int bestScore = -1;
    for (TimelineEvent e : events) {
      int c = p.closeness(e);
      if (c >= bestScore && c >= 0) {
        best = e;
        bestScore = c;
      }
    }
    return best;
  }

  /**
   * Verifies that an event of {@code resource} whose message contains {@code messageFragment}
   * happened exactly {@code offset} after the twin's start.
   *
   * @param offset the offset
   * @param resource the resource
   * @param messageFragment the message fragment
   * @return this assertion
   */
  public TimelineAssert hasEventAt(Duration offset, String resource, String messageFragment) {
    isNotNull();
    EventPattern p = EventPattern.event(resource, messageFragment);
    TimelineEvent closest = null;
    Duration closestDistance = null;
    for (TimelineEvent e : actual.events()) {
      if (!p.matches(e)) continue;
      Duration at = Duration.between(actual.t0(), e.time());
      if (at.equals(offset)) return this;
      Duration distance = at.minus(offset).abs();
      if (closestDistance == null || distance.compareTo(closestDistance) < 0) {
        closest = e;
        closestDistance = distance;
      }
    }
    throw assertionError(shouldHaveEventAt(actual, offset, resource, messageFragment, closest));
  }
}

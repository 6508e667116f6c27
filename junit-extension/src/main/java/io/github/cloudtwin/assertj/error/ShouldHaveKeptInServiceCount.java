package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** An Auto Scaling group had fewer InService instances than a minimum during a window. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveKeptInServiceCount extends CloudTwinErrorMessage {

  private ShouldHaveKeptInServiceCount(String text) {
    super(text);
  }

  /**
   * The lowest InService count in a window and when it was first reached, replayed from the group's
   * {@code LifecycleStateChanged} facts (the count after all events of an instant).
   *
   * @param lowest the lowest InService count in the window
   * @param at when it was first reached
   * @param backAt when the count was again at least the minimum, or null if never in the window
   */
  public record Dip(int lowest, Instant at, @Nullable Instant backAt) {}

  /**
   * The lowest InService count of the group in {@code [from, to]}.
   *
   * @param group the group
   * @param minimum the minimum (when the count recovers to it)
   * @param from the window's start (offset from the twin's start)
   * @param to the window's end (offset from the twin's start)
   * @return the dip
   */
  public static Dip lowest(AutoScalingGroup group, int minimum, Duration from, Duration to) {
    Timeline timeline = group.timeline();
    Instant start = timeline.t0().plus(from);
    Instant end = timeline.t0().plus(to);
    List<TimelineEvent> events = timeline.events(AutoScalingFact.LifecycleStateChanged.class);
    int count = 0;
    int i = 0;
    for (; i < events.size() && !events.get(i).time().isAfter(start); i++)
      count += delta(group, events.get(i));
    int lowest = count;
    Instant at = start;
    Instant backAt = null;
    while (i < events.size() && !events.get(i).time().isAfter(end)) {
      Instant t = events.get(i).time();
      for (; i < events.size() && events.get(i).time().equals(t); i++)
        count += delta(group, events.get(i));
      if (count < lowest) {
        lowest = count;
        at = t;
        backAt = null;
      } else if (lowest < minimum && backAt == null && count >= minimum) {
        backAt = t;
      }
    }
    return new Dip(lowest, at, backAt);
  }

  private static int delta(AutoScalingGroup group, TimelineEvent e) {
    AutoScalingFact.LifecycleStateChanged c =
        e.fact(AutoScalingFact.LifecycleStateChanged.class).orElseThrow();
    if (!c.groupName().equals(group.name()) || c.from() == c.to()) return 0;
    if (c.to() == LifecycleState.IN_SERVICE) return 1;
    return c.from() == LifecycleState.IN_SERVICE ? -1 : 0;
  }

  /**
   * The message.
   *
   * @param group the group
   * @param minimum the minimum
   * @param from the window's start
   * @param to the window's end
   * @param dip the lowest count seen
   * @return the message
   */
  public static ShouldHaveKeptInServiceCount shouldHaveKeptInServiceCount(
      AutoScalingGroup group, int minimum, Duration from, Duration to, Dip dip) {
    Timeline timeline = group.timeline();
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to keep at least ")
        .append(minimum)
        .append(" InService instances from ")
        .append(TimelineSlice.offset(timeline.t0(), timeline.t0().plus(from)))
        .append(" to ")
        .append(TimelineSlice.offset(timeline.t0(), timeline.t0().plus(to)))
        .append('\n');
    sb.append("but it had ")
        .append(dip.lowest())
        .append(" at ")
        .append(ScalingFacts.at(timeline, dip.at()))
        .append(
            dip.backAt() == null
                ? " and did not recover in the window"
                : " and was back to " + minimum + " at " + ScalingFacts.at(timeline, dip.backAt()))
        .append(".\n");
    sb.append(
        TimelineSlice.of(
            timeline,
            e ->
                !e.time().isAfter(dip.at())
                    && (e.resource().equals("group/" + group.name())
                        || e.fact() instanceof AutoScalingFact.LifecycleStateChanged l
                            && l.groupName().equals(group.name())
                        || e.fact() instanceof Ec2Fact.SpotInterruptionNoticed
                        || e.fact() instanceof Ec2Fact.SpotInstanceInterrupted
                        || e.fact() instanceof Ec2Fact.RebalanceRecommended)));
    return new ShouldHaveKeptInServiceCount(sb.toString().stripTrailing());
  }
}

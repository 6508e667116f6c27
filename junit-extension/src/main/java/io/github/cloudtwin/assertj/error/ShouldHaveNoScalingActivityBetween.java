package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingActivity;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.util.List;
import org.apiguardian.api.API;

/** An Auto Scaling group had scaling activities in a window that should have none. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldHaveNoScalingActivityBetween extends CloudTwinErrorMessage {

  private ShouldHaveNoScalingActivityBetween(String text) {
    super(text);
  }

  /**
   * The window ends after the twin's current time: "no activity" cannot be told yet.
   *
   * @param group the group
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @return the window ends after the twin's current time: "no activity" cannot be told yet
   */
  public static ShouldHaveNoScalingActivityBetween windowNotOver(
      AutoScalingGroup group, java.time.Duration from, java.time.Duration to) {
    java.time.Duration now =
        java.time.Duration.between(group.timeline().t0(), group.timeline().now());
    return new ShouldHaveNoScalingActivityBetween(
        "Expecting Auto Scaling group "
            + ScalingFacts.quoted(group.name())
            + " to have no scaling activity between "
            + TimelineFormat.offset(from)
            + " and "
            + TimelineFormat.offset(to)
            + "\n"
            + "but the twin's clock is at "
            + TimelineFormat.offset(now)
            + ": the rest of the window has not happened yet"
            + " (advance the twin past "
            + TimelineFormat.offset(to)
            + " first).");
  }

  /**
   * The message.
   *
   * @param group the group
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @param inWindow the in window
   * @return the message
   */
  public static ShouldHaveNoScalingActivityBetween shouldHaveNoScalingActivityBetween(
      AutoScalingGroup group,
      java.time.Duration from,
      java.time.Duration to,
      List<ScalingActivity> inWindow) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to have no scaling activity between ")
        .append(TimelineFormat.offset(from))
        .append(" and ")
        .append(TimelineFormat.offset(to))
        .append('\n');
    sb.append("but it started ")
        .append(inWindow.size())
        .append(inWindow.size() == 1 ? " activity:\n" : " activities:\n");
    for (ScalingActivity a : inWindow) {
      sb.append("  ")
          .append(ScalingFacts.at(group.timeline(), a.startTime()))
          .append("  ")
          .append(a.description())
          .append('\n');
    }
    ScalingActivity first = inWindow.get(0);
    sb.append(TimelineSlice.of(group.timeline(), e -> e.id() == first.timelineEventId()));
    return new ShouldHaveNoScalingActivityBetween(sb.toString().stripTrailing());
  }
}

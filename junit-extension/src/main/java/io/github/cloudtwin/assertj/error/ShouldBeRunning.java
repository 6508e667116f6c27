package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** An instance is not running, or runs but does not answer. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldBeRunning extends CloudTwinErrorMessage {

  private ShouldBeRunning(String text) {
    super(text);
  }

  /**
   * The failure message of {@code shouldBeRunning}.
   *
   * @param timeline the twin's timeline, or null when the assertion has none
   * @param instance the instance
   * @return the failure message
   */
  public static ShouldBeRunning shouldBeRunning(Instance instance, @Nullable Timeline timeline) {
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting instance ").append(instance).append(" to be running\n");
    sb.append("but it is ").append(instance.state());
    if (timeline != null) {
      sb.append(" (since ")
          .append(TimelineSlice.offset(timeline.t0(), instance.stateSince()))
          .append(")");
    } else {
      sb.append(" (since ").append(instance.stateSince()).append(")");
    }
    sb.append(".\n");
    if (timeline != null) {
      String resource = "instance/" + instance.instanceId();
      sb.append(TimelineSlice.about(timeline, resource));
      List<TimelineEvent> events = timeline.eventsOf(resource);
      TimelineEvent wasRunning = null;
      TimelineEvent after = null;
      for (TimelineEvent e : events) {
        if (!(e.fact() instanceof Ec2Fact.InstanceStateChanged s)) continue;
        if (s.to() == InstanceState.RUNNING) {
          wasRunning = e;
          after = null;
        } else if (wasRunning != null && after == null) {
          after = e;
        }
      }
      if (wasRunning != null) {
        sb.append("It was running from ")
            .append(TimelineSlice.offset(timeline.t0(), wasRunning.time()));
        if (after != null)
          sb.append(" to ").append(TimelineSlice.offset(timeline.t0(), after.time()));
        sb.append(".\n");
      }
    }
    return new ShouldBeRunning(sb.toString().stripTrailing());
  }
}

package io.github.cloudtwin.report;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An event drawn on the charts: an alarm transition, a policy execution, a scaling activity, a
 * health transition, a deployment or an injected fault. Events of one kind closer together than a
 * few pixels share one marker, which lists them all; none is dropped.
 *
 * @param kind the lane the marker is drawn in
 * @param tone whether it reads as trouble, recovery or neither
 * @param offset virtual time since the twin's start of the first event
 * @param eventIds the timeline ids of the events it stands for, in order (at least one; immutable)
 * @param text what happened and the first event's cause chain, for the tooltip
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Marker(Kind kind, Tone tone, Duration offset, List<Long> eventIds, String text) {

  /**
   * Validates and copies.
   *
   * @param kind the lane the marker is drawn in
   * @param tone whether it reads as trouble, recovery or neither
   * @param offset virtual time since the twin's start of the first event
   * @param eventIds the timeline ids of the events it stands for, in order (at least one;
   *     immutable)
   * @param text what happened and the first event's cause chain, for the tooltip
   */
  public Marker {
    Require.notNull("kind", kind);
    Require.notNull("tone", tone);
    Require.notNull("offset", offset);
    eventIds = Require.elements("eventIds", eventIds);
    if (eventIds.isEmpty())
      throw new ValidationException("eventIds", eventIds, "at least one timeline event id");
    Require.notNull("text", text);
  }

  /**
   * The lane a fact's event is drawn in, or empty when the charts do not mark it.
   *
   * @param fact the fact
   * @return the lane a fact's event is drawn in, or empty when the charts do not mark it
   */
  public static java.util.Optional<Kind> kindOf(io.github.cloudtwin.facts.Fact fact) {
    Markers.Classified c = Markers.classify(Require.notNull("fact", fact));
    return c == null ? java.util.Optional.empty() : java.util.Optional.of(c.kind());
  }

  /** {@return the timeline id of the first event, the row a click jumps to} */
  public long firstEventId() {
    return eventIds.get(0);
  }

  /** The lanes of markers, top to bottom. */
  public enum Kind {
    /** Alarm state changes (metric and composite alarms). */
    ALARM("alarms"),
    /** Policy executions, service scaling activities, managed scaling, scheduled actions. */
    POLICY("policies"),
    /** Auto Scaling activities (launches and terminations; failures). */
    ACTIVITY("activities"),
    /** Target and task health transitions, instances marked unhealthy. */
    HEALTH("health"),
    /** ECS deployments and rollbacks, launch template updates. */
    DEPLOYMENT("deploys"),
    /**
     * Injected faults: zone outages, crashes, Spot interruptions, metric injections and gaps,
     * capacity shortages, experiment actions (start, end) and stop conditions.
     */
    FAULT("faults");

    private final String lane;

    Kind(String lane) {
      this.lane = lane;
    }

    /** {@return the lane's label} */
    public String lane() {
      return lane;
    }

    /** {@return the CSS class of the kind, such as {@code marker-alarm}} */
    public String cssClass() {
      return "marker-" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How a marker reads. */
  public enum Tone {
    /** Trouble: an alarm fired, a target became unhealthy, a zone failed. */
    BAD,
    /** Recovery: back to OK, healthy, restored. */
    GOOD,
    /** Neither: an action taken. */
    NEUTRAL;

    /** {@return the CSS class of the tone, such as {@code tone-bad}} */
    public String cssClass() {
      return "tone-" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

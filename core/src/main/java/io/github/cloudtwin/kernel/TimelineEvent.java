package io.github.cloudtwin.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One state change in a twin: when it happened (virtual time), to which resource, what kind of
 * change, a human message in AWS's words where AWS has them, structured details, and the id of the
 * event that caused it.
 *
 * @param id unique and increasing within one twin, starting at 1
 * @param time the virtual instant of the change
 * @param resource the resource, as {@code type/name} (for instance {@code alarm/cpu-high})
 * @param kind what happened, a short stable word such as {@code state-change} or {@code launch}
 * @param message the human-readable sentence
 * @param details structured facts (immutable, insertion-ordered)
 * @param causeId the id of the event that caused this one, or 0 when it has no recorded cause
 */
public record TimelineEvent(
    long id,
    Instant time,
    String resource,
    String kind,
    String message,
    Map<String, String> details,
    long causeId) {

  /**
   * Validates and copies the details.
   *
   * @param id unique and increasing within one twin, starting at 1
   * @param time the virtual instant of the change
   * @param resource the resource, as {@code type/name} (for instance {@code alarm/cpu-high})
   * @param kind what happened, a short stable word such as {@code state-change} or {@code launch}
   * @param message the human-readable sentence
   * @param details structured facts (immutable, insertion-ordered)
   * @param causeId the id of the event that caused this one, or 0 when it has no recorded cause
   */
  public TimelineEvent {
    Require.notNull("time", time);
    Require.notNull("resource", resource);
    Require.notNull("kind", kind);
    Require.notNull("message", message);
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }

  /** {@return the id of the causing event, if there is one} */
  public OptionalLong cause() {
    return causeId == 0 ? OptionalLong.empty() : OptionalLong.of(causeId);
  }

  /** {@return the resource's type: the part of {@link #resource()} before the first slash} */
  public String resourceType() {
    int slash = resource.indexOf('/');
    return slash < 0 ? resource : resource.substring(0, slash);
  }

  /** {@return the resource's name: the part of {@link #resource()} after the first slash} */
  public String resourceName() {
    int slash = resource.indexOf('/');
    return slash < 0 ? resource : resource.substring(slash + 1);
  }

  /**
   * Formats this event as one timeline line, with its offset from {@code t0}.
   *
   * @param t0 the instant offsets are measured from
   * @return the line, without a line break
   */
  public String format(Instant t0) {
    return TimelineFormat.offset(Duration.between(t0, time)) + "  " + resource + "  " + message;
  }
}

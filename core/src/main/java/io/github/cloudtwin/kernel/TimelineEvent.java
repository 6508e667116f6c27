package io.github.cloudtwin.kernel;

import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One state change in a twin: when it happened (virtual time), to which resource, what happened as
 * a typed {@link Fact}, and the id of the event that caused it. The kind, the human message (in
 * AWS's words where AWS has them) and the details are rendered from the fact, the message only when
 * someone reads it.
 *
 * <p>Immutable and safe to share between threads.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TimelineEvent {

  private final long id;
  private final Instant time;
  private final String resource;
  private final Fact fact;
  private final long causeId;
  private @Nullable String
      message; // rendered on first read; a benign race renders the same text twice

  /**
   * An event.
   *
   * @param id unique and increasing within one twin, starting at 1
   * @param time the virtual instant of the change
   * @param fact what happened
   * @param causeId the id of the event that caused this one, or 0 when it has no recorded cause
   */
  public TimelineEvent(long id, Instant time, Fact fact, long causeId) {
    this.id = id;
    this.time = Require.notNull("time", time);
    this.fact = Require.notNull("fact", fact);
    this.resource = Require.notNull("resource", fact.resource());
    Require.notNull("kind", fact.kind());
    this.causeId = causeId;
  }

  /** {@return unique and increasing within one twin, starting at 1} */
  public long id() {
    return id;
  }

  /** {@return the virtual instant of the change} */
  public Instant time() {
    return time;
  }

  /** {@return the resource, as {@code type/name} (for instance {@code alarm/cpu-high})} */
  public String resource() {
    return resource;
  }

  /** {@return what happened, a short stable word such as {@code state-change} or {@code launch}} */
  public String kind() {
    return fact.kind();
  }

  /** {@return what happened, as data: the payload every reader should use} */
  public Fact fact() {
    return fact;
  }

  /**
   * The fact, if it is of {@code type}.
   *
   * @param <T> the fact type
   * @param type the fact type, for instance {@code AutoScalingFact.DesiredCapacityChanged.class}
   * @return the fact, if it is of {@code type}
   */
  public <T extends Fact> Optional<T> fact(Class<T> type) {
    return type.isInstance(fact) ? Optional.of(type.cast(fact)) : Optional.empty();
  }

  /** {@return the human-readable sentence, rendered from the fact (for people, not for parsing)} */
  public String message() {
    String m = message;
    if (m == null) {
      m = Require.notNull("message", fact.message());
      message = m;
    }
    return m;
  }

  /** {@return structured facts as text (immutable, insertion-ordered), rendered from the fact} */
  public Map<String, String> details() {
    return fact.details();
  }

  /** {@return the id of the event that caused this one, or 0 when it has no recorded cause} */
  public long causeId() {
    return causeId;
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
    return TimelineFormat.offset(Duration.between(t0, time)) + "  " + resource + "  " + message();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimelineEvent e
        && id == e.id
        && causeId == e.causeId
        && time.equals(e.time)
        && resource.equals(e.resource)
        && fact.equals(e.fact);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, time, resource, fact, causeId);
  }

  @Override
  public String toString() {
    return "TimelineEvent[id="
        + id
        + ", time="
        + time
        + ", resource="
        + resource
        + ", kind="
        + kind()
        + ", message="
        + message()
        + ", details="
        + details()
        + ", causeId="
        + causeId
        + "]";
  }
}

package io.github.cloudtwin.internal.kernel;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apiguardian.api.API;

/**
 * The virtual clock of one twin: it starts at a fixed instant and moves only when the simulation
 * advances it.
 *
 * <p>{@link #asClock()} hands out a {@link java.time.Clock} view for code under test. The clock
 * never moves backwards; an attempt is refused with a message naming both instants.
 *
 * <p>Thread-safe: reads are lock-free, writes happen on the simulation under the kernel lock.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class VirtualClock {

  /** The earliest instant virtual time may stand at (the Unix epoch). */
  public static final Instant EARLIEST = Instant.EPOCH;

  /** The latest instant virtual time may reach: the end of year 9999, as AWS timestamps allow. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private final Instant start;
  private volatile Instant now;

  VirtualClock(Instant start) {
    this.start = requireInRange("startInstant", start);
    this.now = start;
  }

  /** {@return the instant the twin started at: offset zero of every timeline} */
  public Instant start() {
    return start;
  }

  /** {@return the current virtual instant} */
  public Instant now() {
    return now;
  }

  /**
   * The instant {@code duration} after now, or a ValidationException naming {@code field} when it
   * would pass {@link #LATEST} (overflow-safe: no ArithmeticException for any duration).
   *
   * @param field the field to name in the ValidationException
   * @param duration how far ahead
   * @return the instant
   */
  public Instant later(String field, Duration duration) {
    Require.notNegative(field, duration);
    Instant from = now;
    Duration room = Duration.between(from, LATEST);
    if (duration.compareTo(room) > 0) {
      throw new ValidationException(
          field,
          duration,
          "at most " + room + ", so that virtual time stays at or before " + LATEST);
    }
    return from.plus(duration);
  }

  /**
   * The instant, or a ValidationException when it is null or outside [EARLIEST, LATEST].
   *
   * @param field the field to name in the ValidationException
   * @param instant the instant
   * @return the instant
   */
  public static Instant requireInRange(String field, Instant instant) {
    Require.notNull(field, instant);
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new ValidationException(
          field, instant, "an instant between " + EARLIEST + " and " + LATEST);
    }
    return instant;
  }

  /** {@return virtual time elapsed since {@link #start()}} */
  public Duration elapsed() {
    return Duration.between(start, now);
  }

  /**
   * {@return a {@link Clock} in UTC that reads this virtual clock; give it to the code under test}
   */
  public Clock asClock() {
    return new View(ZoneOffset.UTC);
  }

  void moveTo(Instant target) {
    Require.notNull("instant", target);
    if (target.isBefore(now)) {
      throw new IllegalArgumentException(
          "Cannot move the virtual clock backwards: it is at "
              + now
              + " and was asked to move to "
              + target
              + " ("
              + Duration.between(target, now)
              + " earlier). Virtual time only moves forward.");
    }
    now = target;
  }

  private final class View extends Clock {
    private final ZoneId zone;

    View(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new View(Require.notNull("zone", newZone));
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public String toString() {
      return "VirtualClock[" + now + ", " + zone + "]";
    }
  }
}

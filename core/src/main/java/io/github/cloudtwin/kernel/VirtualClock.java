package io.github.cloudtwin.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The virtual clock of one twin: it starts at a fixed instant and moves only when the simulation
 * advances it.
 *
 * <p>{@link #asClock()} hands out a {@link java.time.Clock} view for code under test. The clock
 * never moves backwards; an attempt is refused with a message naming both instants.
 *
 * <p>Thread-safe: reads are lock-free, writes happen on the simulation under the kernel lock.
 */
public final class VirtualClock {

  private final Instant start;
  private volatile Instant now;

  VirtualClock(Instant start) {
    this.start = Require.notNull("startInstant", start);
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

package io.github.cloudtwin.realtime;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.kernel.VirtualClock;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Real-time mode: virtual time follows the wall clock at a chosen speed, so code that waits in real
 * time (plain Awaitility, HTTP clients, {@code Thread.sleep}) sees the twin move.
 *
 * <pre>{@code
 * RealTimeDriver.start(twin, 60); // one wall second = one virtual minute
 * await().atMost(5, SECONDS).until(() -> alarm.state() == ALARM);
 * }</pre>
 *
 * <p>A daemon thread advances the twin in small wall-clock steps; the driver is closed with the
 * twin. The test may still call {@code twin.advance(...)} itself: the driver never moves virtual
 * time backwards, it only catches up. This class is the one place in core that reads the wall clock
 * and sleeps. Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class RealTimeDriver implements AutoCloseable {

  /** The default wall-clock step between advances. */
  public static final Duration DEFAULT_STEP = Duration.ofMillis(5);

  /** The longest wall-clock step between advances. */
  public static final Duration MAX_STEP = Duration.ofDays(1);

  private final CloudTwin twin;
  private final double speed;
  private final long stepNanos;
  private final Thread thread;
  private final long wallStart;
  private final Instant virtualStart;
  private volatile boolean running = true;
  private volatile @Nullable Throwable failure;

  private RealTimeDriver(CloudTwin twin, double speed, Duration step) {
    this.twin = twin;
    this.speed = speed;
    this.stepNanos = step.toNanos();
    this.virtualStart = twin.now();
    this.wallStart = System.nanoTime();
    this.thread =
        new Thread(
            this::loop, "cloudtwin-realtime-" + Integer.toHexString(System.identityHashCode(twin)));
    this.thread.setDaemon(true);
  }

  /**
   * Starts driving {@code twin}: from now on, each wall-clock second advances virtual time by
   * {@code speed} seconds (1 = real time, 60 = a minute per second).
   *
   * @param twin the twin
   * @param speed the speed
   * @return the running driver; close it to stop
   */
  public static RealTimeDriver start(CloudTwin twin, double speed) {
    return start(twin, speed, DEFAULT_STEP);
  }

  /**
   * Starts driving {@code twin} at {@code speed}, advancing every {@code step} of wall time.
   *
   * @param twin the twin
   * @param speed the speed
   * @param step the step
   * @return the running driver; close it to stop
   */
  public static RealTimeDriver start(CloudTwin twin, double speed, Duration step) {
    Require.notNull("twin", twin);
    if (!(speed > 0) || Double.isInfinite(speed) || speed > 1_000_000) {
      throw new ValidationException("speed", speed, "a factor greater than 0 and at most 1000000");
    }
    Require.positive("step", step);
    if (step.compareTo(MAX_STEP) > 0) {
      throw new ValidationException("step", step, "positive and at most " + MAX_STEP);
    }
    Kernel.of(twin).checkOpen();
    RealTimeDriver d = new RealTimeDriver(twin, speed, step);
    twin.closeOnClose(d);
    d.thread.start();
    return d;
  }

  /** {@return the speed factor: virtual seconds per wall second} */
  public double speed() {
    return speed;
  }

  /** {@return whether the driver is still advancing the twin} */
  public boolean isRunning() {
    return running && failure == null;
  }

  /** {@return what stopped the driver early (an event that threw while it advanced), or null} */
  public @Nullable Throwable failure() {
    return failure;
  }

  private void loop() {
    while (running) {
      long wallElapsed = System.nanoTime() - wallStart;
      double virtualNanos = wallElapsed * speed;
      Duration room = Duration.between(virtualStart, VirtualClock.LATEST);
      Instant target =
          virtualNanos >= room.toSeconds() * 1e9
              ? VirtualClock.LATEST
              : virtualStart.plusNanos((long) virtualNanos);
      try {
        if (twin.isClosed()) {
          running = false;
          break;
        }
        // Check and advance under the simulation lock: a test thread advancing in between must
        // not make this advance move time backwards.
        twin.simulation()
            .run(
                () -> {
                  if (target.isAfter(twin.now())) twin.advanceTo(target);
                });
      } catch (RuntimeException | Error e) {
        if (!twin.isClosed()) {
          failure = e;
        }
        running = false;
        break;
      }
      LockSupport.parkNanos(stepNanos);
    }
  }

  /**
   * Stops advancing and waits for the driver thread to finish; rethrows (as an
   * IllegalStateException) what stopped it early, if anything. Idempotent.
   */
  @Override
  public void close() {
    running = false;
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable f = failure;
    if (f != null) {
      failure = null;
      throw new IllegalStateException("The real-time driver stopped early: " + f, f);
    }
  }

  @Override
  public String toString() {
    return "RealTimeDriver[speed " + speed + ", " + (isRunning() ? "running" : "stopped") + "]";
  }
}

package io.github.cloudtwin.spi;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * SPI: a twin's simulation as an extension sees it (a task runtime, an importer, an await helper):
 * its one lock and its virtual-clock scheduler. Get it from {@link CloudTwin#simulation()}. Tests
 * rarely need it: the services' own methods already run under the lock.
 *
 * <p>The simulation is single-threaded: work passed to {@link #run(Runnable)} or {@link
 * #call(Supplier)} runs under the twin's lock, so a caller on any thread sees and leaves the twin
 * consistent; several service calls in one {@code run} happen at one virtual instant, with nothing
 * in between.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface Simulation {

  /**
   * Runs {@code work} under the simulation lock.
   *
   * @param work the work
   * @throws io.github.cloudtwin.kernel.TwinClosedException once the twin is closed
   */
  void run(Runnable work);

  /**
   * Runs {@code work} under the simulation lock and returns its result.
   *
   * @param <T> the type of the result
   * @param work the work
   * @return its result
   * @throws io.github.cloudtwin.kernel.TwinClosedException once the twin is closed
   */
  <T> T call(Supplier<T> work);

  /**
   * Schedules {@code work} to run {@code delay} of virtual time from now, inside the simulation
   * (when the twin advances past it). Call it under the lock ({@link #run(Runnable)}) or from the
   * simulation itself (a listener).
   *
   * @param delay how long from now, zero or more
   * @param work the work
   */
  void after(Duration delay, Runnable work);

  /**
   * {@return whether the calling code runs inside the simulation (an event, listener or handler):
   * there, advancing the twin is refused, so an await helper must not wait for virtual time}
   */
  boolean isAdvancing();
}

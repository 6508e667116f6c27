package io.github.cloudtwin.await;

import org.apiguardian.api.API;

/**
 * An assertion for {@link VirtualAwait#untilAsserted(ThrowingRunnable)}: a block that may throw
 * anything, as Awaitility's interface of the same name (ours, so that no Awaitility is needed).
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1.0")
public interface ThrowingRunnable {

  /**
   * Runs the assertion.
   *
   * @throws Throwable an {@code AssertionError} for "not yet"; anything else ends the wait unless
   *     it is ignored
   */
  void run() throws Throwable;
}

package io.github.cloudtwin.await;

/**
 * An assertion for {@link VirtualAwait#untilAsserted(ThrowingRunnable)}: a block that may throw
 * anything, as Awaitility's interface of the same name (ours, so that no Awaitility is needed).
 */
@FunctionalInterface
public interface ThrowingRunnable {

  /**
   * Runs the assertion.
   *
   * @throws Throwable an {@code AssertionError} for "not yet"; anything else ends the wait unless
   *     it is ignored
   */
  void run() throws Throwable;
}

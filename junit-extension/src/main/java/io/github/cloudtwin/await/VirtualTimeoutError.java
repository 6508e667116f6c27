package io.github.cloudtwin.await;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A virtual-time wait failed: the AssertionError counterpart of Awaitility's {@code
 * ConditionTimeoutException}, thrown when the condition was not fulfilled (or did not hold for
 * {@code during}) within {@code atMost}, or was fulfilled before {@code atLeast}. Its message names
 * the alias, the virtual limits, the last failure and the slice of the timeline the wait covered;
 * its cause is the last exception the wait ignored, if the last failure was one.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class VirtualTimeoutError extends AssertionError {

  private static final long serialVersionUID = 1L;

  /**
   * An error with this message.
   *
   * @param message the message
   */
  public VirtualTimeoutError(String message) {
    super(message);
  }

  /**
   * An error with this message and cause.
   *
   * @param message the message
   * @param cause the last ignored exception, or null
   */
  public VirtualTimeoutError(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

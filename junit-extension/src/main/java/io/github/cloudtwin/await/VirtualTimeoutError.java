package io.github.cloudtwin.await;

/**
 * A virtual-time wait gave up: the AssertionError counterpart of Awaitility's {@code
 * ConditionTimeoutException}. Its message names the alias, the limit of virtual time, the last
 * assertion failure and the timeline.
 */
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
}

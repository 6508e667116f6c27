package io.github.cloudtwin.testcontainers;

/** A task's container could not be started (no such image, engine error, startup timeout). */
public final class ContainerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * With the explanation and the engine's error.
   *
   * @param message the message
   * @param cause the cause
   */
  public ContainerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

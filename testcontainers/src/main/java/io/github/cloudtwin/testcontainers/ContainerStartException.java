package io.github.cloudtwin.testcontainers;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** A task's container could not be started (no such image, engine error, startup timeout). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ContainerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * With the explanation and the engine's error.
   *
   * @param message the message
   * @param cause the cause
   */
  public ContainerStartException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

package io.github.cloudtwin.testcontainers;

import org.apiguardian.api.API;

/**
 * Docker was asked for (real containers as ECS tasks) but no usable Docker engine answers. The
 * message says what was tried and how to fix it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DockerUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * With the explanation.
   *
   * @param message the message
   */
  public DockerUnavailableException(String message) {
    super(message);
  }
}

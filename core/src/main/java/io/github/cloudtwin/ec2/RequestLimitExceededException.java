package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/**
 * EC2's {@code RequestLimitExceeded} error: a throttled API call ({@link
 * Ec2#throttleRunInstances}). Auto Scaling records it as a failed launch and retries.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class RequestLimitExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the error with EC2's message. */
  public RequestLimitExceededException() {
    super("RequestLimitExceeded: Request limit exceeded.");
  }
}

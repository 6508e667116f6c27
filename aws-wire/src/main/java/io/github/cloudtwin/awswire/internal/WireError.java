package io.github.cloudtwin.awswire.internal;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An error answered before or instead of an operation: AWS's error code, HTTP status and message,
 * and whether the sender (4xx) or AWS (5xx) is at fault.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public class WireError extends RuntimeException {

  private final int status;
  private final String code;

  /**
   * An error.
   *
   * @param status the HTTP status
   * @param code AWS's error code
   * @param message the message
   */
  public WireError(int status, String code, @Nullable String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** {@return the message, never null} */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? "" : message;
  }

  /** {@return the HTTP status} */
  public int status() {
    return status;
  }

  /** {@return AWS's error code} */
  public String code() {
    return code;
  }

  /**
   * {@return {@code Sender} for a 4xx status, {@code Receiver} otherwise (awsQuery's error type)}
   */
  public String type() {
    return status < 500 ? "Sender" : "Receiver";
  }
}

package io.github.cloudtwin.awssdk.internal.operations;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An error as an AWS service answers it: its error code (such as {@code ValidationError} or {@code
 * AlreadyExists}), HTTP status and message. Independent of the SDK: the client adapters turn it
 * into the SDK's modeled exception, a wire protocol into an error document.
 *
 * <p>Whenever this is thrown, nothing of the rejected call has been applied.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AwsErrorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** AWS's error code, such as {@code ValidationError}. */
  private final String errorCode;

  /** The HTTP status code AWS answers with. */
  private final int statusCode;

  /**
   * Creates the error.
   *
   * @param errorCode AWS's error code
   * @param statusCode the HTTP status AWS answers with
   * @param message AWS's message text (with the twin's detail where AWS gives none)
   */
  public AwsErrorException(String errorCode, int statusCode, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.statusCode = statusCode;
  }

  /** {@return AWS's message text; never null} */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "the constructor requires a message");
  }

  /** {@return AWS's error code, such as {@code ValidationError}} */
  public String errorCode() {
    return errorCode;
  }

  /** {@return the HTTP status code, such as 400} */
  public int statusCode() {
    return statusCode;
  }

  /**
   * A 400 error with {@code code}.
   *
   * @param code the code
   * @param message the message
   * @return a 400 error with {@code code}
   */
  public static AwsErrorException badRequest(String code, String message) {
    return new AwsErrorException(code, 400, message);
  }

  /**
   * AWS's "1 validation error detected" message for a request field that fails a modeled constraint
   * (checked by AWS before the operation runs).
   *
   * @param code the code
   * @param field the field
   * @param value the value
   * @param constraint the constraint
   * @return AWS's "1 validation error detected" message for a request field that fails a modeled
   *     constraint (checked by AWS before the operation runs)
   */
  public static AwsErrorException constraint(
      String code, String field, @Nullable Object value, String constraint) {
    String shown = value == null ? "null" : "'" + value + "'";
    return badRequest(
        code,
        "1 validation error detected: Value "
            + shown
            + " at '"
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }

  // toString() deliberately shows the code and status beside the message (getMessage() is AWS's
  // message alone, as the SDK's exception carries it).
  @SuppressWarnings("OverrideThrowableToString")
  @Override
  public String toString() {
    return "AwsErrorException[" + errorCode + ", " + statusCode + ": " + getMessage() + "]";
  }
}

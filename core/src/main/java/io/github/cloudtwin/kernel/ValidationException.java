package io.github.cloudtwin.kernel;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A rejected configuration or command, in the spirit of AWS's {@code ValidationError}: it names the
 * field, the value given and what is allowed.
 *
 * <p>Whenever this is thrown, nothing of the rejected call has been applied.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class ValidationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The AWS property name. */
  private final String field;

  private final transient @Nullable Object value;

  /** What would have been accepted. */
  private final String allowed;

  /**
   * Creates the exception.
   *
   * @param field the AWS property name, such as {@code desiredCapacity}
   * @param value the value that was given (may be null)
   * @param allowed what would have been accepted
   */
  public ValidationException(String field, @Nullable Object value, String allowed) {
    super(format(field, value, allowed));
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }

  /**
   * Creates the exception with AWS's own message text, when AWS documents one.
   *
   * @param field the AWS property name
   * @param value the value that was given (may be null)
   * @param allowed what would have been accepted
   * @param awsMessage the message text AWS answers with
   */
  public ValidationException(
      String field, @Nullable Object value, String allowed, String awsMessage) {
    super(awsMessage + " [" + format(field, value, allowed) + "]");
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }

  private static String format(String field, @Nullable Object value, String allowed) {
    String shown = value instanceof CharSequence ? "\"" + value + "\"" : Objects.toString(value);
    return "Invalid value " + shown + " for " + field + ": " + allowed;
  }

  /**
   * {@return the message: AWS's text when it has one, then the field, the value given and what is
   * allowed; never null}
   */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "every constructor sets the message");
  }

  /** {@return the name of the rejected field, as AWS calls it} */
  public String field() {
    return field;
  }

  /** {@return the rejected value; may be null} */
  public @Nullable Object value() {
    return value;
  }

  /** {@return what the field accepts} */
  public String allowed() {
    return allowed;
  }
}

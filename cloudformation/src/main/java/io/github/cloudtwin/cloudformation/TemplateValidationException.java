package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A template CloudFormation would reject, found before anything was created: it names the logical
 * id, the property (a path such as {@code Properties.MaxSize}) and the value. When this is thrown,
 * nothing of the stack exists in the twin.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class TemplateValidationException extends ValidationException {

  private static final long serialVersionUID = 1L;

  /** The resource, parameter, condition or output at fault; null for the template itself. */
  private final @Nullable String logicalId;

  /** The property path within it, such as {@code Properties.MaxSize}; may be null. */
  private final @Nullable String property;

  /**
   * Creates the exception.
   *
   * @param logicalId the resource, parameter, condition or output at fault; null for the template
   *     itself
   * @param property the property path within it, such as {@code Properties.MaxSize}; may be null
   * @param value the value given
   * @param allowed what CloudFormation (or the service) would have accepted
   */
  public TemplateValidationException(
      @Nullable String logicalId,
      @Nullable String property,
      @Nullable Object value,
      String allowed) {
    super(field(logicalId, property), value, allowed);
    this.logicalId = logicalId;
    this.property = property;
  }

  /**
   * Creates the exception with CloudFormation's or the service's own message text.
   *
   * @param logicalId the logical id
   * @param property the property
   * @param value the value
   * @param allowed the allowed
   * @param awsMessage the aws message
   */
  public TemplateValidationException(
      @Nullable String logicalId,
      @Nullable String property,
      @Nullable Object value,
      String allowed,
      String awsMessage) {
    super(field(logicalId, property), value, allowed, awsMessage);
    this.logicalId = logicalId;
    this.property = property;
  }

  private static String field(@Nullable String logicalId, @Nullable String property) {
    if (logicalId == null) return property == null ? "Template" : property;
    return property == null ? logicalId : logicalId + "." + property;
  }

  /** {@return the logical id at fault, or null when the template as a whole is} */
  public @Nullable String logicalId() {
    return logicalId;
  }

  /** {@return the property path within the logical id, or null} */
  public @Nullable String property() {
    return property;
  }
}

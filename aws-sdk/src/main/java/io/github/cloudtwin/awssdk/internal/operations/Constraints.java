package io.github.cloudtwin.awssdk.internal.operations;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * AWS's member constraints on request fields (a missing member, a name's length), answered as the
 * services answer them: a {@code ValidationError} naming the member, its value and the constraint.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Constraints {

  private Constraints() {}

  /**
   * {@code value}, or AWS's {@code ValidationError} when it is missing.
   *
   * @param field the member's name as AWS writes it in the message
   * @param value the member's value
   * @param <T> the member's type
   * @return {@code value}, never null
   */
  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw AwsErrorException.constraint("ValidationError", field, null, "Member must not be null");
    }
    return value;
  }

  static String requiredName(String field, String value, int maxLength) {
    required(field, value);
    if (value.isEmpty() || value.length() > maxLength) {
      throw AwsErrorException.constraint(
          "ValidationError", field, value, "Member must have length between 1 and " + maxLength);
    }
    return value;
  }
}

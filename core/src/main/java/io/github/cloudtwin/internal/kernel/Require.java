package io.github.cloudtwin.internal.kernel;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that fail the way AWS answers a bad request: a {@link ValidationException} naming
 * the field, the value and what is allowed.
 *
 * <p>Used by every service package; stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Require {

  private Require() {}

  /**
   * The value, or a ValidationException naming the field when it is null.
   *
   * @param <T> the type of the value
   * @param field the field
   * @param value the value
   * @return the value, or a ValidationException naming the field when it is null
   */
  public static <T> T notNull(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, null, "a value is required");
    }
    return value;
  }

  /**
   * The value, or a ValidationException when it is null or blank: for text that embeds names of any
   * length (a resource id, a chart title), where {@link #name} would cap it at 255.
   *
   * @param field the field
   * @param value the value
   * @return the value
   */
  public static String notBlank(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, value, "a non-blank value is required");
    }
    return value;
  }

  /**
   * The name, or a ValidationException when it is null or blank.
   *
   * @param field the field
   * @param value the value
   * @return the name, or a ValidationException when it is null or blank
   */
  public static String name(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, value, "a non-blank name is required");
    }
    if (value.length() > 255) {
      throw new ValidationException(field, value, "at most 255 characters are allowed");
    }
    return value;
  }

  /**
   * The value, or a ValidationException when it is outside [min, max].
   *
   * @param field the field
   * @param value the value
   * @param min the min
   * @param max the max
   * @return the value, or a ValidationException when it is outside [min, max]
   */
  public static int between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * The value, or a ValidationException when it is outside [min, max].
   *
   * @param field the field
   * @param value the value
   * @param min the min
   * @param max the max
   * @return the value, or a ValidationException when it is outside [min, max]
   */
  public static double between(String field, double value, double min, double max) {
    if (Double.isNaN(value) || value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * The value, or a ValidationException when it is negative.
   *
   * @param field the field
   * @param value the value
   * @return the value, or a ValidationException when it is negative
   */
  public static int notNegative(String field, int value) {
    if (value < 0) {
      throw new ValidationException(field, value, "must be 0 or greater");
    }
    return value;
  }

  /**
   * The value, or a ValidationException when it is NaN or infinite.
   *
   * @param field the field
   * @param value the value
   * @return the value, or a ValidationException when it is NaN or infinite
   */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new ValidationException(field, value, "must be a finite number");
    }
    return value;
  }

  /**
   * The duration, or a ValidationException when it is null or negative.
   *
   * @param field the field
   * @param value the value
   * @return the duration, or a ValidationException when it is null or negative
   */
  public static Duration notNegative(String field, @Nullable Duration value) {
    Duration given = notNull(field, value);
    if (given.isNegative()) {
      throw new ValidationException(field, given, "must be zero or positive");
    }
    return given;
  }

  /**
   * The duration, or a ValidationException when it is null, zero or negative.
   *
   * @param field the field
   * @param value the value
   * @return the duration, or a ValidationException when it is null, zero or negative
   */
  public static Duration positive(String field, @Nullable Duration value) {
    Duration given = notNull(field, value);
    if (given.isNegative() || given.isZero()) {
      throw new ValidationException(field, given, "must be positive");
    }
    return given;
  }

  /**
   * The largest number of seconds an AWS API field of type Integer can carry (2,147,483,647): the
   * bound of a seconds-valued field whose API reference gives no range.
   */
  public static final long INTEGER_SECONDS = Integer.MAX_VALUE;

  /**
   * The duration, or a ValidationException naming the field, the value and the allowed range when
   * it is null, not a whole number of seconds, or outside [{@code minSeconds}, {@code maxSeconds}]:
   * the one check behind every seconds-valued field of the specs (AWS's APIs carry them as an
   * Integer of seconds), so that no duration can overflow the arithmetic of virtual time.
   *
   * @param field the field, as AWS names it
   * @param value the value
   * @param minSeconds the smallest allowed number of seconds
   * @param maxSeconds the largest allowed number of seconds
   * @return the value
   */
  public static Duration seconds(
      String field, @Nullable Duration value, long minSeconds, long maxSeconds) {
    Duration given = notNull(field, value);
    long s = given.getSeconds();
    if (given.getNano() != 0 || s < minSeconds || s > maxSeconds) {
      throw new ValidationException(
          field,
          given,
          (minSeconds == 0 ? "must be zero or positive whole seconds" : "must be whole seconds")
              + " between "
              + minSeconds
              + " and "
              + maxSeconds
              + " seconds");
    }
    return given;
  }

  /**
   * The longest duration the twin's own duration fields accept: the whole range of virtual time.
   */
  public static final Duration LONGEST =
      Duration.between(VirtualClock.EARLIEST, VirtualClock.LATEST);

  /**
   * The duration, or a ValidationException naming the field, the value and the allowed range when
   * it is null or outside [{@code min}, {@code max}]: for the twin's own durations, which are not
   * AWS fields and may be fractions of a second (latencies, workload offsets).
   *
   * @param field the field
   * @param value the value
   * @param min the shortest allowed duration
   * @param max the longest allowed duration
   * @return the value
   */
  public static Duration between(
      String field, @Nullable Duration value, Duration min, Duration max) {
    Duration given = notNull(field, value);
    if (given.compareTo(min) < 0 || given.compareTo(max) > 0) {
      throw new ValidationException(field, given, "must be between " + min + " and " + max);
    }
    return given;
  }

  /**
   * An immutable copy of {@code values}, or a ValidationException naming {@code field} when the
   * array or one of its elements is null (the one check behind every varargs setter).
   *
   * @param <T> the element type
   * @param field the field
   * @param values the values
   * @return an immutable copy
   */
  @SafeVarargs
  public static <T> List<T> elements(String field, T... values) {
    notNull(field, values);
    List<T> list = new java.util.ArrayList<>(values.length);
    for (T v : values) list.add(v);
    return elements(field, list);
  }

  /**
   * An immutable copy of {@code values}, or a ValidationException when it or an element is null.
   *
   * @param <T> the element type
   * @param field the field
   * @param values the values
   * @return an immutable copy
   */
  public static <T> List<T> elements(String field, @Nullable Collection<? extends T> values) {
    Collection<? extends T> given = notNull(field, values);
    int i = 0;
    for (T v : given) {
      if (v == null) {
        throw new ValidationException(
            field,
            null,
            "a value is required (element " + (i + 1) + " of " + given.size() + " is null)");
      }
      i++;
    }
    return List.copyOf(given);
  }

  /**
   * The value, or a ValidationException when it is not one of {@code allowed}.
   *
   * @param <T> the type of the value
   * @param field the field
   * @param value the value
   * @param allowed the allowed
   * @return the value, or a ValidationException when it is not one of {@code allowed}
   */
  public static <T> T oneOf(String field, @Nullable T value, Collection<? extends T> allowed) {
    T given = notNull(field, value);
    if (!allowed.contains(given)) {
      throw new ValidationException(field, given, "must be one of " + allowed);
    }
    return given;
  }
}

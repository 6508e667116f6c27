package io.github.cloudtwin.awswire.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.apiguardian.api.API;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;

/** Scalars from and to text, as the query protocols and awsJson write them. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Scalars {

  private Scalars() {}

  /**
   * A scalar from its text.
   *
   * @param field the field (its marshalling type decides the conversion)
   * @param name the parameter's name, for the error
   * @param text the text
   * @param malformedCode the error code of a value of the wrong type
   * @return the value
   * @throws WireError when the text is not of the field's type
   */
  public static Object parse(SdkField<?> field, String name, String text, String malformedCode) {
    MarshallingKnownType type = field.marshallingType().getKnownType();
    try {
      return switch (type) {
        case STRING -> text;
        case INTEGER -> Integer.valueOf(text.trim());
        case LONG -> Long.valueOf(text.trim());
        case SHORT -> Short.valueOf(text.trim());
        case BYTE -> Byte.valueOf(text.trim());
        case DOUBLE -> Double.valueOf(text.trim());
        case FLOAT -> Float.valueOf(text.trim());
        case BIG_DECIMAL -> new BigDecimal(text.trim());
        case BOOLEAN -> parseBoolean(text);
        case INSTANT -> parseInstant(text.trim());
        case SDK_BYTES -> SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
        default ->
            throw new WireError(
                400, malformedCode, "Parameter " + name + " cannot be given as text");
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new WireError(
          400,
          malformedCode,
          "Value '" + text + "' for parameter " + name + " is invalid: expected " + describe(type));
    }
  }

  private static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
    if (text.equalsIgnoreCase("false")) return Boolean.FALSE;
    throw new IllegalArgumentException(text);
  }

  /**
   * A timestamp written as ISO 8601 or as epoch seconds.
   *
   * @param text the text
   * @return the instant
   */
  public static Instant parseInstant(String text) {
    if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) && !text.contains("-"))) {
      return epochSeconds(new BigDecimal(text));
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  /**
   * An instant from epoch seconds with a fraction.
   *
   * @param seconds the seconds since the epoch
   * @return the instant (to the nanosecond)
   */
  public static Instant epochSeconds(BigDecimal seconds) {
    BigDecimal whole = new BigDecimal(seconds.toBigInteger());
    return Instant.ofEpochSecond(
        whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValue());
  }

  /**
   * Epoch seconds with milliseconds, as awsJson writes timestamps.
   *
   * @param instant the instant
   * @return the seconds since the epoch
   */
  public static BigDecimal toEpochSeconds(Instant instant) {
    BigDecimal seconds =
        BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros();
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds; // 1767225600, never 1.7672256E+9
  }

  /**
   * A scalar as text (awsQuery XML, ISO 8601 timestamps, base64 blobs).
   *
   * @param value the value
   * @return its text
   */
  public static String text(Object value) {
    if (value instanceof Instant i) return i.toString();
    if (value instanceof SdkBytes b)
      return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
    if (value instanceof Double d
        && d == Math.rint(d)
        && !Double.isInfinite(d)
        && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue()) + ".0";
    }
    return String.valueOf(value);
  }

  static String describe(MarshallingKnownType type) {
    return switch (type) {
      case INTEGER, LONG, SHORT, BYTE -> "an integer";
      case DOUBLE, FLOAT, BIG_DECIMAL -> "a number";
      case BOOLEAN -> "true or false";
      case INSTANT -> "an ISO 8601 timestamp or epoch seconds";
      case SDK_BYTES -> "base64";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}

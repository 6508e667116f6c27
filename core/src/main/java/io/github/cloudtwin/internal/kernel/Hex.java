package io.github.cloudtwin.internal.kernel;

import org.apiguardian.api.API;

/**
 * Fixed-width lower-case hexadecimal and zero-padded decimal digits for generated ids, the same
 * characters as {@code String.format("%016x", v)} and {@code String.format("%019d", v)} without the
 * formatter's parsing on every id. Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Appends the low {@code digits} hexadecimal digits of {@code value}, most significant first.
   *
   * @param sb where to append
   * @param value the bits
   * @param digits how many digits (1 to 16); higher bits are dropped
   * @return {@code sb}
   */
  public static StringBuilder append(StringBuilder sb, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(DIGITS[(int) ((value >>> shift) & 0xf)]);
    }
    return sb;
  }

  /**
   * {@return the 16 hexadecimal digits of {@code value}, like {@code String.format("%016x",
   * value)}}
   *
   * @param value the bits
   */
  public static String of16(long value) {
    return append(new StringBuilder(16), value, 16).toString();
  }

  /**
   * {@return {@code value} in decimal, left-padded with zeros to {@code width} digits, like {@code
   * String.format("%0<width>d", value)} for a non-negative value}
   *
   * @param value a non-negative number
   * @param width the least number of digits
   */
  public static String zeroPadded(long value, int width) {
    if (value < 0) throw new IllegalArgumentException("value must not be negative: " + value);
    String digits = Long.toString(value);
    if (digits.length() >= width) return digits;
    StringBuilder sb = new StringBuilder(width);
    for (int i = digits.length(); i < width; i++) sb.append('0');
    return sb.append(digits).toString();
  }
}

package io.github.cloudtwin.elb;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.function.IntPredicate;

/** Parses success-code matchers ({@code 200}, {@code 200-399}, {@code 200,302}). */
final class Matcher {

  private Matcher() {}

  static IntPredicate parse(String text, int min, int max) {
    String allowed = "codes between " + min + " and " + max + " as 200, 200,302 or 200-399";
    if (text == null || text.isBlank())
      throw new ValidationException("Matcher.HttpCode", text, allowed);
    IntPredicate all = s -> false;
    for (String part : text.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      int lo;
      int hi;
      try {
        lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
        hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).trim());
      } catch (NumberFormatException e) {
        throw new ValidationException("Matcher.HttpCode", text, allowed);
      }
      if (lo < min || hi > max || lo > hi)
        throw new ValidationException("Matcher.HttpCode", text, allowed);
      int l = lo;
      int h = hi;
      IntPredicate prev = all;
      all = s -> prev.test(s) || (s >= l && s <= h);
    }
    return all;
  }
}

package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/** A five-field Unix cron expression in UTC, as scheduled actions take it. Immutable. */
final class Cron {

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean dayRestricted;
  private final boolean weekdayRestricted;

  private Cron(String[] f) {
    minutes = field(f[0], 0, 59);
    hours = field(f[1], 0, 23);
    days = field(f[2], 1, 31);
    months = field(f[3], 1, 12);
    weekdays = field(f[4].replace('7', '0'), 0, 6);
    dayRestricted = !f[2].equals("*");
    weekdayRestricted = !f[4].equals("*");
  }

  static Cron parse(String expression) {
    String[] f = expression == null ? new String[0] : expression.trim().split("\\s+");
    if (f.length != 5) {
      throw new ValidationException(
          "Recurrence",
          expression,
          "a Unix cron expression with 5 fields: minute hour day-of-month month day-of-week");
    }
    try {
      return new Cron(f);
    } catch (RuntimeException e) {
      throw new ValidationException(
          "Recurrence", expression, "a Unix cron expression (" + e.getMessage() + ")");
    }
  }

  private static BitSet field(String spec, int min, int max) {
    BitSet bits = new BitSet();
    for (String part : spec.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = Integer.parseInt(part.substring(slash + 1));
        range = part.substring(0, slash);
        if (step < 1) throw new IllegalArgumentException("step must be positive");
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = min;
        hi = max;
      } else if (range.contains("-")) {
        lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
        hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
      } else {
        lo = Integer.parseInt(range);
        hi = slash >= 0 ? max : lo;
      }
      if (lo < min || hi > max || lo > hi)
        throw new IllegalArgumentException(part + " is outside " + min + "-" + max);
      for (int v = lo; v <= hi; v += step) bits.set(v);
    }
    return bits;
  }

  private boolean dayMatches(LocalDate d) {
    boolean dom = days.get(d.getDayOfMonth());
    boolean dow =
        weekdays.get(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue());
    if (dayRestricted && weekdayRestricted) return dom || dow;
    return dom && dow;
  }

  /** The first matching minute strictly after {@code after}, or null within 5 years. */
  @Nullable Instant next(Instant after) {
    ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDate day = t.toLocalDate();
    for (int i = 0; i < 366 * 5; i++, day = day.plusDays(1)) {
      if (!months.get(day.getMonthValue()) || !dayMatches(day)) continue;
      boolean first = day.equals(t.toLocalDate());
      for (int h = hours.nextSetBit(first ? t.getHour() : 0); h >= 0; h = hours.nextSetBit(h + 1)) {
        int fromMinute = first && h == t.getHour() ? t.getMinute() : 0;
        int m = minutes.nextSetBit(fromMinute);
        if (m >= 0) {
          return day.atTime(h, m).toInstant(ZoneOffset.UTC);
        }
      }
    }
    return null;
  }
}

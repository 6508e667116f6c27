package io.github.cloudtwin.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/** Formats timeline events as text with virtual offsets; stateless. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TimelineFormat {

  private TimelineFormat() {}

  /**
   * {@code +HH:MM:SS} (or {@code +Nd HH:MM:SS} past a day, with milliseconds when non-zero).
   *
   * @param d the offset
   * @return {@code +HH:MM:SS} (or {@code +Nd HH:MM:SS} past a day, with milliseconds when non-zero)
   */
  public static String offset(Duration d) {
    boolean negative = d.isNegative();
    Duration abs = d.abs();
    long days = abs.toDays();
    long h = abs.toHoursPart();
    long m = abs.toMinutesPart();
    long s = abs.toSecondsPart();
    int ms = abs.toMillisPart();
    StringBuilder sb = new StringBuilder(16);
    sb.append(negative ? '-' : '+');
    if (days > 0) {
      sb.append(days).append("d ");
    }
    two(sb, h).append(':');
    two(sb, m).append(':');
    two(sb, s);
    if (ms != 0) {
      sb.append('.');
      if (ms < 100) sb.append('0');
      if (ms < 10) sb.append('0');
      sb.append(ms);
    }
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, long v) {
    if (v < 10) sb.append('0');
    return sb.append(v);
  }

  /**
   * The events as text: a header line, then one line per event with its offset from t0.
   *
   * @param header the first line, such as {@code Timeline (4 events, t0 = 2026-01-01T00:00:00Z):}
   * @param events the events
   * @param t0 the instant offsets are measured from
   * @return the events as text: a header line, then one line per event with its offset from t0
   */
  public static String format(String header, List<TimelineEvent> events, Instant t0) {
    StringBuilder sb = new StringBuilder(64 + events.size() * 80);
    sb.append(header).append('\n');
    if (events.isEmpty()) {
      sb.append("  (no events)\n");
    }
    for (TimelineEvent e : events) {
      sb.append("  ").append(e.format(t0)).append('\n');
    }
    return sb.toString();
  }
}

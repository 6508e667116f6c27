package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where an alarm's evaluation range falls, as PutMetricAlarm's {@code EvaluationWindow}: a {@link
 * #slidingWindow() SlidingWindow} (the default) that ends at each evaluation, or a {@link
 * #wallClockWindow(String) WallClockWindow} aligned to clock boundaries that match the period (the
 * top of the minute, of the 5 minutes, of the hour, midnight, the start of the week) in a time zone
 * (UTC unless given). See the CloudWatch user guide, "Alarm evaluation window"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation-window.html).
 *
 * <p>Immutable value.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class EvaluationWindow {

  /** The periods AWS accepts with a wall clock window (API_WallClockWindow), in seconds. */
  static final Set<Long> WALL_CLOCK_PERIODS = Set.of(60L, 300L, 3_600L, 86_400L, 604_800L);

  // a sliding window never reads its zone; UTC keeps the field non-null
  private static final EvaluationWindow SLIDING = new EvaluationWindow(false, null, ZoneOffset.UTC);
  private static final String TIMEZONE_FIELD = "EvaluationWindow.WallClockWindow.Timezone";
  private static final String TIMEZONE_ALLOWED =
      "an IANA time zone name (America/New_York), a UTC offset (+05:30) or an offset-prefixed id (UTC+05:30),"
          + " 1 to 50 characters, the offset a multiple of 5 minutes";

  private final boolean wallClock;
  private final @Nullable String timezone;
  private final ZoneId zone;

  private EvaluationWindow(boolean wallClock, @Nullable String timezone, ZoneId zone) {
    this.wallClock = wallClock;
    this.timezone = timezone;
    this.zone = zone;
  }

  /** {@return the default: the range ends at the evaluation and advances with it} */
  public static EvaluationWindow slidingWindow() {
    return SLIDING;
  }

  /** {@return a wall clock window in UTC} */
  public static EvaluationWindow wallClockWindow() {
    return new EvaluationWindow(true, null, ZoneOffset.UTC);
  }

  /**
   * A wall clock window in {@code timezone}: an IANA name ({@code America/New_York}), a fixed
   * offset ({@code +05:30}) or an offset-prefixed id ({@code UTC+05:30}); a fixed offset must be a
   * multiple of 5 minutes.
   *
   * @param timezone the timezone
   * @return a wall clock window in {@code timezone}: an IANA name ({@code America/New_York}), a
   *     fixed offset ({@code +05:30}) or an offset-prefixed id ({@code UTC+05:30}); a fixed offset
   *     must be a multiple of 5 minutes
   */
  public static EvaluationWindow wallClockWindow(@Nullable String timezone) {
    if (timezone == null) {
      return wallClockWindow();
    }
    if (timezone.isEmpty() || timezone.length() > 50) {
      throw new ValidationException(TIMEZONE_FIELD, timezone, TIMEZONE_ALLOWED);
    }
    ZoneId zone;
    try {
      zone =
          timezone.startsWith("+") || timezone.startsWith("-")
              ? ZoneOffset.of(timezone)
              : ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new ValidationException(TIMEZONE_FIELD, timezone, TIMEZONE_ALLOWED);
    }
    if (zone.getRules().isFixedOffset()
        && zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() % 300 != 0) {
      throw new ValidationException(TIMEZONE_FIELD, timezone, TIMEZONE_ALLOWED);
    }
    return new EvaluationWindow(true, timezone, zone);
  }

  /** {@return whether this is a wall clock window} */
  public boolean isWallClock() {
    return wallClock;
  }

  /** {@return the wall clock window's time zone as given, or null (UTC, or a sliding window)} */
  public @Nullable String timezone() {
    return timezone;
  }

  /**
   * The end of the newest bucket the alarm evaluates at {@code now}: {@code now} itself for a
   * sliding window, the newest clock boundary at or before {@code now} for a wall clock window.
   */
  long newestEnd(long now, long periodMillis) {
    if (!wallClock) {
      return now;
    }
    ZonedDateTime t = Instant.ofEpochMilli(now).atZone(zone);
    ZonedDateTime b;
    switch ((int) (periodMillis / 1000)) {
      case 60:
        b = t.truncatedTo(ChronoUnit.MINUTES);
        break;
      case 300:
        b = t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / 5 * 5L);
        break;
      case 3_600:
        b = t.truncatedTo(ChronoUnit.HOURS);
        break;
      case 86_400:
        b = t.toLocalDate().atStartOfDay(zone);
        break;
      default: // one week, starting on Monday (ISO 8601)
        b =
            t.toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone);
        break;
    }
    return b.toInstant().toEpochMilli();
  }

  /**
   * The start of the bucket that ends at {@code end}: {@code end - period} for a sliding window;
   * one clock period earlier for a wall clock window (a local day is 23 or 25 hours across a
   * daylight saving change).
   */
  long bucketStart(long end, long periodMillis) {
    if (!wallClock || periodMillis < 86_400_000L) {
      return end - periodMillis;
    }
    ZonedDateTime e = Instant.ofEpochMilli(end).atZone(zone);
    ZonedDateTime s = periodMillis == 86_400_000L ? e.minusDays(1) : e.minusWeeks(1);
    return s.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvaluationWindow w
        && w.wallClock == wallClock
        && Objects.equals(w.zone, zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(wallClock, zone);
  }

  /** {@code SlidingWindow}, {@code WallClockWindow} or {@code WallClockWindow(Europe/Berlin)}. */
  @Override
  public String toString() {
    return !wallClock
        ? "SlidingWindow"
        : timezone == null ? "WallClockWindow" : "WallClockWindow(" + timezone + ")";
  }
}

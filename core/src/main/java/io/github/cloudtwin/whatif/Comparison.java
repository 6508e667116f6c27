package io.github.cloudtwin.whatif;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The outcomes of one recording on several estates, in the order they were given; {@link #rows()}
 * as typed values, {@link #difference(String, String)} for what one estate changes against another,
 * {@link #table()} for people. Immutable.
 *
 * @param outcomes one per estate
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Comparison(List<ReplayOutcome> outcomes) {

  /**
   * Copies the list.
   *
   * @param outcomes one per estate
   */
  public Comparison {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * One row of the table.
   *
   * @param estate the estate
   * @param costUsd what it cost
   * @param costPerHour what it cost per hour
   * @param breached the time above the breach targets
   * @param peakInService the most InService instances at once
   * @param meanInService the mean InService instances
   * @param activities scaling activities
   * @param timeInAlarm time alarms spent in ALARM
   * @param unservedRequests requests that could not be served
   */
  public record Row(
      String estate,
      double costUsd,
      double costPerHour,
      Duration breached,
      int peakInService,
      double meanInService,
      int activities,
      Duration timeInAlarm,
      double unservedRequests) {}

  /**
   * How one estate differs from another over the same recording: each figure is {@code other}'s
   * minus {@code baseline}'s, so a positive {@code costUsd} means {@code other} costs more.
   *
   * @param baseline the estate compared against
   * @param other the estate compared
   * @param costUsd the difference in cost, USD
   * @param breached the difference in time above the breach targets (negative: breaches less)
   * @param peakInService the difference in the most InService instances at once
   * @param meanInService the difference in mean InService instances
   * @param activities the difference in scaling activities
   * @param unservedRequests the difference in requests that could not be served
   */
  public record Difference(
      String baseline,
      String other,
      double costUsd,
      Duration breached,
      int peakInService,
      double meanInService,
      int activities,
      double unservedRequests) {}

  /**
   * How {@code other} differs from {@code baseline}: capacity, time above target, unserved requests
   * and cost.
   *
   * @param baseline the estate to compare against
   * @param other the estate to compare
   * @return {@code other}'s figures minus {@code baseline}'s; a ValidationException naming the
   *     estates when either is unknown
   */
  public Difference difference(String baseline, String other) {
    Row b = row(outcome(baseline));
    Row o = row(outcome(other));
    return new Difference(
        baseline,
        other,
        o.costUsd() - b.costUsd(),
        o.breached().minus(b.breached()),
        o.peakInService() - b.peakInService(),
        o.meanInService() - b.meanInService(),
        o.activities() - b.activities(),
        o.unservedRequests() - b.unservedRequests());
  }

  /**
   * How every other estate differs from {@code baseline}, in the order the estates were given.
   *
   * @param baseline the estate to compare against
   * @return one difference per other estate
   */
  public List<Difference> differencesFrom(String baseline) {
    outcome(baseline);
    List<Difference> out = new ArrayList<>();
    for (ReplayOutcome o : outcomes) {
      if (!o.estate().equals(baseline)) out.add(difference(baseline, o.estate()));
    }
    return out;
  }

  /**
   * The outcome of one estate.
   *
   * @param estate the estate's name
   * @return the outcome, or a ValidationException naming the estates
   */
  public ReplayOutcome outcome(String estate) {
    for (ReplayOutcome o : outcomes) {
      if (o.estate().equals(estate)) return o;
    }
    throw new ValidationException(
        "estate", estate, "one of " + outcomes.stream().map(ReplayOutcome::estate).toList());
  }

  /** {@return one row per estate} */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (ReplayOutcome o : outcomes) rows.add(row(o));
    return rows;
  }

  private static Row row(ReplayOutcome o) {
    return new Row(
        o.estate(),
        o.cost().totalUsd(),
        o.cost().costPerHour(),
        o.totalBreached(),
        o.peakInService(),
        o.meanInService(),
        o.activityCount(),
        o.totalTimeInAlarm(),
        o.unservedRequests());
  }

  /**
   * {@return the rows as an aligned text table: cost, breach time, capacity, activities, alarm
   * time, unserved}
   */
  public String table() {
    String[] head = {
      "estate", "cost", "per hour", "breached", "peak", "mean", "activities", "in ALARM", "unserved"
    };
    List<String[]> cells = new ArrayList<>();
    cells.add(head);
    for (Row r : rows()) {
      cells.add(
          new String[] {
            r.estate(),
            String.format(Locale.ROOT, "$%.2f", r.costUsd()),
            String.format(Locale.ROOT, "$%.4f", r.costPerHour()),
            minutes(r.breached()),
            Integer.toString(r.peakInService()),
            String.format(Locale.ROOT, "%.1f", r.meanInService()),
            Integer.toString(r.activities()),
            minutes(r.timeInAlarm()),
            String.format(Locale.ROOT, "%.0f", r.unservedRequests())
          });
    }
    int[] w = new int[head.length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) w[i] = Math.max(w[i], row[i].length());
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        String c = row[i];
        if (i == 0) sb.append(c).append(" ".repeat(w[i] - c.length()));
        else sb.append("  ").append(" ".repeat(w[i] - c.length())).append(c);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String minutes(Duration d) {
    return String.format(Locale.ROOT, "%d min", d.toMinutes());
  }
}

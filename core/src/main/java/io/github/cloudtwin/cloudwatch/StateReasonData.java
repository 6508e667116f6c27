package io.github.cloudtwin.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The data behind an alarm's state, as {@code DescribeAlarms} returns it in {@code
 * StateReasonData}: what the evaluation that set the state queried and saw. {@link #toJson()}
 * renders it exactly as AWS writes it.
 *
 * @param version always {@code 1.0}
 * @param queryDate when the evaluation ran
 * @param startDate the start of the oldest datapoint in {@code recentDatapoints}; null when there
 *     was no data
 * @param unit the alarm's unit; null when the alarm has none
 * @param statistic the alarm's statistic ({@code Average}, {@code p99}, ...); null for an alarm on
 *     metric math (its JSON then has no statistic)
 * @param periodSeconds the alarm's period
 * @param recentDatapoints the values the evaluation used, oldest first
 * @param threshold the alarm's threshold
 * @param evaluatedDatapoints the datapoints that decided the state, newest first: as many as the
 *     transition needs (M for ALARM, N - M + 1 for OK, N for INSUFFICIENT_DATA)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record StateReasonData(
    String version,
    Instant queryDate,
    @Nullable Instant startDate,
    @Nullable StandardUnit unit,
    @Nullable Statistic statistic,
    long periodSeconds,
    List<Double> recentDatapoints,
    double threshold,
    List<EvaluatedDatapoint> evaluatedDatapoints) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * Copies the lists.
   *
   * @param version always {@code 1.0}
   * @param queryDate when the evaluation ran
   * @param startDate the start of the oldest datapoint in {@code recentDatapoints}; null when there
   *     was no data
   * @param unit the alarm's unit; null when the alarm has none
   * @param statistic the alarm's statistic ({@code Average}, {@code p99}, ...); null for an alarm
   *     on metric math
   * @param periodSeconds the alarm's period
   * @param recentDatapoints the values the evaluation used, oldest first
   * @param threshold the alarm's threshold
   * @param evaluatedDatapoints the datapoints that decided the state, newest first: as many as the
   *     transition needs (M for ALARM, N - M + 1 for OK, N for INSUFFICIENT_DATA)
   */
  public StateReasonData {
    recentDatapoints = List.copyOf(recentDatapoints);
    evaluatedDatapoints = List.copyOf(evaluatedDatapoints);
  }

  /**
   * One evaluated datapoint: a period with data has its sample count and value; a missing one has
   * its timestamp alone (both null).
   *
   * @param timestamp the start of the period
   * @param sampleCount the number of samples, or null when the datapoint is missing
   * @param value the statistic's value, or null when the datapoint is missing
   */
  public record EvaluatedDatapoint(
      Instant timestamp, @Nullable Double sampleCount, @Nullable Double value) {

    /** {@return whether the period had no data} */
    public boolean isMissing() {
      return value == null;
    }
  }

  /**
   * {@return the JSON AWS returns: compact, {@code version} first, {@code startDate} only with
   * data, {@code unit} only when set, timestamps as {@code 2022-09-27T09:05:00.000+0000}, numbers
   * with a decimal point ({@code 70.0}), the period as an integer}
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(256);
    appendJson(sb);
    return sb.toString();
  }

  void appendJson(StringBuilder sb) {
    sb.append("{\"version\":\"")
        .append(version)
        .append("\",\"queryDate\":\"")
        .append(TIME.format(queryDate))
        .append('"');
    if (startDate != null)
      sb.append(",\"startDate\":\"").append(TIME.format(startDate)).append('"');
    if (unit != null) sb.append(",\"unit\":\"").append(unit.awsName()).append('"');
    if (statistic != null) {
      sb.append(statistic.isPercentile() ? ",\"extendedStatistic\":\"" : ",\"statistic\":\"")
          .append(statistic.name())
          .append('"');
    }
    sb.append(",\"period\":").append(periodSeconds);
    sb.append(",\"recentDatapoints\":[");
    for (int i = 0; i < recentDatapoints.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(number(recentDatapoints.get(i)));
    }
    sb.append("],\"threshold\":").append(number(threshold));
    sb.append(",\"evaluatedDatapoints\":[");
    for (int i = 0; i < evaluatedDatapoints.size(); i++) {
      EvaluatedDatapoint d = evaluatedDatapoints.get(i);
      if (i > 0) sb.append(',');
      sb.append("{\"timestamp\":\"").append(TIME.format(d.timestamp())).append('"');
      if (d.sampleCount() != null) sb.append(",\"sampleCount\":").append(number(d.sampleCount()));
      if (d.value() != null) sb.append(",\"value\":").append(number(d.value()));
      sb.append('}');
    }
    sb.append("]}");
  }

  /** AWS prints doubles as Java does: {@code 70.0}, {@code 5.535714886726143}, {@code 1.0E9}. */
  static String number(double v) {
    return Double.toString(v);
  }

  @Override
  public String toString() {
    return toJson();
  }
}

package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.Datapoint;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The chart sources reports use. {@link #standard()} is the table every report starts from: a
 * service adds its charts (desired vs InService per zone, healthy targets per zone) with one line.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ChartSources {

  private static final List<ChartSource> STANDARD =
      List.of(
          AlarmCharts.SOURCE, ScalingCharts.GROUPS, ScalingCharts.TARGETS, ScalingCharts.SERVICES);

  private ChartSources() {}

  /**
   * {@return the sources every report includes: one chart per alarmed metric with its thresholds;
   * desired vs InService (total and per zone) per Auto Scaling group; healthy targets per zone per
   * target group; running vs desired tasks per ECS service}
   */
  public static List<ChartSource> standard() {
    return STANDARD;
  }

  /**
   * One chart of {@code metric}: its {@code statistic} per {@code period}, from t0 to now.
   *
   * @param metric the metric
   * @param statistic the statistic
   * @param period the period
   * @return one chart of {@code metric}: its {@code statistic} per {@code period}, from t0 to now
   */
  public static ChartSource metric(MetricId metric, Statistic statistic, Duration period) {
    Require.notNull("metric", metric);
    Require.notNull("statistic", statistic);
    Require.positive("period", period);
    return twin ->
        List.of(
            new Chart(
                metric.toString(),
                "",
                List.of(series(twin, metric, statistic, period, "metric")),
                List.of()));
  }

  /**
   * The series an alarm on metric math watches: its returned query, per period, from the twin's
   * start to now.
   *
   * @param twin the twin
   * @param queries the alarm's queries (exactly one returns data)
   * @param period the alarm's period
   * @param cssClass the CSS class of the line
   * @return the series
   */
  public static Series mathSeries(
      CloudTwin twin,
      java.util.List<io.github.cloudtwin.cloudwatch.MetricDataQuery> queries,
      Duration period,
      String cssClass) {
    Instant t0 = twin.timeline().t0();
    Instant end = twin.now().plus(period);
    List<Point> points = new ArrayList<>();
    String name = "";
    if (end.isAfter(t0)) {
      for (io.github.cloudtwin.cloudwatch.MetricDataResult r :
          twin.cloudWatch()
              .getMetricData(
                  queries, t0, end, io.github.cloudtwin.cloudwatch.ScanBy.TIMESTAMP_ASCENDING)) {
        name = r.label();
        for (int i = 0; i < r.timestamps().size(); i++) {
          Instant t = r.timestamps().get(i);
          if (!t.isAfter(twin.now()))
            points.add(new Point(Duration.between(t0, t), r.values().get(i)));
        }
      }
    }
    return new Series(name, cssClass, points);
  }

  /**
   * The series of {@code metric}'s {@code statistic} per {@code period} over the twin's whole run,
   * one point per period that holds data, at the period's start.
   *
   * @param twin the twin
   * @param metric the metric
   * @param statistic the statistic
   * @param period the period
   * @param cssClass the css class
   * @return the series of {@code metric}'s {@code statistic} per {@code period} over the twin's
   *     whole run, one point per period that holds data, at the period's start
   */
  public static Series series(
      CloudTwin twin, MetricId metric, Statistic statistic, Duration period, String cssClass) {
    Instant t0 = twin.timeline().t0();
    Instant end = twin.now().plus(period);
    List<Point> points = new ArrayList<>();
    if (end.isAfter(t0)) {
      for (Datapoint d :
          twin.cloudWatch().getMetricStatistics(metric, t0, end, period, statistic)) {
        if (!d.timestamp().isAfter(twin.now())) {
          points.add(new Point(Duration.between(t0, d.timestamp()), d.value()));
        }
      }
    }
    return new Series(
            metric.metricName() + " " + statistic.name() + " " + metric.dimensions(),
            cssClass,
            points)
        .withShape(Series.Shape.periods(period));
  }
}

package io.github.cloudtwin.report;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart per alarmed metric: the statistic the alarms evaluate, per their period, with each
 * alarm's threshold. Alarms on the same metric, statistic and period share a chart (a target
 * tracking policy's high and low alarms, for instance). An alarm on metric math gets a chart of the
 * query it watches.
 */
final class AlarmCharts {

  static final ChartSource SOURCE = AlarmCharts::charts;

  private AlarmCharts() {}

  private record Key(MetricId metric, Statistic statistic, Duration period) {}

  static List<Chart> charts(CloudTwin twin) {
    Map<Key, List<MetricAlarmSpec>> byMetric = new LinkedHashMap<>();
    List<MetricAlarmSpec> math = new ArrayList<>();
    for (MetricAlarm a : twin.cloudWatch().alarms()) {
      if (a.isDeleted()) continue;
      MetricAlarmSpec s = a.spec();
      MetricId metric = s.metric();
      Statistic statistic = s.statistic();
      if (metric == null || statistic == null) { // an alarm on metric math
        math.add(s);
        continue;
      }
      byMetric
          .computeIfAbsent(new Key(metric, statistic, s.period()), k -> new ArrayList<>())
          .add(s);
    }
    List<Chart> out = new ArrayList<>();
    for (Map.Entry<Key, List<MetricAlarmSpec>> e : byMetric.entrySet()) {
      Key k = e.getKey();
      List<Threshold> thresholds = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (MetricAlarmSpec s : e.getValue()) {
        thresholds.add(
            new Threshold(s.alarmName() + " " + s.comparisonOperator().symbol(), s.threshold()));
        names.add(s.alarmName());
      }
      out.add(
          new Chart(
              "alarm "
                  + String.join(", ", names)
                  + ": "
                  + k.metric()
                  + " "
                  + k.statistic().name()
                  + " per "
                  + k.period().getSeconds()
                  + " s",
              "",
              List.of(
                  ChartSources.series(twin, k.metric(), k.statistic(), k.period(), "alarm-metric")),
              thresholds));
    }
    for (MetricAlarmSpec s : math) {
      out.add(
          new Chart(
              "alarm "
                  + s.alarmName()
                  + ": "
                  + s.watched()
                  + " per "
                  + s.period().getSeconds()
                  + " s",
              "",
              List.of(ChartSources.mathSeries(twin, s.metrics(), s.period(), "alarm-metric")),
              List.of(
                  new Threshold(
                      s.alarmName() + " " + s.comparisonOperator().symbol(), s.threshold()))));
    }
    return out;
  }
}

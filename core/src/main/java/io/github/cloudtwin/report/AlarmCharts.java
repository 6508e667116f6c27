package io.github.cloudtwin.report;

import java.util.List;

/** One chart per alarmed metric: the statistic the alarm evaluates, with each alarm's threshold. */
final class AlarmCharts {

  static final ChartSource SOURCE = twin -> List.of();

  private AlarmCharts() {}
}

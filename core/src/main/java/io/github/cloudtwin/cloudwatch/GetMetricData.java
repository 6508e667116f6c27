package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GetMetricData} of one CloudWatch: validates the queries, compiles their metric math, lays
 * a grid of periods over the window (one per distinct period) and turns each returned query's
 * values into a {@link MetricDataResult}.
 */
final class GetMetricData {

  private final Kernel kernel;
  private final MetricStore store;

  GetMetricData(Kernel kernel, MetricStore store) {
    this.kernel = kernel;
    this.store = store;
  }

  /**
   * Answers {@code queries} over {@code [start, end)}; validates first, then reads under the lock.
   */
  List<MetricDataResult> query(
      List<MetricDataQuery> queries, Instant start, Instant end, ScanBy scanBy) {
    Require.notNull("MetricDataQueries", queries);
    Require.notNull("StartTime", start);
    Require.notNull("EndTime", end);
    Require.notNull("ScanBy", scanBy);
    if (queries.isEmpty() || queries.size() > 500) {
      throw new ValidationException(
          "MetricDataQueries", queries.size() + " queries", "1 to 500 queries");
    }
    if (!end.isAfter(start)) {
      throw new ValidationException("EndTime", end, "must be after StartTime " + start);
    }
    MetricMath math = MetricMath.compile(queries);
    for (MetricDataQuery q : queries) {
      if (q.returnData() && math.type(q.id()).type() == MetricMath.Type.SCALAR) {
        throw new ValidationException(
            "MetricDataQueries[" + q.id() + "].Expression",
            q.expression(),
            "an expression that returns a time series or an array of time series, not a scalar (or ReturnData false)");
      }
    }
    return kernel.call(
        () -> {
          Map<Long, MetricMath.Evaluation> byPeriod = new HashMap<>();
          List<MetricDataResult> out = new ArrayList<>();
          for (MetricDataQuery q : queries) {
            if (!q.returnData()) continue;
            long period = math.type(q.id()).period();
            MetricMath.Evaluation e =
                byPeriod.computeIfAbsent(
                    period, p -> math.new Evaluation(grid(start, end, p), store::statValues));
            MetricMath.Grid grid = e.grid();
            MetricMath.Value v = e.value(q.id());
            String label =
                q.label() != null
                    ? q.label()
                    : q.metricStat() == null ? q.id() : q.metricStat().metric().metricName();
            if (v instanceof MetricMath.Series series) {
              out.add(result(q.id(), label, grid, series.values(), scanBy));
            } else {
              for (MetricMath.Series member : ((MetricMath.Arr) v).items()) {
                out.add(
                    result(
                        q.id(),
                        (q.label() != null ? q.label() + " " : "") + member.label(),
                        grid,
                        member.values(),
                        scanBy));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  /** The periods of {@code periodSeconds} from {@code start} that cover the window. */
  static MetricMath.Grid grid(Instant start, Instant end, long periodSeconds) {
    long p = periodSeconds * 1000;
    long from = start.toEpochMilli();
    long periods = (end.toEpochMilli() - from + p - 1) / p;
    if (periods > 100_800) {
      throw new ValidationException(
          "EndTime",
          end,
          "at most 100,800 datapoints per query: a window of "
              + periods
              + " periods of "
              + periodSeconds
              + " s is too long (narrow the window or choose a longer Period)");
    }
    int n = (int) periods;
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < n; i++) {
      starts[i] = from + i * p;
      ends[i] = starts[i] + p;
    }
    return new MetricMath.Grid(starts, ends, periodSeconds);
  }

  /** One series as a result: the periods with a value, in {@code scanBy} order. */
  static MetricDataResult result(
      String id, String label, MetricMath.Grid grid, double[] values, ScanBy scanBy) {
    List<Instant> stamps = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      int k = scanBy == ScanBy.TIMESTAMP_ASCENDING ? i : values.length - 1 - i;
      if (!Double.isNaN(values[k])) {
        stamps.add(Instant.ofEpochMilli(grid.starts()[k]));
        vals.add(values[k]);
      }
    }
    return new MetricDataResult(id, label, stamps, vals, "Complete");
  }
}

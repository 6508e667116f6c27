package io.github.cloudtwin.junit;

import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.report.ChartSource;
import io.github.cloudtwin.report.ChartSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The report of the current test, as a test can shape it: extra metrics to plot, extra chart
 * sources, and writing it even when the test passes. Inject it as a parameter or {@link FromTwin}
 * field. Belongs to one test; thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class TwinReport {

  private final List<ChartSource> sources = new ArrayList<>();
  private boolean write;

  TwinReport() {}

  /**
   * Also plots {@code metric}: its average per minute.
   *
   * @param metric the metric
   * @return also plots {@code metric}: its average per minute
   */
  public TwinReport metric(MetricId metric) {
    return metric(metric, Statistic.AVERAGE, Duration.ofMinutes(1));
  }

  /**
   * Also plots {@code metric}: its {@code statistic} per {@code period}.
   *
   * @param metric the metric
   * @param statistic the statistic
   * @param period the period
   * @return also plots {@code metric}: its {@code statistic} per {@code period}
   */
  public TwinReport metric(MetricId metric, Statistic statistic, Duration period) {
    return chart(ChartSources.metric(metric, statistic, period));
  }

  /**
   * Also draws the charts of {@code source}.
   *
   * @param source also draws the charts of {@code source}
   * @return this twin report
   */
  public synchronized TwinReport chart(ChartSource source) {
    sources.add(Require.notNull("source", source));
    return this;
  }

  /**
   * Writes this test's report even if it passes.
   *
   * @return this twin report
   */
  public synchronized TwinReport write() {
    this.write = true;
    return this;
  }

  synchronized List<ChartSource> sources() {
    return List.copyOf(sources);
  }

  synchronized boolean forced() {
    return write;
  }
}

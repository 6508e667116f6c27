package io.github.cloudtwin.cloudwatch;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One series of a {@link CloudWatch#getMetricData} answer, as AWS's {@code MetricDataResult}:
 * timestamps and values of the periods that hold a value (missing periods are left out), in the
 * order {@link ScanBy} asked for.
 *
 * @param id the query's id
 * @param label the query's label, or its default
 * @param timestamps the start of each period with a value
 * @param values the value of each of those periods
 * @param statusCode {@code Complete}
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MetricDataResult(
    String id, String label, List<Instant> timestamps, List<Double> values, String statusCode) {

  /**
   * Copies the lists.
   *
   * @param id the query's id
   * @param label the query's label, or its default
   * @param timestamps the start of each period with a value
   * @param values the value of each of those periods
   * @param statusCode {@code Complete}
   */
  public MetricDataResult {
    timestamps = List.copyOf(timestamps);
    values = List.copyOf(values);
  }
}

package io.github.cloudtwin.awssdk.internal.cloudwatch;

import static io.github.cloudtwin.awssdk.internal.cloudwatch.Dimensions.dimensions;

import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.MetricQuery;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.MetricResult;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StatisticValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * The {@code CloudWatchClient} operations on metrics (alarms have a handler of their own, see
 * {@link #handlers()}): SDK requests to {@link CloudWatchOperations} calls and twin views to SDK
 * responses. {@link io.github.cloudtwin.awssdk.internal.ClientProxy} dispatches to the public
 * methods.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CloudWatchHandler {

  /** CloudWatch's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS =
      new SdkErrors(
          "CloudWatch",
          "InvalidParameterValue",
          CloudWatchException::builder,
          Map.<String, Supplier<AwsServiceException.Builder>>of(
              "InvalidParameterValue", InvalidParameterValueException::builder,
              "MissingParameter", MissingRequiredParameterException::builder,
              "InvalidParameterCombination", InvalidParameterCombinationException::builder,
              "ResourceNotFound", ResourceNotFoundException::builder,
              "LimitExceeded", LimitExceededException::builder,
              "InvalidNextToken", InvalidNextTokenException::builder,
              "InvalidFormat", InvalidFormatException::builder));

  private final io.github.cloudtwin.CloudTwin twin;
  private final CloudWatchOperations ops;
  private final AlarmHandler alarms;
  private software.amazon.awssdk.services.cloudwatch.@Nullable CloudWatchClient sync;

  /** A handler over {@code ops}. */
  public CloudWatchHandler(io.github.cloudtwin.CloudTwin twin, CloudWatchOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.alarms = new AlarmHandler(ops);
  }

  /** {@return the handlers of the client's operations: this one (metrics) and the alarms'} */
  public List<Object> handlers() {
    return List.of(this, alarms);
  }

  /** Sets the client the waiters poll. */
  public void bind(software.amazon.awssdk.services.cloudwatch.CloudWatchClient client) {
    this.sync = client;
  }

  private software.amazon.awssdk.services.cloudwatch.CloudWatchClient client() {
    return Objects.requireNonNull(sync, "AwsSdkClients binds the client before handing it out");
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.cloudwatch.waiters.CloudWatchWaiter waiter() {
    return new CloudWatchWaiters.Sync(twin, client());
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.cloudwatch.waiters.CloudWatchAsyncWaiter asyncWaiter() {
    return new CloudWatchWaiters.Async(new CloudWatchWaiters.Sync(twin, client()));
  }

  // ------------------------------------------------------------------ metrics

  /** PutMetricData. */
  public PutMetricDataResponse putMetricData(PutMetricDataRequest r) {
    List<CloudWatchOperations.MetricDatum> data = new ArrayList<>();
    if (r.hasMetricData()) {
      for (MetricDatum d : r.metricData()) {
        if (d.hasValues() && !d.values().isEmpty()) {
          throw new UnsupportedOperationException(
              "PutMetricData with Values and Counts is not simulated by CloudTwin:"
                  + " use Value or StatisticValues");
        }
        StatisticValues sv =
            d.statisticValues() == null
                ? null
                : new StatisticValues(
                    d.statisticValues().sampleCount(),
                    d.statisticValues().sum(),
                    d.statisticValues().minimum(),
                    d.statisticValues().maximum());
        data.add(
            new CloudWatchOperations.MetricDatum(
                d.metricName(),
                dimensions(d.dimensions()),
                d.timestamp(),
                d.value(),
                sv,
                d.unitAsString()));
      }
    }
    ops.putMetricData(r.namespace(), data);
    return PutMetricDataResponse.builder().build();
  }

  /** GetMetricStatistics. */
  public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest r) {
    Map<Instant, Map<String, Double>> points =
        ops.getMetricStatistics(
            r.namespace(),
            r.metricName(),
            dimensions(r.dimensions()),
            r.startTime(),
            r.endTime(),
            r.period(),
            r.hasStatistics() ? r.statisticsAsStrings() : null,
            r.hasExtendedStatistics() ? r.extendedStatistics() : null);
    List<Datapoint> out = new ArrayList<>();
    for (Map.Entry<Instant, Map<String, Double>> e : points.entrySet()) {
      Datapoint.Builder b =
          Datapoint.builder()
              .timestamp(e.getKey())
              .unit(r.unitAsString() == null ? "None" : r.unitAsString());
      Map<String, Double> ext = new TreeMap<>();
      for (Map.Entry<String, Double> s : e.getValue().entrySet()) {
        switch (s.getKey()) {
          case "SampleCount" -> b.sampleCount(s.getValue());
          case "Average" -> b.average(s.getValue());
          case "Sum" -> b.sum(s.getValue());
          case "Minimum" -> b.minimum(s.getValue());
          case "Maximum" -> b.maximum(s.getValue());
          default -> ext.put(s.getKey(), s.getValue());
        }
      }
      if (!ext.isEmpty()) b.extendedStatistics(ext);
      out.add(b.build());
    }
    return GetMetricStatisticsResponse.builder().label(r.metricName()).datapoints(out).build();
  }

  /** GetMetricData. */
  public GetMetricDataResponse getMetricData(GetMetricDataRequest r) {
    if (r.nextToken() != null) {
      throw AwsErrorException.badRequest(
          "InvalidNextToken", "The token '" + r.nextToken() + "' is invalid.");
    }
    List<MetricQuery> queries =
        r.hasMetricDataQueries() ? MetricDataQueries.queries(r.metricDataQueries()) : List.of();
    boolean ascending = "TimestampAscending".equals(r.scanByAsString());
    List<MetricResult> results =
        ops.getMetricData(queries, r.startTime(), r.endTime(), ascending, r.maxDatapoints());
    List<MetricDataResult> out = new ArrayList<>();
    for (MetricResult m : results) {
      out.add(
          MetricDataResult.builder()
              .id(m.id())
              .label(m.label())
              .timestamps(m.timestamps())
              .values(m.values())
              .statusCode(StatusCode.COMPLETE)
              .messages(List.of())
              .build());
    }
    return GetMetricDataResponse.builder().metricDataResults(out).messages(List.of()).build();
  }

  /** ListMetrics. */
  public ListMetricsResponse listMetrics(ListMetricsRequest r) {
    Map<String, String> filters = null;
    if (r.hasDimensions()) {
      filters = new TreeMap<>();
      for (DimensionFilter f : r.dimensions()) filters.put(f.name(), f.value());
    }
    Page<MetricId> page = ops.listMetrics(r.namespace(), r.metricName(), filters, r.nextToken());
    List<Metric> out = new ArrayList<>();
    for (MetricId m : page.items()) {
      out.add(
          Metric.builder()
              .namespace(m.namespace())
              .metricName(m.metricName())
              .dimensions(dimensions(m))
              .build());
    }
    return ListMetricsResponse.builder().metrics(out).nextToken(page.nextToken()).build();
  }
}

package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A customized metric of a predictive scaling policy, as AWS's {@code
 * PredictiveScalingCustomizedLoadMetric}, {@code PredictiveScalingCustomizedScalingMetric} and
 * {@code PredictiveScalingCustomizedCapacityMetric} take it
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingCustomizedLoadMetric.html):
 * one or more {@code MetricDataQueries}, metric math over metrics of the twin's CloudWatch.
 *
 * <p>Validated as metric math is everywhere in the twin: ids valid and used once, every expression
 * parsed (an error names the query id and the position), no cycle, exactly one query with {@code
 * ReturnData} true and that one a single time series, at most 10 metrics and 10 expressions. AWS's
 * {@code PredictiveScalingMetricStat} has no period: the twin reads one-minute values (every {@code
 * MetricStat} of 60 s), as it reads the predefined load metrics.
 *
 * @param metricDataQueries the queries, in order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record PredictiveScalingCustomizedMetric(List<MetricDataQuery> metricDataQueries) {

  private static final String FIELD = "MetricDataQueries";

  /**
   * Validates the queries; a refusal's field starts with {@code MetricDataQueries}.
   *
   * @param metricDataQueries the queries, in order
   */
  public PredictiveScalingCustomizedMetric {
    for (MetricDataQuery q : Require.notNull(FIELD, metricDataQueries)) {
      if (q == null) throw new ValidationException(FIELD, null, "no null element");
    }
    metricDataQueries = List.copyOf(metricDataQueries);
    if (metricDataQueries.isEmpty()) {
      throw new ValidationException(FIELD, "[]", "at least one MetricDataQuery");
    }
    MetricAlarmSpec probe;
    try {
      // an alarm on the queries applies AWS's metric math rules: ids, parsing, one ReturnData
      probe =
          MetricAlarmSpec.builder()
              .alarmName("predictive-scaling-metric")
              .metrics(metricDataQueries)
              .threshold(1)
              .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
              .build();
    } catch (ValidationException e) {
      throw at(FIELD, e);
    }
    if (probe.period().getSeconds() != 60) {
      throw new ValidationException(
          FIELD,
          probe.period(),
          "a returned time series of one-minute periods (the twin reads a predictive scaling"
              + " metric minute by minute: every MetricStat has a Period of 60 s)");
    }
  }

  /**
   * {@return a customized metric of {@code queries}; a refusal's field starts with {@code
   * MetricDataQueries}}
   *
   * @param queries the queries, in order
   */
  public static PredictiveScalingCustomizedMetric of(MetricDataQuery... queries) {
    return new PredictiveScalingCustomizedMetric(Arrays.asList(Require.notNull(FIELD, queries)));
  }

  /**
   * {@return a {@code CustomizedLoadMetricSpecification}; a refusal names {@code
   * MetricSpecifications.CustomizedLoadMetricSpecification.MetricDataQueries...}}
   *
   * @param queries the queries, in order: the group's total load
   */
  public static PredictiveScalingCustomizedMetric load(MetricDataQuery... queries) {
    return at(PredictiveMetricRules.CUSTOM_LOAD, queries);
  }

  /**
   * {@return a {@code CustomizedScalingMetricSpecification}; a refusal names {@code
   * MetricSpecifications.CustomizedScalingMetricSpecification.MetricDataQueries...}}
   *
   * @param queries the queries, in order: an average per instance
   */
  public static PredictiveScalingCustomizedMetric scaling(MetricDataQuery... queries) {
    return at(PredictiveMetricRules.CUSTOM_SCALING, queries);
  }

  /**
   * {@return a {@code CustomizedCapacityMetricSpecification}; a refusal names {@code
   * MetricSpecifications.CustomizedCapacityMetricSpecification.MetricDataQueries...}}
   *
   * @param queries the queries, in order: the group's capacity
   */
  public static PredictiveScalingCustomizedMetric capacity(MetricDataQuery... queries) {
    return at(PredictiveMetricRules.CUSTOM_CAPACITY, queries);
  }

  private static PredictiveScalingCustomizedMetric at(String spec, MetricDataQuery[] queries) {
    try {
      return of(queries);
    } catch (ValidationException e) {
      throw at(spec + "." + FIELD, e);
    }
  }

  /** {@return the query whose ReturnData is true (the metric's values)} */
  public MetricDataQuery returnedQuery() {
    return metricDataQueries.stream()
        .filter(MetricDataQuery::returnData)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("validated: one query returns data"));
  }

  /**
   * {@code e} with its field under {@code prefix}: {@code Metrics[e1].Expression} becomes {@code
   * <prefix>[e1].Expression}, {@code MetricDataQueries...} becomes {@code <prefix>...}; AWS's own
   * message, when {@code e} has one, is kept.
   *
   * @param prefix the field the queries are at
   * @param e the refusal
   * @return the refusal at {@code prefix}
   */
  static ValidationException at(String prefix, ValidationException e) {
    String field = e.field();
    String rest =
        field.startsWith(FIELD)
            ? field.substring(FIELD.length())
            : field.startsWith("Metrics") ? field.substring("Metrics".length()) : "." + field;
    String message = e.getMessage();
    int own = message.lastIndexOf(" [Invalid value ");
    return own > 0 && !message.startsWith("Invalid value ")
        ? new ValidationException(prefix + rest, e.value(), e.allowed(), message.substring(0, own))
        : new ValidationException(prefix + rest, e.value(), e.allowed());
  }
}

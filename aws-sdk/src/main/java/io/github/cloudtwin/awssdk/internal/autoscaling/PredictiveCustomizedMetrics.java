package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.PredictiveScalingCustomizedMetric;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.autoscaling.model.Metric;
import software.amazon.awssdk.services.autoscaling.model.MetricDataQuery;
import software.amazon.awssdk.services.autoscaling.model.MetricDimension;
import software.amazon.awssdk.services.autoscaling.model.MetricStat;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingCustomizedCapacityMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingCustomizedLoadMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingCustomizedScalingMetric;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingMetricSpecification;

/**
 * The customized metrics of a predictive scaling {@code PutScalingPolicy}
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingMetricSpecification.html)
 * as core's {@link PredictiveScalingCustomizedMetric} and back: each {@code MetricDataQuery}'s
 * {@code MetricStat} (which has no period in AWS's model) is read on one-minute periods.
 */
final class PredictiveCustomizedMetrics {

  private static final String FIELD = "MetricSpecifications.Customized";

  private PredictiveCustomizedMetrics() {}

  /**
   * {@return the customized metric of {@code queries}; a refusal names the specification}
   *
   * @param kind Load, Scaling or Capacity
   * @param queries the SDK's queries
   */
  static PredictiveScalingCustomizedMetric of(String kind, List<MetricDataQuery> queries) {
    String field = FIELD + kind + "MetricSpecification.MetricDataQueries";
    List<io.github.cloudtwin.cloudwatch.MetricDataQuery> core = new ArrayList<>();
    for (MetricDataQuery q : queries) {
      try {
        core.add(query(field, q));
      } catch (ValidationException e) {
        if (e.field().startsWith(FIELD)) throw e;
        // the core query's own checks (Id, Expression or MetricStat, Period) name its field only
        throw new ValidationException(
            field + "[" + q.id() + "]." + e.field(), e.value(), e.allowed());
      }
    }
    io.github.cloudtwin.cloudwatch.MetricDataQuery[] array =
        core.toArray(io.github.cloudtwin.cloudwatch.MetricDataQuery[]::new);
    return switch (kind) {
      case "Load" -> PredictiveScalingCustomizedMetric.load(array);
      case "Scaling" -> PredictiveScalingCustomizedMetric.scaling(array);
      default -> PredictiveScalingCustomizedMetric.capacity(array);
    };
  }

  private static io.github.cloudtwin.cloudwatch.MetricDataQuery query(
      String field, MetricDataQuery q) {
    boolean returnData = q.returnData() == null || q.returnData();
    String at = field + "[" + q.id() + "]";
    MetricStat st = q.metricStat();
    if (st == null) {
      return new io.github.cloudtwin.cloudwatch.MetricDataQuery(
          required(at + ".Id", q.id()), null, q.expression(), q.label(), returnData, null);
    }
    Metric metric = st.metric();
    if (metric == null) throw new ValidationException(at + ".MetricStat.Metric", null, "a metric");
    Map<String, String> dims = new TreeMap<>();
    if (metric.hasDimensions())
      for (MetricDimension d : metric.dimensions()) dims.put(d.name(), d.value());
    MetricId id =
        new MetricId(
            required(at + ".MetricStat.Metric.Namespace", metric.namespace()),
            required(at + ".MetricStat.Metric.MetricName", metric.metricName()),
            dims);
    Statistic stat;
    try {
      stat = Statistic.parse(required(at + ".MetricStat.Stat", st.stat()));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          at + ".MetricStat.Stat", st.stat(), "a statistic such as Sum, Average or p99");
    }
    return new io.github.cloudtwin.cloudwatch.MetricDataQuery(
        required(at + ".Id", q.id()),
        new io.github.cloudtwin.cloudwatch.MetricStat(
            id, Duration.ofMinutes(1), stat, unit(at, st.unit())),
        q.expression(),
        q.label(),
        returnData,
        null);
  }

  private static @Nullable StandardUnit unit(String at, @Nullable String unit) {
    if (unit == null) return null;
    for (StandardUnit u : StandardUnit.values()) {
      if (u.awsName().equals(unit)) return u;
    }
    throw new ValidationException(at + ".MetricStat.Unit", unit, "a CloudWatch standard unit");
  }

  private static String required(String field, @Nullable String value) {
    if (value == null) {
      throw new ValidationException(field, null, "a value (it is required)");
    }
    return value;
  }

  /**
   * The metric specification of a policy not put through this client (or changed since): a pair
   * when its load and scaling metric are one pair's, else the load and the scaling metric (and the
   * capacity metric) one by one.
   */
  static PredictiveScalingMetricSpecification spec(PredictiveScalingPolicy s) {
    PredictiveScalingMetricSpecification.Builder b =
        PredictiveScalingMetricSpecification.builder().targetValue(s.targetValue());
    PredefinedMetricPairType pair = s.predefinedMetricPairType();
    PredefinedMetricType scaling = s.predefinedScalingMetricType();
    PredictiveScalingCustomizedMetric load = s.customizedLoadMetric();
    PredictiveScalingCustomizedMetric custom = s.customizedScalingMetric();
    if (pair != null && scaling == null && custom == null) {
      b.predefinedMetricPairSpecification(
          p -> p.predefinedMetricType(pair.name()).resourceLabel(s.resourceLabel()));
    } else {
      if (pair != null) {
        b.predefinedLoadMetricSpecification(
            p ->
                p.predefinedMetricType(loadName(pair))
                    .resourceLabel(
                        pair == PredefinedMetricPairType.ALBRequestCount
                            ? s.resourceLabel()
                            : null));
      } else if (load != null) {
        b.customizedLoadMetricSpecification(
            PredictiveScalingCustomizedLoadMetric.builder()
                .metricDataQueries(queries(load))
                .build());
      }
      if (scaling != null) {
        b.predefinedScalingMetricSpecification(
            p ->
                p.predefinedMetricType(scaling.name())
                    .resourceLabel(
                        scaling == PredefinedMetricType.ALBRequestCountPerTarget
                            ? s.resourceLabel()
                            : null));
      } else if (custom != null) {
        b.customizedScalingMetricSpecification(
            PredictiveScalingCustomizedScalingMetric.builder()
                .metricDataQueries(queries(custom))
                .build());
      }
    }
    PredictiveScalingCustomizedMetric capacity = s.customizedCapacityMetric();
    if (capacity != null) {
      b.customizedCapacityMetricSpecification(
          PredictiveScalingCustomizedCapacityMetric.builder()
              .metricDataQueries(queries(capacity))
              .build());
    }
    return b.build();
  }

  private static String loadName(PredefinedMetricPairType pair) {
    return switch (pair) {
      case ASGCPUUtilization -> "ASGTotalCPUUtilization";
      case ASGNetworkIn -> "ASGTotalNetworkIn";
      case ASGNetworkOut -> "ASGTotalNetworkOut";
      case ALBRequestCount -> "ALBTargetGroupRequestCount";
    };
  }

  /** {@return the twin's metric {@code id} as the SDK's Auto Scaling {@code Metric}} */
  static Metric sdkMetric(MetricId id) {
    return Metric.builder()
        .namespace(id.namespace())
        .metricName(id.metricName())
        .dimensions(
            id.dimensions().entrySet().stream()
                .map(e -> MetricDimension.builder().name(e.getKey()).value(e.getValue()).build())
                .toList())
        .build();
  }

  private static List<MetricDataQuery> queries(PredictiveScalingCustomizedMetric m) {
    List<MetricDataQuery> out = new ArrayList<>();
    for (io.github.cloudtwin.cloudwatch.MetricDataQuery q : m.metricDataQueries()) {
      MetricDataQuery.Builder b =
          MetricDataQuery.builder()
              .id(q.id())
              .expression(q.expression())
              .label(q.label())
              .returnData(q.returnData());
      io.github.cloudtwin.cloudwatch.MetricStat st = q.metricStat();
      if (st != null) {
        MetricId id = st.metric();
        StandardUnit unit = st.unit();
        b.metricStat(
            MetricStat.builder()
                .metric(sdkMetric(id))
                .stat(st.stat().toString())
                .unit(unit == null ? null : unit.awsName())
                .build());
      }
      out.add(b.build());
    }
    return out;
  }
}

package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.PredictiveScalingCustomizedMetric;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.autoscaling.PredictiveScalingRules;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.cloudwatch.MetricStat;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * AWS::AutoScaling::ScalingPolicy with PolicyType PredictiveScaling as the core's {@link
 * PredictiveScalingPolicy}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-autoscaling-scalingpolicy-predictivescalingconfiguration.html),
 * checked by core's {@link PredictiveScalingRules} through the policy's builder, as the aws-sdk
 * module's PutScalingPolicy is: one metric specification, a predefined metric pair, or a load and a
 * scaling metric, each predefined or customized (metric math over the twin's CloudWatch), and an
 * optional customized capacity metric. A refusal names the template's property path.
 */
final class PredictiveScalingResource {

  private static final String CONFIG = "PredictiveScalingConfiguration";
  private static final String METRICS = PredictiveScalingRules.METRIC_SPECIFICATIONS;

  private PredictiveScalingResource() {}

  /** The creation of the policy; validates everything first. */
  static Creation creation(Props p, String group, String name, String arn) {
    String other = null;
    for (String key : PredictiveScalingRules.OTHER_POLICY_TYPES_PROPERTIES) {
      if (p.has(key)) {
        other = key;
        break;
      }
    }
    try {
      PredictiveScalingRules.refuseOtherPolicyTypesProperty(other);
    } catch (ValidationException e) {
      throw p.invalid(e.field(), p.raw(e.field()), e.allowed());
    }
    Props c = p.requiredChild(CONFIG);
    List<Props> specs = c.children(METRICS);
    Props m = specs.size() == 1 ? specs.get(0) : null;
    PredictiveScalingPolicy.Builder b =
        PredictiveScalingPolicy.builder().policyName(name).autoScalingGroupName(group);
    if (specs.isEmpty()) throw c.missing(METRICS);
    if (m != null && m.number("TargetValue") == null) throw m.missing("TargetValue");
    PredictiveScalingPolicy spec;
    try {
      PredictiveScalingRules.oneMetricSpecification(specs.size());
      Props one = java.util.Objects.requireNonNull(m, "one specification");
      b.targetValueGiven(one.number("TargetValue"));
      metric(one, b);
      b.modeName(c.string("Mode"))
          .schedulingBufferSeconds(c.integer("SchedulingBufferTime"))
          .maxCapacityBreachBehaviorName(c.string("MaxCapacityBreachBehavior"))
          .maxCapacityBuffer(c.integer("MaxCapacityBuffer"));
      spec = b.build();
    } catch (ValidationException e) {
      throw refusal(e, c, m);
    }
    PredictiveScalingPolicy policySpec = spec;
    return new Creation() {
      @Override
      public Outcome predict() {
        return Outcome.of(arn).attribute("Arn", arn).attribute("PolicyName", name);
      }

      @Override
      public Outcome create(CloudTwin twin) {
        PredictiveScalingPolicy policy =
            twin.autoScaling().predictiveScaling().putScalingPolicy(policySpec);
        String real = twin.autoScaling().predictiveScaling().policyArn(group, name);
        return Outcome.of(real)
            .attribute("Arn", real)
            .attribute("PolicyName", name)
            .withView(policy);
      }
    };
  }

  /**
   * A rule's refusal at the template's property: {@code MetricSpecifications.X.Y} under the one
   * specification (and its {@code X} child when present), anything else under the configuration.
   */
  private static TemplateValidationException refusal(
      ValidationException e, Props c, @Nullable Props m) {
    String field = e.field();
    String prefix = METRICS + ".";
    if (m == null || !field.startsWith(prefix)) return c.invalid(field, e.value(), e.allowed());
    String rest = field.substring(prefix.length());
    int dot = rest.indexOf('.');
    if (dot > 0) {
      Props child = m.child(rest.substring(0, dot));
      if (child != null) return child.invalid(rest.substring(dot + 1), e.value(), e.allowed());
    }
    return m.invalid(rest, e.value(), e.allowed());
  }

  /**
   * Sets the metrics of {@code m}: a pair, or a load and a scaling metric, each predefined or
   * customized, and a customized capacity metric.
   */
  private static void metric(Props m, PredictiveScalingPolicy.Builder b) {
    Props pair = m.child("PredefinedMetricPairSpecification");
    Props load = m.child("PredefinedLoadMetricSpecification");
    Props scaling = m.child("PredefinedScalingMetricSpecification");
    Props customLoad = m.child("CustomizedLoadMetricSpecification");
    Props customScaling = m.child("CustomizedScalingMetricSpecification");
    Props capacity = m.child("CustomizedCapacityMetricSpecification");
    PredictiveScalingRules.metricShape(
        pair != null, load != null, customLoad != null, scaling != null, customScaling != null);
    if (pair != null) {
      b.metricPair(pair.string("PredefinedMetricType"), pair.string("ResourceLabel"));
    } else if (load != null && scaling != null) {
      b.loadAndScalingMetrics(
          load.string("PredefinedMetricType"),
          load.string("ResourceLabel"),
          scaling.string("PredefinedMetricType"),
          scaling.string("ResourceLabel"));
    } else {
      if (load != null) {
        b.predefinedLoadMetric(load.string("PredefinedMetricType"), load.string("ResourceLabel"));
      }
      if (customLoad != null) b.customizedLoadMetric(customized("Load", customLoad));
      if (scaling != null) {
        b.predefinedScalingMetric(
            scaling.string("PredefinedMetricType"), scaling.string("ResourceLabel"));
      }
      if (customScaling != null) b.customizedScalingMetric(customized("Scaling", customScaling));
    }
    if (capacity != null) b.customizedCapacityMetric(customized("Capacity", capacity));
  }

  /**
   * A customized metric's {@code MetricDataQueries}; a {@code MetricStat} has no {@code Period} in
   * AWS's model and is read on one-minute periods.
   */
  private static PredictiveScalingCustomizedMetric customized(String kind, Props spec) {
    List<MetricDataQuery> queries = new ArrayList<>();
    for (Props q : spec.children("MetricDataQueries")) queries.add(query(q));
    MetricDataQuery[] array = queries.toArray(MetricDataQuery[]::new);
    return switch (kind) {
      case "Load" -> PredictiveScalingCustomizedMetric.load(array);
      case "Scaling" -> PredictiveScalingCustomizedMetric.scaling(array);
      default -> PredictiveScalingCustomizedMetric.capacity(array);
    };
  }

  private static MetricDataQuery query(Props q) {
    String id = q.requiredString("Id");
    Boolean returnData = q.bool("ReturnData");
    MetricStat stat = null;
    if (q.has("MetricStat")) {
      Props ms = q.requiredChild("MetricStat");
      String unit = ms.string("Unit");
      StandardUnit u = null;
      if (unit != null) {
        for (StandardUnit candidate : StandardUnit.values()) {
          if (candidate.awsName().equals(unit)) u = candidate;
        }
        if (u == null) throw ms.invalid("Unit", unit, "a CloudWatch standard unit");
      }
      stat =
          new MetricStat(
              AutoScalingResources.metric(ms.requiredChild("Metric")),
              Duration.ofMinutes(1),
              Statistic.parse(ms.requiredString("Stat")),
              u);
    }
    try {
      return new MetricDataQuery(
          id,
          stat,
          q.string("Expression"),
          q.string("Label"),
          returnData == null || returnData,
          null);
    } catch (ValidationException e) {
      throw q.invalid(e.field().equals("Id") ? "Id" : "Expression", e.value(), e.getMessage());
    }
  }
}

package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.PredefinedMetricPairType;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.autoscaling.PredictiveScalingRules;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * AWS::AutoScaling::ScalingPolicy with PolicyType PredictiveScaling as the core's {@link
 * PredictiveScalingPolicy}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-autoscaling-scalingpolicy-predictivescalingconfiguration.html),
 * checked by core's {@link PredictiveScalingRules} through the policy's builder, as the aws-sdk
 * module's PutScalingPolicy is: one metric specification, a predefined metric pair or a predefined
 * load metric and scaling metric that make up one. A refusal names the template's property path. A
 * specification with only customized metrics, or a load and a scaling metric that are not one
 * pair's, is imported as not simulated; customized metrics set next to predefined ones are reported
 * as unmodelled properties.
 */
final class PredictiveScalingResource {

  private static final String CONFIG = "PredictiveScalingConfiguration";
  private static final String METRICS = PredictiveScalingRules.METRIC_SPECIFICATIONS;

  /** Why a policy is not simulated: the property path and the reason. */
  private record NotModelled(String path, String reason) {}

  private PredictiveScalingResource() {}

  /** The creation of the policy, or of a not simulated stand-in; validates everything first. */
  static Creation creation(ResourceContext r, Props p, String group, String name, String arn) {
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
    @Nullable NotModelled not;
    @Nullable PredictiveScalingPolicy spec;
    try {
      PredictiveScalingRules.oneMetricSpecification(specs.size());
      Props one = java.util.Objects.requireNonNull(m, "one specification");
      b.targetValueGiven(one.number("TargetValue"));
      not = metric(one, b);
      b.modeName(c.string("Mode"))
          .schedulingBufferSeconds(c.integer("SchedulingBufferTime"))
          .maxCapacityBreachBehaviorName(c.string("MaxCapacityBreachBehavior"))
          .maxCapacityBuffer(c.integer("MaxCapacityBuffer"));
      spec = not == null ? b.build() : null;
    } catch (ValidationException e) {
      throw refusal(e, c, m);
    }
    if (not != null || spec == null) {
      NotModelled reason = java.util.Objects.requireNonNull(not, "not simulated");
      if (r.planning()) {
        r.plan()
            .report(
                ImportReport.Kind.NOT_SIMULATED,
                r.logicalId(),
                r.type(),
                reason.path,
                reason.reason);
      }
      c.accept(METRICS);
      return Creation.fixed(
          Outcome.of(arn).attribute("Arn", arn).attribute("PolicyName", name).notSimulated());
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

  /** Sets the metric pair of {@code m}; what keeps it from being simulated, or null. */
  private static @Nullable NotModelled metric(Props m, PredictiveScalingPolicy.Builder b) {
    Props pair = m.child("PredefinedMetricPairSpecification");
    Props load = m.child("PredefinedLoadMetricSpecification");
    Props scaling = m.child("PredefinedScalingMetricSpecification");
    if (pair == null && load == null && scaling == null) {
      for (String kind : List.of("Load", "Scaling", "Capacity")) {
        String key = "Customized" + kind + "MetricSpecification";
        if (m.has(key)) {
          return new NotModelled(
              m.path(key), "customized predictive scaling metrics are not simulated");
        }
      }
    }
    PredictiveScalingRules.metricShape(pair != null, load != null, scaling != null);
    if (pair != null) {
      b.metricPair(pair.string("PredefinedMetricType"), pair.string("ResourceLabel"));
      return null;
    }
    if (load == null || scaling == null) return null; // metricShape refused it
    String loadType = load.string("PredefinedMetricType");
    String scalingType = scaling.string("PredefinedMetricType");
    Optional<PredefinedMetricPairType> p =
        PredictiveScalingRules.loadAndScalingPair(loadType, scalingType);
    if (p.isEmpty()) {
      return new NotModelled(
          m.path("PredefinedScalingMetricSpecification"),
          "a load metric "
              + loadType
              + " with scaling metric "
              + scalingType
              + " is not simulated (only with "
              + PredictiveScalingRules.scalingMetricOf(String.valueOf(loadType))
              + ")");
    }
    b.loadAndScalingMetrics(
        loadType, load.string("ResourceLabel"), scalingType, scaling.string("ResourceLabel"));
    return null;
  }
}

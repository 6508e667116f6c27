package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of one {@code PredictiveScalingMetricSpecification}
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingMetricSpecification.html)
 * on the typed values of a {@link PredictiveScalingPolicy}: a load metric (a predefined one, as a
 * metric pair, or a customized one), a scaling metric (the pair's, a predefined one or a customized
 * one; required with a customized load metric), an optional customized capacity metric, and a
 * resource label exactly when an Application Load Balancer metric needs one. Stateless.
 */
final class PredictiveMetricRules {

  static final String AT = PredictiveScalingRules.METRIC_SPECIFICATIONS + ".";
  static final String CUSTOM_LOAD = AT + "CustomizedLoadMetricSpecification";
  static final String CUSTOM_SCALING = AT + "CustomizedScalingMetricSpecification";
  static final String CUSTOM_CAPACITY = AT + "CustomizedCapacityMetricSpecification";
  private static final String PAIR = AT + "PredefinedMetricPairSpecification";
  private static final String SCALING = AT + "PredefinedScalingMetricSpecification";

  private PredictiveMetricRules() {}

  /** Checks the metric specification's shape and its resource label. */
  static void check(
      @Nullable PredefinedMetricPairType pair,
      @Nullable String resourceLabel,
      @Nullable PredefinedMetricType scaling,
      @Nullable PredictiveScalingCustomizedMetric customLoad,
      @Nullable PredictiveScalingCustomizedMetric customScaling) {
    if (pair == null && customLoad == null) {
      throw new ValidationException(
          PAIR + ".PredefinedMetricType",
          null,
          PredictiveScalingRules.MODELED + "not be null",
          "A metric specification needs a load metric: a PredefinedMetricPairSpecification, a"
              + " PredefinedLoadMetricSpecification or a CustomizedLoadMetricSpecification.");
    }
    if (pair != null && customLoad != null) {
      throw new ValidationException(
          CUSTOM_LOAD,
          "set with a predefined load metric " + pair,
          "either a predefined load metric (or metric pair) or a CustomizedLoadMetricSpecification,"
              + " not both");
    }
    if (scaling != null && customScaling != null) {
      throw new ValidationException(
          CUSTOM_SCALING,
          "set with PredefinedScalingMetricSpecification " + scaling,
          "either a PredefinedScalingMetricSpecification or a"
              + " CustomizedScalingMetricSpecification, not both");
    }
    if (customLoad != null && scaling == null && customScaling == null) {
      throw new ValidationException(
          CUSTOM_SCALING,
          null,
          "a scaling metric with CustomizedLoadMetricSpecification",
          "A CustomizedLoadMetricSpecification needs a scaling metric: a"
              + " PredefinedScalingMetricSpecification or a CustomizedScalingMetricSpecification.");
    }
    boolean labelled =
        pair == PredefinedMetricPairType.ALBRequestCount
            || scaling == PredefinedMetricType.ALBRequestCountPerTarget;
    String labelField =
        (pair == PredefinedMetricPairType.ALBRequestCount || pair != null && scaling == null
                ? PAIR
                : SCALING)
            + ".ResourceLabel";
    if (labelled) {
      String label = Require.name(labelField, resourceLabel);
      if (!label.matches("app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+")) {
        throw new ValidationException(
            labelField,
            label,
            "app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>");
      }
    } else if (resourceLabel != null) {
      throw new ValidationException(
          labelField,
          resourceLabel,
          "no resource label unless a metric is ALBRequestCount, ALBTargetGroupRequestCount or"
              + " ALBRequestCountPerTarget (the load metric is "
              + (pair != null ? pair : "customized")
              + ", the scaling metric "
              + (scaling != null ? scaling : customScaling != null ? "customized" : "the pair's")
              + ")");
    }
  }

  /** {@return the predefined scaling metric that forms a pair with {@code pair}'s load metric} */
  static PredefinedMetricType scalingMetricOf(PredefinedMetricPairType pair) {
    return switch (pair) {
      case ASGCPUUtilization -> PredefinedMetricType.ASGAverageCPUUtilization;
      case ASGNetworkIn -> PredefinedMetricType.ASGAverageNetworkIn;
      case ASGNetworkOut -> PredefinedMetricType.ASGAverageNetworkOut;
      case ALBRequestCount -> PredefinedMetricType.ALBRequestCountPerTarget;
    };
  }
}

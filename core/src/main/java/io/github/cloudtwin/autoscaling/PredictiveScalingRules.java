package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a {@code PredictiveScalingConfiguration}
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html,
 * API_PredictiveScalingMetricSpecification, API_PredefinedMetricPair,
 * API_PredictiveScalingPredefinedLoadMetric, API_PredictiveScalingPredefinedScalingMetric), as the
 * {@link PredictiveScalingPolicy.Builder} applies them to the values a front door (an SDK request,
 * a CloudFormation template) gives as text. Each check throws a {@link ValidationException} whose
 * field is the property's path inside the configuration ({@code Mode}, {@code
 * MetricSpecifications.PredefinedMetricPairSpecification.PredefinedMetricType}) and whose {@code
 * allowed} is AWS's constraint text ({@code Member must satisfy enum value set: [...]}) where AWS
 * models the constraint, so every door answers the same words.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class PredictiveScalingRules {

  /** The configuration's metric specifications property. */
  public static final String METRIC_SPECIFICATIONS = "MetricSpecifications";

  /** The start of AWS's text for a constraint it models (enum values, ranges, required). */
  public static final String MODELED = "Member must ";

  /** The properties of simple, step and target tracking policies, refused with this type. */
  public static final List<String> OTHER_POLICY_TYPES_PROPERTIES =
      List.of(
          "AdjustmentType",
          "ScalingAdjustment",
          "StepAdjustments",
          "TargetTrackingConfiguration",
          "Cooldown",
          "MinAdjustmentMagnitude",
          "MetricAggregationType",
          "EstimatedInstanceWarmup");

  private static final String PAIR = "PredefinedMetricPairSpecification";
  private static final String LOAD = "PredefinedLoadMetricSpecification";
  private static final String SCALING = "PredefinedScalingMetricSpecification";
  private static final String CUSTOM_LOAD = "CustomizedLoadMetricSpecification";
  private static final String CUSTOM_SCALING = "CustomizedScalingMetricSpecification";

  /** Each predefined load metric with the scaling metric it forms a pair with, and that pair. */
  private static final Map<String, Pair> PAIRS =
      Map.of(
          "ASGTotalCPUUtilization",
          new Pair("ASGAverageCPUUtilization", PredefinedMetricPairType.ASGCPUUtilization),
          "ASGTotalNetworkIn",
          new Pair("ASGAverageNetworkIn", PredefinedMetricPairType.ASGNetworkIn),
          "ASGTotalNetworkOut",
          new Pair("ASGAverageNetworkOut", PredefinedMetricPairType.ASGNetworkOut),
          "ALBTargetGroupRequestCount",
          new Pair("ALBRequestCountPerTarget", PredefinedMetricPairType.ALBRequestCount));

  private static final List<String> LOAD_TYPES =
      List.of(
          "ASGTotalCPUUtilization",
          "ASGTotalNetworkIn",
          "ASGTotalNetworkOut",
          "ALBTargetGroupRequestCount");
  private static final List<String> SCALING_TYPES =
      List.of(
          "ASGAverageCPUUtilization",
          "ASGAverageNetworkIn",
          "ASGAverageNetworkOut",
          "ALBRequestCountPerTarget");

  private record Pair(String scalingMetric, PredefinedMetricPairType pair) {}

  private PredictiveScalingRules() {}

  /**
   * Refuses a property of another policy type: AWS answers "{@code <property>} is not supported for
   * a PredictiveScaling policy."
   *
   * @param property the property given, or null when none is
   */
  public static void refuseOtherPolicyTypesProperty(@Nullable String property) {
    if (property == null) return;
    throw new ValidationException(
        property,
        "set",
        "no value with PolicyType PredictiveScaling",
        property + " is not supported for a PredictiveScaling policy.");
  }

  /**
   * AWS takes exactly one metric specification ("This is an array, but we currently only support a
   * single metric specification").
   *
   * @param count how many were given
   */
  public static void oneMetricSpecification(int count) {
    if (count == 0) {
      throw new ValidationException(METRIC_SPECIFICATIONS, null, MODELED + "not be null");
    }
    if (count != 1) {
      throw new ValidationException(
          METRIC_SPECIFICATIONS,
          count + " metric specifications",
          "exactly one metric specification",
          "MetricSpecifications must hold exactly one metric specification (it holds "
              + count
              + "): a target value and a metric pair, or a target value, a load metric and a"
              + " scaling metric.");
    }
  }

  /**
   * A metric specification takes a metric pair, or a load metric and a scaling metric.
   *
   * @param pair whether PredefinedMetricPairSpecification is given
   * @param load whether PredefinedLoadMetricSpecification is given
   * @param scaling whether PredefinedScalingMetricSpecification is given
   */
  public static void metricShape(boolean pair, boolean load, boolean scaling) {
    metricShape(pair, load, false, scaling, false);
  }

  /**
   * A metric specification takes a metric pair, or a load metric (predefined or customized) and a
   * scaling metric (predefined or customized); a customized capacity metric may join either.
   *
   * @param pair whether PredefinedMetricPairSpecification is given
   * @param load whether PredefinedLoadMetricSpecification is given
   * @param customLoad whether CustomizedLoadMetricSpecification is given
   * @param scaling whether PredefinedScalingMetricSpecification is given
   * @param customScaling whether CustomizedScalingMetricSpecification is given
   */
  public static void metricShape(
      boolean pair, boolean load, boolean customLoad, boolean scaling, boolean customScaling) {
    String at = METRIC_SPECIFICATIONS + ".";
    String loadName = customLoad ? CUSTOM_LOAD : LOAD;
    String scalingName = customScaling ? CUSTOM_SCALING : SCALING;
    boolean anyLoad = load || customLoad;
    boolean anyScaling = scaling || customScaling;
    if (pair && (anyLoad || anyScaling)) {
      String other = anyLoad ? loadName : scalingName;
      throw new ValidationException(
          at + other,
          "set with " + PAIR,
          "either " + PAIR + " or " + loadName + " and " + scalingName + ", not both",
          "A metric specification takes either "
              + PAIR
              + " or "
              + loadName
              + " and "
              + scalingName
              + ", not both.");
    }
    if (load && customLoad || scaling && customScaling) {
      String both = load && customLoad ? CUSTOM_LOAD : CUSTOM_SCALING;
      String predefined = load && customLoad ? LOAD : SCALING;
      throw new ValidationException(
          at + both,
          "set with " + predefined,
          "either " + predefined + " or " + both + ", not both",
          "A metric specification takes either " + predefined + " or " + both + ", not both.");
    }
    if (pair || (anyLoad && anyScaling)) return;
    if (!anyLoad && !anyScaling) {
      throw new ValidationException(
          at + PAIR,
          null,
          "a " + PAIR + ", or a " + LOAD + " and a " + SCALING,
          "A metric specification needs a " + PAIR + ", or a " + LOAD + " and a " + SCALING + ".");
    }
    String absent = anyLoad ? SCALING : LOAD;
    String present = anyLoad ? loadName : scalingName;
    throw new ValidationException(
        at + absent,
        null,
        "a value with " + present,
        absent
            + " is required with "
            + present
            + " (or "
            + (anyLoad ? CUSTOM_SCALING : CUSTOM_LOAD)
            + ").");
  }

  /**
   * {@return the mode named {@code value}; ForecastOnly (AWS's default) when null}
   *
   * @param value the Mode as given
   */
  public static PredictiveScalingMode mode(@Nullable String value) {
    return value == null
        ? PredictiveScalingMode.ForecastOnly
        : PredictiveScalingMode.valueOf(
            oneOf("Mode", value, List.of("ForecastAndScale", "ForecastOnly")));
  }

  /**
   * {@return the behavior named {@code value}; HonorMaxCapacity (AWS's default) when null}
   *
   * @param value the MaxCapacityBreachBehavior as given
   */
  public static PredictiveScalingMaxCapacityBreachBehavior maxCapacityBreachBehavior(
      @Nullable String value) {
    return value == null
        ? PredictiveScalingMaxCapacityBreachBehavior.HonorMaxCapacity
        : PredictiveScalingMaxCapacityBreachBehavior.valueOf(
            oneOf(
                "MaxCapacityBreachBehavior",
                value,
                List.of("HonorMaxCapacity", "IncreaseMaxCapacity")));
  }

  /**
   * {@return the metric pair named {@code value}}
   *
   * @param value the PredefinedMetricPairSpecification's PredefinedMetricType
   */
  public static PredefinedMetricPairType metricPair(@Nullable String value) {
    String field = METRIC_SPECIFICATIONS + "." + PAIR + ".PredefinedMetricType";
    return PredefinedMetricPairType.valueOf(
        oneOf(
            field,
            value,
            List.of("ASGCPUUtilization", "ASGNetworkIn", "ASGNetworkOut", "ALBRequestCount")));
  }

  /**
   * The pair a predefined load metric and scaling metric make up; empty when they are valid names
   * but not one pair's (a policy then forecasts the load metric, its capacity the load over the
   * target value as always).
   *
   * @param load the PredefinedLoadMetricSpecification's PredefinedMetricType
   * @param scaling the PredefinedScalingMetricSpecification's PredefinedMetricType
   * @return the pair, or empty
   */
  public static Optional<PredefinedMetricPairType> loadAndScalingPair(
      @Nullable String load, @Nullable String scaling) {
    PredefinedMetricPairType pair = loadMetric(load);
    PredefinedMetricType s = scalingMetric(scaling);
    return PredictiveMetricRules.scalingMetricOf(pair) == s ? Optional.of(pair) : Optional.empty();
  }

  /**
   * {@return the pair whose load metric {@code load} names}
   *
   * @param load the PredefinedLoadMetricSpecification's PredefinedMetricType
   */
  public static PredefinedMetricPairType loadMetric(@Nullable String load) {
    String l =
        oneOf(METRIC_SPECIFICATIONS + "." + LOAD + ".PredefinedMetricType", load, LOAD_TYPES);
    return Objects.requireNonNull(PAIRS.get(l), "oneOf accepted only a known load metric").pair();
  }

  /**
   * {@return the predefined scaling metric {@code scaling} names}
   *
   * @param scaling the PredefinedScalingMetricSpecification's PredefinedMetricType
   */
  public static PredefinedMetricType scalingMetric(@Nullable String scaling) {
    return PredefinedMetricType.valueOf(
        oneOf(
            METRIC_SPECIFICATIONS + "." + SCALING + ".PredefinedMetricType",
            scaling,
            SCALING_TYPES));
  }

  /**
   * {@return the scaling metric that forms a pair with {@code load}}
   *
   * @param load a valid PredefinedLoadMetricSpecification PredefinedMetricType
   */
  public static String scalingMetricOf(String load) {
    return Objects.requireNonNull(PAIRS.get(load), "a known load metric").scalingMetric();
  }

  /**
   * The load and the scaling metric of one specification name the same target group.
   *
   * @param load the load metric's ResourceLabel, or null
   * @param scaling the scaling metric's ResourceLabel, or null
   * @return the label
   */
  public static @Nullable String sameResourceLabel(
      @Nullable String load, @Nullable String scaling) {
    if (Objects.equals(load, scaling)) return load;
    throw new ValidationException(
        METRIC_SPECIFICATIONS + "." + SCALING + ".ResourceLabel",
        scaling,
        "the load metric's ResourceLabel " + load,
        "The load metric's ResourceLabel "
            + load
            + " and the scaling metric's "
            + scaling
            + " must name the same target group.");
  }

  /**
   * {@code SchedulingBufferTime}: AWS models 0 to 3600 and requires less than the forecast interval
   * of 3600 seconds.
   *
   * @param seconds the value given
   * @return the value
   */
  public static int schedulingBufferTime(int seconds) {
    if (seconds < 0) {
      throw new ValidationException(
          "SchedulingBufferTime", seconds, MODELED + "have value greater than or equal to 0");
    }
    if (seconds > 3599) {
      throw new ValidationException(
          "SchedulingBufferTime",
          seconds,
          "0 to 3599 seconds (less than the forecast interval of 3600 seconds)");
    }
    return seconds;
  }

  /**
   * {@code MaxCapacityBuffer}: 0 to 100, required with IncreaseMaxCapacity and refused otherwise.
   *
   * @param behavior the behavior
   * @param buffer the buffer given, or null
   */
  public static void maxCapacityBuffer(
      PredictiveScalingMaxCapacityBreachBehavior behavior, @Nullable Integer buffer) {
    if (buffer != null && (buffer < 0 || buffer > 100)) {
      throw new ValidationException(
          "MaxCapacityBuffer",
          buffer,
          MODELED
              + (buffer < 0
                  ? "have value greater than or equal to 0"
                  : "have value less than or equal to 100"));
    }
    if (behavior == PredictiveScalingMaxCapacityBreachBehavior.IncreaseMaxCapacity) {
      if (buffer == null) {
        throw new ValidationException(
            "MaxCapacityBuffer", null, "a value from 0 to 100 with IncreaseMaxCapacity");
      }
    } else if (buffer != null) {
      throw new ValidationException(
          "MaxCapacityBuffer",
          buffer,
          "no value unless MaxCapacityBreachBehavior is IncreaseMaxCapacity");
    }
  }

  /**
   * {@code TargetValue}: required, greater than 0.
   *
   * @param value the value given, or null
   * @return the value
   */
  public static double targetValue(@Nullable Double value) {
    String field = METRIC_SPECIFICATIONS + ".TargetValue";
    if (value == null) throw new ValidationException(field, null, MODELED + "not be null");
    if (!Double.isFinite(value) || value <= 0) {
      throw new ValidationException(field, value, "greater than 0");
    }
    return value;
  }

  private static String oneOf(String field, @Nullable String value, List<String> allowed) {
    if (value != null && allowed.contains(value)) return value;
    throw new ValidationException(
        field,
        value,
        value == null
            ? MODELED + "not be null"
            : MODELED + "satisfy enum value set: [" + String.join(", ", allowed) + "]");
  }
}

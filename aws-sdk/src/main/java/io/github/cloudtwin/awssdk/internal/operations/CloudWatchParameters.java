package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Map;

/**
 * CloudWatch's request values as the twin's types, with CloudWatch's errors ({@code
 * MissingParameter}, {@code InvalidParameterValue}) and messages for what is missing or invalid.
 */
final class CloudWatchParameters {

  private CloudWatchParameters() {}

  static void namespace(String namespace) {
    if (namespace == null) throw missing("Namespace");
    if (namespace.isEmpty() || namespace.length() > 255) {
      throw invalid("The value for parameter Namespace must be between 1 and 255 characters long.");
    }
  }

  static void checkPeriod(String field, int period) {
    if (period < 1
        || !(period == 1
            || period == 5
            || period == 10
            || period == 20
            || period == 30
            || period % 60 == 0)) {
      throw invalid(
          "The parameter "
              + field
              + " must be 1, 5, 10, 20, 30, or any multiple of 60 (it is "
              + period
              + ").");
    }
  }

  static MetricId metric(String namespace, String metricName, Map<String, String> dimensions) {
    if (dimensions != null && dimensions.size() > 30) {
      throw invalid("The collection Dimensions must not have a size greater than 30.");
    }
    try {
      return new MetricId(namespace, metricName, dimensions == null ? Map.of() : dimensions);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  static StandardUnit unit(String unit) {
    if (unit == null) return StandardUnit.NONE;
    for (StandardUnit u : StandardUnit.values()) if (u.awsName().equals(unit)) return u;
    throw invalid("The value " + unit + " for parameter Unit is not simulated or invalid.");
  }

  static Statistic statistic(String s) {
    try {
      return Statistic.parse(s);
    } catch (ValidationException e) {
      throw invalid("The value " + s + " for parameter Statistics is invalid.");
    }
  }

  static ComparisonOperator comparison(String s) {
    try {
      return ComparisonOperator.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "The value "
              + s
              + " for parameter ComparisonOperator is invalid (the twin simulates the four"
              + " static threshold operators).");
    }
  }

  static TreatMissingData treatMissing(String s) {
    try {
      return TreatMissingData.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "The value "
              + s
              + " for parameter TreatMissingData is invalid: use breaching, notBreaching,"
              + " ignore or missing.");
    }
  }

  static AlarmState state(String s) {
    try {
      return AlarmState.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "The value "
              + s
              + " for parameter StateValue is invalid: use OK, ALARM or INSUFFICIENT_DATA.");
    }
  }

  static AwsErrorException missing(String field) {
    return AwsErrorException.badRequest(
        "MissingParameter", "The parameter " + field + " is required.");
  }

  static AwsErrorException invalid(String message) {
    return AwsErrorException.badRequest("InvalidParameterValue", message);
  }
}

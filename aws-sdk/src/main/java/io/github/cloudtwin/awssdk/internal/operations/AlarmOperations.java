package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.comparison;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.invalid;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.missing;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.state;
import static io.github.cloudtwin.awssdk.internal.operations.CloudWatchParameters.treatMissing;

import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.PutAlarm;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations.PutComposite;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's alarm mutations: put a metric, metric math or composite alarm, delete alarms, set an
 * alarm's state, enable or disable actions; and finding an alarm by name.
 */
final class AlarmOperations {

  private final CloudWatch cloudWatch;
  private final AlarmActionArns actions;

  AlarmOperations(CloudWatch cloudWatch, AlarmActionArns actions) {
    this.cloudWatch = cloudWatch;
    this.actions = actions;
  }

  MetricAlarm putMetricAlarm(PutAlarm r) {
    if (r.alarmName() == null) throw missing("AlarmName");
    checkAlarmName(r.alarmName());
    boolean math = r.metrics() != null && !r.metrics().isEmpty();
    if (math
        && (r.metric() != null
            || r.statistic() != null
            || r.extendedStatistic() != null
            || r.period() != null)) {
      throw AwsErrorException.badRequest(
          "InvalidParameterCombination",
          "The parameters Metrics and MetricName, Namespace,"
              + " Dimensions, Statistic, ExtendedStatistic and Period are mutually exclusive (each MetricStat has its own).");
    }
    if (!math && r.metric() == null) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "Metrics list must not be empty and MetricName and" + " Namespace are required.");
    }
    if (r.evaluationPeriods() == null) throw missing("EvaluationPeriods");
    if (r.comparisonOperator() == null) throw missing("ComparisonOperator");
    if (r.threshold() == null) throw missing("Threshold");
    if (math) return putMathAlarm(r);
    if (r.period() == null) throw missing("Period");
    if ((r.statistic() == null) == (r.extendedStatistic() == null)) {
      throw AwsErrorException.badRequest(
          "InvalidParameterCombination",
          r.statistic() == null
              ? "Must specify either Statistic or ExtendedStatistic."
              : "The parameters Statistic and ExtendedStatistic are mutually exclusive and you have specified both.");
    }
    ComparisonOperator op = comparison(r.comparisonOperator());
    TreatMissingData tmd =
        r.treatMissingData() == null
            ? TreatMissingData.missing
            : treatMissing(r.treatMissingData());
    MetricAlarmSpec.Builder b =
        MetricAlarmSpec.builder()
            .alarmName(r.alarmName())
            .alarmDescription(r.alarmDescription())
            .metric(r.metric())
            .period(Duration.ofSeconds(r.period()))
            .evaluationPeriods(r.evaluationPeriods())
            .threshold(r.threshold())
            .comparisonOperator(op)
            .treatMissingData(tmd)
            .alarmActions(
                actions.actions("AlarmActions", r.alarmActions()).toArray(AlarmAction[]::new))
            .okActions(actions.actions("OKActions", r.okActions()).toArray(AlarmAction[]::new))
            .insufficientDataActions(
                actions
                    .actions("InsufficientDataActions", r.insufficientDataActions())
                    .toArray(AlarmAction[]::new));
    if (r.statistic() != null) {
      if (!List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum").contains(r.statistic())) {
        throw invalid("The value " + r.statistic() + " for parameter Statistic is invalid.");
      }
      b.statistic(Statistic.parse(r.statistic()));
    } else {
      b.extendedStatistic(r.extendedStatistic());
    }
    if (r.datapointsToAlarm() != null) b.datapointsToAlarm(r.datapointsToAlarm());
    if (r.actionsEnabled() != null) b.actionsEnabled(r.actionsEnabled());
    if (r.evaluateLowSampleCountPercentile() != null) {
      switch (r.evaluateLowSampleCountPercentile()) {
        case "evaluate" -> b.evaluateLowSampleCountPercentile(true);
        case "ignore" -> b.evaluateLowSampleCountPercentile(false);
        default ->
            throw invalid(
                "The value "
                    + r.evaluateLowSampleCountPercentile()
                    + " for parameter EvaluateLowSampleCountPercentile is invalid: use evaluate or ignore.");
      }
    }
    try {
      return cloudWatch.putMetricAlarm(b.build());
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  private MetricAlarm putMathAlarm(PutAlarm r) {
    MetricAlarmSpec.Builder b =
        MetricAlarmSpec.builder()
            .alarmName(r.alarmName())
            .alarmDescription(r.alarmDescription())
            .metrics(
                MetricQueries.queries(
                    Objects.requireNonNull(r.metrics(), "an alarm on metric math has Metrics"),
                    "Metrics"))
            .evaluationPeriods(r.evaluationPeriods())
            .threshold(r.threshold())
            .comparisonOperator(comparison(r.comparisonOperator()))
            .treatMissingData(
                r.treatMissingData() == null
                    ? TreatMissingData.missing
                    : treatMissing(r.treatMissingData()))
            .alarmActions(
                actions.actions("AlarmActions", r.alarmActions()).toArray(AlarmAction[]::new))
            .okActions(actions.actions("OKActions", r.okActions()).toArray(AlarmAction[]::new))
            .insufficientDataActions(
                actions
                    .actions("InsufficientDataActions", r.insufficientDataActions())
                    .toArray(AlarmAction[]::new));
    if (r.datapointsToAlarm() != null) b.datapointsToAlarm(r.datapointsToAlarm());
    if (r.actionsEnabled() != null) b.actionsEnabled(r.actionsEnabled());
    try {
      return cloudWatch.putMetricAlarm(b.build());
    } catch (ValidationException e) {
      throw e.getMessage().startsWith("Exactly one element")
          ? AwsErrorException.badRequest("ValidationError", e.getMessage())
          : invalid(e.getMessage());
    }
  }

  CompositeAlarm putCompositeAlarm(PutComposite r) {
    if (r.alarmName() == null) throw missing("AlarmName");
    if (r.alarmRule() == null) throw missing("AlarmRule");
    checkAlarmName(r.alarmName());
    CompositeAlarmSpec.Builder b =
        CompositeAlarmSpec.builder()
            .alarmName(r.alarmName())
            .alarmDescription(r.alarmDescription())
            .alarmRule(r.alarmRule())
            .alarmActions(
                actions.actions("AlarmActions", r.alarmActions()).toArray(AlarmAction[]::new))
            .okActions(actions.actions("OKActions", r.okActions()).toArray(AlarmAction[]::new))
            .insufficientDataActions(
                actions
                    .actions("InsufficientDataActions", r.insufficientDataActions())
                    .toArray(AlarmAction[]::new));
    if (r.actionsEnabled() != null) b.actionsEnabled(r.actionsEnabled());
    if (r.actionsSuppressor() != null
        || r.actionsSuppressorWaitPeriod() != null
        || r.actionsSuppressorExtensionPeriod() != null) {
      b.actionsSuppressor(
          r.actionsSuppressor(),
          r.actionsSuppressorWaitPeriod() == null
              ? null
              : Duration.ofSeconds(r.actionsSuppressorWaitPeriod()),
          r.actionsSuppressorExtensionPeriod() == null
              ? null
              : Duration.ofSeconds(r.actionsSuppressorExtensionPeriod()));
    }
    try {
      return cloudWatch.putCompositeAlarm(b.build());
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  void deleteAlarms(@Nullable List<String> names) {
    if (names == null || names.isEmpty()) throw missing("AlarmNames");
    for (String n : names) exists(n);
    try {
      cloudWatch.deleteAlarms(names.toArray(String[]::new));
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** ResourceNotFound unless a metric or composite alarm of this name exists. */
  void exists(String name) {
    for (CompositeAlarm c : cloudWatch.compositeAlarms()) if (c.alarmName().equals(name)) return;
    alarm(name);
  }

  void setAlarmState(String alarmName, String stateValue, String stateReason) {
    if (alarmName == null) throw missing("AlarmName");
    if (stateValue == null) throw missing("StateValue");
    if (stateReason == null) throw missing("StateReason");
    AlarmState s = state(stateValue);
    exists(alarmName);
    cloudWatch.setAlarmState(alarmName, s, stateReason);
  }

  void setActionsEnabled(@Nullable List<String> names, boolean enabled) {
    if (names == null || names.isEmpty()) throw missing("AlarmNames");
    for (String n : names) {
      MetricAlarm a =
          cloudWatch.alarms().stream()
              .filter(x -> x.alarmName().equals(n))
              .findFirst()
              .orElse(null);
      if (a != null && a.spec().actionsEnabled() != enabled) {
        cloudWatch.putMetricAlarm(a.spec().toBuilder().actionsEnabled(enabled).build());
      }
    }
  }

  /** The alarm, or AWS's ResourceNotFound. */
  MetricAlarm alarm(String name) {
    for (MetricAlarm a : cloudWatch.alarms()) if (a.alarmName().equals(name)) return a;
    throw new AwsErrorException("ResourceNotFound", 404, "Alarm " + name + " does not exist.");
  }

  /** InvalidParameterValue unless the alarm name has 1 to 255 characters. */
  private static void checkAlarmName(String name) {
    if (name.isEmpty() || name.length() > 255) {
      throw invalid("The value for parameter AlarmName must be between 1 and 255 characters long.");
    }
  }
}

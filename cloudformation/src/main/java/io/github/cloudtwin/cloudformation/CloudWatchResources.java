package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.cloudwatch.MetricStat;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS::CloudWatch::Alarm (a metric, or metric math on {@code Metrics}) and
 * AWS::CloudWatch::CompositeAlarm: alarms whose actions run the template's scaling policies.
 */
final class CloudWatchResources {

  private CloudWatchResources() {}

  static final ResourceHandler ALARM =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("AlarmName"), 255);
        String arn = r.arn("cloudwatch", "alarm:" + name);
        if (p.has("Metrics")) {
          return mathAlarm(r, p, name, arn);
        }
        MetricAlarmSpec.Builder b =
            MetricAlarmSpec.builder().alarmName(name).metric(AutoScalingResources.metric(p));
        String description = p.string("AlarmDescription");
        if (description != null) b.alarmDescription(description);
        String statistic = p.string("Statistic");
        String extended = p.string("ExtendedStatistic");
        if ((statistic == null) == (extended == null)) {
          throw r.invalid(
              "Properties.Statistic",
              statistic == null ? null : statistic + " and " + extended,
              "exactly one of Statistic and ExtendedStatistic");
        }
        if (statistic != null) {
          if (Statistic.parse(statistic).isPercentile())
            throw p.invalid(
                "Statistic",
                statistic,
                "SampleCount, Average, Sum, Minimum or Maximum (percentiles go in ExtendedStatistic)");
          b.statistic(Statistic.parse(statistic));
        } else {
          b.extendedStatistic(extended);
        }
        Integer period = p.integer("Period");
        if (period == null) throw p.missing("Period");
        b.period(Duration.ofSeconds(period));
        b.evaluationPeriods(p.requiredInt("EvaluationPeriods"));
        Integer m = p.integer("DatapointsToAlarm");
        if (m != null) b.datapointsToAlarm(m);
        Double threshold = p.number("Threshold");
        if (threshold == null) throw p.missing("Threshold");
        b.threshold(threshold);
        ComparisonOperator op = Enums.optional(p, "ComparisonOperator", ComparisonOperator.class);
        if (op == null) throw p.missing("ComparisonOperator");
        b.comparisonOperator(op);
        b.treatMissingData(
            Enums.parse(p, "TreatMissingData", TreatMissingData.class, TreatMissingData.missing));
        String low = p.string("EvaluateLowSampleCountPercentile");
        if (low != null) {
          if (!low.equals("evaluate") && !low.equals("ignore"))
            throw p.invalid("EvaluateLowSampleCountPercentile", low, "evaluate or ignore");
          b.evaluateLowSampleCountPercentile(low.equals("evaluate"));
        }
        Boolean enabled = p.bool("ActionsEnabled");
        if (enabled != null) b.actionsEnabled(enabled);
        b.alarmActions(actions(r, p, "AlarmActions"));
        b.okActions(actions(r, p, "OKActions"));
        b.insufficientDataActions(actions(r, p, "InsufficientDataActions"));
        MetricAlarmSpec spec = b.build();
        return metricAlarm(r, name, arn, spec);
      };

  /**
   * An alarm on {@code Metrics}: metric math (MetricDataQuery list), the rest as a metric alarm.
   */
  private static Creation mathAlarm(ResourceContext r, Props p, String name, String arn) {
    for (String key :
        List.of(
            "MetricName",
            "Namespace",
            "Dimensions",
            "Statistic",
            "ExtendedStatistic",
            "Period",
            "Unit")) {
      if (p.has(key)) {
        throw p.invalid(
            key,
            p.raw(key),
            "no " + key + " with Metrics (each MetricStat names its metric, statistic and period)");
      }
    }
    if (p.has("ThresholdMetricId")) {
      throw p.invalid(
          "ThresholdMetricId",
          p.raw("ThresholdMetricId"),
          "a static Threshold (anomaly detection bands are not simulated)");
    }
    List<MetricDataQuery> queries = new ArrayList<>();
    for (Props q : p.children("Metrics")) queries.add(query(q));
    MetricAlarmSpec.Builder b = MetricAlarmSpec.builder().alarmName(name).metrics(queries);
    String description = p.string("AlarmDescription");
    if (description != null) b.alarmDescription(description);
    b.evaluationPeriods(p.requiredInt("EvaluationPeriods"));
    Integer m = p.integer("DatapointsToAlarm");
    if (m != null) b.datapointsToAlarm(m);
    Double threshold = p.number("Threshold");
    if (threshold == null) throw p.missing("Threshold");
    b.threshold(threshold);
    ComparisonOperator op = Enums.optional(p, "ComparisonOperator", ComparisonOperator.class);
    if (op == null) throw p.missing("ComparisonOperator");
    b.comparisonOperator(op);
    b.treatMissingData(
        Enums.parse(p, "TreatMissingData", TreatMissingData.class, TreatMissingData.missing));
    Boolean enabled = p.bool("ActionsEnabled");
    if (enabled != null) b.actionsEnabled(enabled);
    b.alarmActions(actions(r, p, "AlarmActions"));
    b.okActions(actions(r, p, "OKActions"));
    b.insufficientDataActions(actions(r, p, "InsufficientDataActions"));
    MetricAlarmSpec spec;
    try {
      spec = b.build();
    } catch (ValidationException e) {
      throw r.invalid("Properties.Metrics", e.value(), e.getMessage());
    }
    return metricAlarm(r, name, arn, spec);
  }

  private static MetricDataQuery query(Props q) {
    String id = q.requiredString("Id");
    String label = q.string("Label");
    Boolean returnData = q.bool("ReturnData");
    if (q.has("AccountId"))
      throw q.invalid(
          "AccountId",
          q.raw("AccountId"),
          "no AccountId (cross-account metric math is not simulated)");
    String expression = q.string("Expression");
    Integer period = q.integer("Period");
    MetricStat stat = null;
    if (q.has("MetricStat")) {
      Props ms = q.requiredChild("MetricStat");
      if (ms.has("Unit"))
        throw ms.invalid(
            "Unit", ms.raw("Unit"), "no Unit (the twin's math alarms watch every unit)");
      stat =
          MetricStat.of(
              AutoScalingResources.metric(ms.requiredChild("Metric")),
              Duration.ofSeconds(ms.requiredInt("Period")),
              Statistic.parse(ms.requiredString("Stat")));
    }
    try {
      return new MetricDataQuery(
          id,
          stat,
          expression,
          label,
          returnData == null || returnData,
          period == null ? null : Duration.ofSeconds(period));
    } catch (ValidationException e) {
      throw q.invalid(
          e.field().endsWith("Period")
              ? "Period"
              : stat == null && expression == null ? "Expression" : "Id",
          e.value(),
          e.getMessage());
    }
  }

  /** AWS::CloudWatch::CompositeAlarm: a rule over the twin's alarms, with action suppression. */
  static final ResourceHandler COMPOSITE_ALARM =
      r -> {
        Props p = r.props();
        String name = r.name(p.string("AlarmName"), 255);
        String arn = r.arn("cloudwatch", "alarm:" + name);
        CompositeAlarmSpec.Builder b =
            CompositeAlarmSpec.builder().alarmName(name).alarmRule(p.requiredString("AlarmRule"));
        String description = p.string("AlarmDescription");
        if (description != null) b.alarmDescription(description);
        Boolean enabled = p.bool("ActionsEnabled");
        if (enabled != null) b.actionsEnabled(enabled);
        String suppressor = p.string("ActionsSuppressor");
        Integer wait = p.integer("ActionsSuppressorWaitPeriod");
        Integer extension = p.integer("ActionsSuppressorExtensionPeriod");
        if (suppressor != null || wait != null || extension != null) {
          b.actionsSuppressor(
              suppressor,
              wait == null ? null : Duration.ofSeconds(wait),
              extension == null ? null : Duration.ofSeconds(extension));
        }
        AlarmAction[] alarmActions = actions(r, p, "AlarmActions");
        AlarmAction[] okActions = actions(r, p, "OKActions");
        AlarmAction[] insufficient = actions(r, p, "InsufficientDataActions");
        for (AlarmAction a : concat(alarmActions, okActions, insufficient)) {
          if (a.isScalingAction()) {
            throw r.invalid(
                "Properties.AlarmActions",
                a.name(),
                "a notification: composite alarms take no scaling actions");
          }
        }
        b.alarmActions(alarmActions).okActions(okActions).insufficientDataActions(insufficient);
        CompositeAlarmSpec spec;
        try {
          spec = b.build();
        } catch (ValidationException e) {
          throw r.invalid("Properties." + e.field(), e.value(), e.getMessage());
        }
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(name).attribute("Arn", arn);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            CompositeAlarm alarm = twin.cloudWatch().putCompositeAlarm(spec);
            return Outcome.of(name).attribute("Arn", arn).withView(alarm);
          }
        };
      };

  private static List<AlarmAction> concat(AlarmAction[]... lists) {
    List<AlarmAction> out = new ArrayList<>();
    for (AlarmAction[] l : lists) out.addAll(List.of(l));
    return out;
  }

  /**
   * The actions that run a policy of the template; others (SNS topics, ...) are reported and left
   * out.
   */
  private static AlarmAction[] actions(ResourceContext r, Props p, String key) {
    List<String> arns = p.strings(key);
    List<AlarmAction> out = new ArrayList<>();
    if (arns == null) return new AlarmAction[0];
    for (int i = 0; i < arns.size(); i++) {
      String arn = arns.get(i);
      String path = "Properties." + key + "[" + i + "]";
      ResourceContext.Found f = r.byRef(arn);
      if (f != null
          && f.outcome().simulated()
          && f.outcome().view() instanceof ScalingPolicy policy) {
        out.add(policy.asAlarmAction());
      } else if (f != null
          && f.outcome().simulated()
          && r.planning()
          && AlarmActions.isScalingPolicy(f.type())) {
        out.add(AlarmAction.scaling(arn, c -> {}));
      } else if (f != null
          && f.outcome().simulated()
          && f.outcome().detail() instanceof AlarmAction action) {
        out.add(action);
      } else {
        r.unmodelled(
            path,
            "action "
                + arn
                + (f == null ? "" : " (" + f.logicalId() + ", " + f.type() + ")")
                + " is not simulated: only the template's scaling policies run");
      }
    }
    return out.toArray(AlarmAction[]::new);
  }

  /** The resource types whose Ref an alarm action can run. */
  static final class AlarmActions {
    private AlarmActions() {}

    static boolean isScalingPolicy(String type) {
      return type.equals("AWS::AutoScaling::ScalingPolicy")
          || type.equals("AWS::ApplicationAutoScaling::ScalingPolicy");
    }
  }

  /** The creation of metric alarm {@code name}: refused when the twin has an alarm of that name. */
  private static Creation metricAlarm(
      ResourceContext r, String name, String arn, MetricAlarmSpec spec) {
    return new Creation() {
      @Override
      public Outcome predict() {
        if (r.twin().cloudWatch().alarms().stream().anyMatch(a -> a.alarmName().equals(name))) {
          throw r.invalid("Properties.AlarmName", name, "a name no alarm of the twin has");
        }
        return Outcome.of(name).attribute("Arn", arn);
      }

      @Override
      public Outcome create(CloudTwin twin) {
        MetricAlarm alarm = twin.cloudWatch().putMetricAlarm(spec);
        return Outcome.of(name).attribute("Arn", arn).withView(alarm);
      }
    };
  }
}

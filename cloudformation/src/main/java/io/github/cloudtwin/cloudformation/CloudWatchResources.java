package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** AWS::CloudWatch::Alarm: metric alarms whose actions run the template's scaling policies. */
final class CloudWatchResources {

  private CloudWatchResources() {}

  static final ResourceHandler ALARM = r -> {
    Props p = r.props();
    String name = r.name(p.string("AlarmName"), 255);
    String arn = r.arn("cloudwatch", "alarm:" + name);
    if (p.has("Metrics")) {
      p.accept("Metrics");
      if (r.planning()) {
        r.plan().report(ImportReport.Kind.NOT_SIMULATED, r.logicalId(), r.type(), "Properties.Metrics",
            "metric math alarms are not simulated: the alarm does not exist in the twin");
      }
      for (String key : List.of("AlarmActions", "OKActions", "InsufficientDataActions", "ComparisonOperator", "EvaluationPeriods",
          "Threshold", "ThresholdMetricId", "DatapointsToAlarm", "TreatMissingData", "AlarmDescription", "ActionsEnabled")) {
        p.accept(key);
      }
      return Creation.fixed(Outcome.of(name).attribute("Arn", arn).notSimulated());
    }
    MetricAlarmSpec.Builder b = MetricAlarmSpec.builder().alarmName(name)
        .metric(AutoScalingResources.metric(p));
    String description = p.string("AlarmDescription");
    if (description != null) b.alarmDescription(description);
    String statistic = p.string("Statistic");
    String extended = p.string("ExtendedStatistic");
    if ((statistic == null) == (extended == null)) {
      throw r.invalid("Properties.Statistic", statistic == null ? null : statistic + " and " + extended,
          "exactly one of Statistic and ExtendedStatistic");
    }
    if (statistic != null) {
      if (Statistic.parse(statistic).isPercentile()) throw p.invalid("Statistic", statistic, "SampleCount, Average, Sum, Minimum or Maximum (percentiles go in ExtendedStatistic)");
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
    ComparisonOperator op = Enums.parse(p, "ComparisonOperator", ComparisonOperator.class, null);
    if (op == null) throw p.missing("ComparisonOperator");
    b.comparisonOperator(op);
    b.treatMissingData(Enums.parse(p, "TreatMissingData", TreatMissingData.class, TreatMissingData.missing));
    String low = p.string("EvaluateLowSampleCountPercentile");
    if (low != null) {
      if (!low.equals("evaluate") && !low.equals("ignore")) throw p.invalid("EvaluateLowSampleCountPercentile", low, "evaluate or ignore");
      b.evaluateLowSampleCountPercentile(low.equals("evaluate"));
    }
    Boolean enabled = p.bool("ActionsEnabled");
    if (enabled != null) b.actionsEnabled(enabled);
    b.alarmActions(actions(r, p, "AlarmActions"));
    b.okActions(actions(r, p, "OKActions"));
    b.insufficientDataActions(actions(r, p, "InsufficientDataActions"));
    MetricAlarmSpec spec = b.build();
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
  };

  /** The actions that run a policy of the template; others (SNS topics, ...) are reported and left out. */
  private static AlarmAction[] actions(ResourceContext r, Props p, String key) {
    List<String> arns = p.strings(key);
    List<AlarmAction> out = new ArrayList<>();
    if (arns == null) return new AlarmAction[0];
    for (int i = 0; i < arns.size(); i++) {
      String arn = arns.get(i);
      String path = "Properties." + key + "[" + i + "]";
      ResourceContext.Found f = r.byRef(arn);
      if (f != null && f.outcome().simulated() && f.outcome().view() instanceof ScalingPolicy policy) {
        out.add(policy.asAlarmAction());
      } else if (f != null && f.outcome().simulated() && r.planning() && AlarmActions.isScalingPolicy(f.type())) {
        out.add(AlarmAction.scaling(arn, c -> { }));
      } else if (f != null && f.outcome().simulated() && f.outcome().detail() instanceof AlarmAction action) {
        out.add(action);
      } else {
        r.unmodelled(path, "action " + arn + (f == null ? "" : " (" + f.logicalId() + ", " + f.type() + ")")
            + " is not simulated: only the template's scaling policies run");
      }
    }
    return out.toArray(AlarmAction[]::new);
  }

  /** The resource types whose Ref an alarm action can run. */
  static final class AlarmActions {
    private AlarmActions() {}

    static boolean isScalingPolicy(String type) {
      return type.equals("AWS::AutoScaling::ScalingPolicy") || type.equals("AWS::ApplicationAutoScaling::ScalingPolicy");
    }
  }
}

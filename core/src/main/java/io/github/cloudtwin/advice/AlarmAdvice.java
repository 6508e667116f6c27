package io.github.cloudtwin.advice;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.ec2.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The rules about alarms: periods finer than the metric's resolution, silent scale-in alarms. */
final class AlarmAdvice {

  private static final Duration BASIC = Duration.ofMinutes(5);

  /** ELB metrics that are not published at all in a minute without requests. */
  private static final Set<String> REQUEST_METRICS =
      Set.of("RequestCount", "RequestCountPerTarget", "NewFlowCount");

  private AlarmAdvice() {}

  static void check(Estate estate, List<Finding> out) {
    for (MetricAlarm a : estate.alarms) {
      MetricId m = a.spec().metric();
      if (m == null) continue; // a metric math alarm
      resolution(estate, a, m, out);
    }
    for (Estate.AlarmedPolicy p : estate.alarmed) silentScaleIn(p, out);
  }

  private static void resolution(Estate estate, MetricAlarm a, MetricId m, List<Finding> out) {
    MetricAlarmSpec s = a.spec();
    if (!m.namespace().equals("AWS/EC2") || s.period().compareTo(BASIC) >= 0) return;
    String resource = null;
    String group = m.dimension("AutoScalingGroupName");
    String instance = m.dimension("InstanceId");
    if (group != null && m.dimensions().size() == 1) {
      AutoScalingGroup g =
          estate.groups.stream().filter(x -> x.name().equals(group)).findFirst().orElse(null);
      if (g == null || g.spec().detailedMonitoring()) return;
      resource = "group/" + group;
    } else if (instance != null && m.dimensions().size() == 1) {
      Instance i =
          estate.twin.ec2().instances().stream()
              .filter(x -> x.instanceId().equals(instance))
              .findFirst()
              .orElse(null);
      if (i == null || i.spec().detailedMonitoring()) return;
      resource = "instance/" + instance;
    } else {
      return;
    }
    out.add(
        new Finding(
            AdviceRule.PERIOD_FINER_THAN_RESOLUTION,
            List.of("alarm/" + s.alarmName(), resource),
            "Alarm "
                + s.alarmName()
                + " evaluates "
                + m.metricName()
                + " over "
                + Estate.seconds(s.period())
                + " periods, but "
                + resource
                + " has basic monitoring: one datapoint every 5 minutes, so most periods are missing and the alarm goes to "
                + "INSUFFICIENT_DATA, or never sees "
                + s.datapointsToAlarm()
                + " breaching datapoints in a row.",
            "Enable detailed monitoring (1-minute datapoints) on "
                + resource
                + ", or use a period of at least 300 s."));
  }

  private static void silentScaleIn(Estate.AlarmedPolicy p, List<Finding> out) {
    MetricAlarmSpec s = p.alarm().spec();
    if (!p.scalesIn() || p.breachesAbove() || !REQUEST_METRICS.contains(p.metric().metricName()))
      return;
    if (s.treatMissingData() == TreatMissingData.breaching) return;
    out.add(
        new Finding(
            AdviceRule.SCALE_IN_SILENT_WITHOUT_DATA,
            List.of(
                "alarm/" + s.alarmName(),
                "policy/" + p.policy().policyName(),
                "group/" + p.group().name()),
            "Scale-in alarm "
                + s.alarmName()
                + " watches "
                + p.metric().metricName()
                + ", which the load balancer does not publish in a minute "
                + "without requests; with treatMissingData "
                + s.treatMissingData()
                + " the quietest time, no traffic at all, leaves the alarm "
                + "without breaching datapoints, so policy "
                + p.policy().policyName()
                + " never removes the idle capacity of group "
                + p.group().name()
                + ".",
            "Set treatMissingData to breaching on the scale-in alarm (no requests is the lowest load), or scale in on a metric that is always published."));
  }
}

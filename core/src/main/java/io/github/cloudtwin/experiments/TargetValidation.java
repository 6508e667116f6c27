package io.github.cloudtwin.experiments;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before anything runs, that every stop condition and every action's target names a
 * resource of the twin.
 */
final class TargetValidation {

  private final CloudTwin twin;

  TargetValidation(CloudTwin twin) {
    this.twin = twin;
  }

  /** Throws a {@link ValidationException} naming the first unknown target of {@code experiment}. */
  void validate(Experiment experiment) {
    for (String alarm : experiment.stopConditions()) {
      List<String> names = new ArrayList<>();
      for (MetricAlarm m : twin.cloudWatch().alarms()) names.add(m.alarmName());
      for (CompositeAlarm c : twin.cloudWatch().compositeAlarms()) names.add(c.alarmName());
      names.sort(null);
      if (!names.contains(alarm))
        throw new ValidationException(
            "stopConditions", alarm, "a metric or composite alarm of the twin " + names);
    }
    for (ExperimentAction a : experiment.actions()) {
      String field = "actions[" + a.name() + "].target";
      FaultAction f = a.action();
      if (f instanceof FaultAction.ZonePowerInterruption z) zone(field, z.zone());
      else if (f instanceof FaultAction.NetworkLatency n) zone(field, n.zone());
      else if (f instanceof FaultAction.PacketLoss p) zone(field, p.zone());
      else if (f instanceof FaultAction.TerminateInstances t)
        group(field, t.autoScalingGroupName());
      else if (f instanceof FaultAction.StopInstances t) group(field, t.autoScalingGroupName());
      else if (f instanceof FaultAction.CpuStress t) group(field, t.autoScalingGroupName());
      else if (f instanceof FaultAction.ThrottleLaunches t) group(field, t.autoScalingGroupName());
      else if (f instanceof FaultAction.SendSpotInstanceInterruptions t)
        group(field, t.autoScalingGroupName());
      else if (f instanceof FaultAction.StopTasks t) service(field, t.cluster(), t.serviceName());
      else if (f instanceof FaultAction.FailHealthChecks t) {
        List<String> names =
            twin.loadBalancing().targetGroups().stream().map(g -> g.name()).sorted().toList();
        if (!names.contains(t.targetGroupName()))
          throw new ValidationException(field, t.target(), "a target group of the twin " + names);
      } else if (f instanceof FaultAction.TrafficSurge t) {
        List<String> names =
            twin.loadBalancing().loadBalancers().stream().map(l -> l.name()).sorted().toList();
        if (!names.contains(t.loadBalancerName()))
          throw new ValidationException(field, t.target(), "a load balancer of the twin " + names);
      }
    }
  }

  private void zone(String field, String zone) {
    List<String> names = twin.config().zoneNames();
    if (!names.contains(zone))
      throw new ValidationException(field, "zone/" + zone, "a zone of the twin " + names);
  }

  private void group(String field, String name) {
    List<String> names =
        twin.autoScaling().groups().stream().map(AutoScalingGroup::name).sorted().toList();
    if (!names.contains(name))
      throw new ValidationException(
          field, "group/" + name, "an Auto Scaling group of the twin " + names);
  }

  private void service(String field, String cluster, String name) {
    List<String> names = new ArrayList<>();
    for (Cluster c : twin.ecs().clusters())
      for (EcsService s : c.services()) names.add(c.clusterName() + "/" + s.serviceName());
    names.sort(null);
    if (!names.contains(cluster + "/" + name))
      throw new ValidationException(
          field, "service/" + cluster + "/" + name, "an ECS service of the twin " + names);
  }
}

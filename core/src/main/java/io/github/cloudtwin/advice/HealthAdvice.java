package io.github.cloudtwin.advice;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceLoadBalancer;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.TargetGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules about health checks: grace period, ELB checks without a target, unsatisfiable checks.
 */
final class HealthAdvice {

  private HealthAdvice() {}

  static void check(Estate estate, List<Finding> out) {
    for (AutoScalingGroup g : estate.groups) {
      if (g.spec().healthCheckType() != HealthCheckType.ELB) continue;
      if (g.trafficSources().isEmpty()) {
        out.add(
            new Finding(
                AdviceRule.ELB_HEALTH_CHECK_WITHOUT_TARGET_GROUP,
                List.of("group/" + g.name()),
                "Group "
                    + g.name()
                    + " uses ELB health checks but is attached to no target group or load balancer: its instances "
                    + "receive no traffic from one, and an instance whose application fails is never found unhealthy (only its EC2 status checks count).",
                "Attach the group to its target group (TargetGroupARNs, or AttachLoadBalancerTargetGroups), or use EC2 health checks."));
      } else {
        grace(estate, g, out);
      }
    }
    for (Cluster c : estate.twin.ecs().clusters())
      for (EcsService s : c.services()) serviceGrace(estate, c, s, out);
    for (TargetGroup tg : estate.twin.loadBalancing().targetGroups())
      unsatisfiable(estate, tg, out);
  }

  /**
   * ECS stops a task whose target turns unhealthy after the service's grace period, so a target
   * that turns unhealthy while its application starts must be healthy again within the grace. The
   * twin starts a task's application when its IP target registers (awsvpc); a bridge or host task's
   * target is its container instance, whose application start the twin counts from the instance's
   * boot, so the rule reads awsvpc services only.
   */
  private static void serviceGrace(Estate estate, Cluster c, EcsService s, List<Finding> out) {
    if (s.taskDefinition().networkMode() != NetworkMode.AWSVPC) return;
    Duration grace = s.spec().healthCheckGracePeriod();
    for (ServiceLoadBalancer lb : s.spec().loadBalancers()) {
      Optional<TargetGroup> tg = estate.targetGroup(lb.targetGroupName());
      if (tg.isEmpty() || !estate.turnsUnhealthyWhileStarting(tg.get())) continue;
      Duration start = estate.twin.loadBalancing().applicationStartTime(lb.targetGroupName());
      Duration healthy = estate.timeToHealthy(tg.get());
      if (grace.compareTo(healthy) >= 0) continue;
      out.add(
          new Finding(
              AdviceRule.GRACE_SHORTER_THAN_APPLICATION_START,
              List.of(
                  "service/" + c.clusterName() + "/" + s.serviceName(),
                  "target-group/" + lb.targetGroupName()),
              "The application behind "
                  + lb.targetGroupName()
                  + " needs "
                  + Estate.seconds(start)
                  + " to start: its targets fail their health checks meanwhile and are healthy only after about "
                  + Estate.seconds(healthy)
                  + ", but service "
                  + s.serviceName()
                  + "'s healthCheckGracePeriodSeconds is "
                  + grace.toSeconds()
                  + ": ECS stops every new task while it starts, starts a replacement, and the replacement meets the same fate.",
              "Set the service's healthCheckGracePeriodSeconds to at least "
                  + healthy.toSeconds()
                  + "."));
    }
  }

  private static void grace(Estate estate, AutoScalingGroup g, List<Finding> out) {
    Duration grace = g.spec().healthCheckGracePeriod();
    for (String name : g.trafficSources()) {
      Optional<TargetGroup> tg = estate.targetGroup(name);
      if (tg.isEmpty()) continue;
      Duration start = estate.twin.loadBalancing().applicationStartTime(name);
      if (start.isZero()) continue;
      Duration healthy = estate.timeToHealthy(tg.get());
      if (grace.compareTo(healthy) >= 0) continue;
      out.add(
          new Finding(
              AdviceRule.GRACE_SHORTER_THAN_APPLICATION_START,
              List.of("group/" + g.name(), "target-group/" + name),
              "The application behind "
                  + name
                  + " needs "
                  + Estate.seconds(start)
                  + " to start and its targets are healthy only after about "
                  + Estate.seconds(healthy)
                  + ", but group "
                  + g.name()
                  + "'s health check grace period is "
                  + Estate.seconds(grace)
                  + ": the group finds every new instance unhealthy while it starts, replaces it, and the replacement meets the same fate.",
              "Set HealthCheckGracePeriod to at least "
                  + Estate.seconds(healthy)
                  + " (or use a launch lifecycle hook that waits for the application)."));
    }
  }

  private static void unsatisfiable(Estate estate, TargetGroup tg, List<Finding> out) {
    HealthCheckSpec hc = tg.healthCheck();
    if (Boolean.FALSE.equals(hc.enabled())) return;
    Map<String, String> failures = estate.twin.loadBalancing().healthCheckFailures(tg.name());
    if (failures.isEmpty()) return;
    int registered = 0;
    for (var h : tg.targetHealth().values()) if (h != null) registered++;
    List<String> resources = new ArrayList<>(List.of("target-group/" + tg.name()));
    for (String id : failures.keySet()) resources.add("target/" + id);
    String first = failures.values().iterator().next();
    String check =
        (hc.protocol() == null ? "" : hc.protocol() + " ")
            + (hc.path() == null ? "" : hc.path() + " ")
            + (hc.port() == null ? "on the traffic port" : "on port " + hc.port())
            + (hc.matcher() == null ? "" : ", matcher " + hc.matcher());
    out.add(
        new Finding(
            AdviceRule.HEALTH_CHECK_UNSATISFIABLE,
            resources,
            "Target group "
                + tg.name()
                + "'s health check ("
                + check
                + ") fails on "
                + failures.size()
                + " of "
                + registered
                + " registered targets as they answer now ("
                + first
                + "): they turn unhealthy; when all do the load balancer fails open, "
                + "and a group with ELB health checks replaces them again and again.",
            "Point the health check at what the application serves (path, port) and match what it answers (Matcher)."));
  }
}

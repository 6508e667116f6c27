package io.github.cloudtwin.advice;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.HealthCheckType;
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
    for (TargetGroup tg : estate.twin.loadBalancing().targetGroups())
      unsatisfiable(estate, tg, out);
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

package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Target health as {@code DescribeTargetHealth} and {@code DescribeInstanceHealth} report it, and
 * what the health checks see: the application's start time, a fault failing every check, and a dry
 * run of one check per target.
 */
final class TargetHealthReports {

  private final Kernel kernel;
  private final ElbRegistry registry;
  private final FluidModel fluid;

  TargetHealthReports(Kernel kernel, ElbRegistry registry, FluidModel fluid) {
    this.kernel = kernel;
    this.registry = registry;
    this.fluid = fluid;
  }

  TargetHealth targetHealth(String targetGroupName, String targetId) {
    Require.name("Targets.Id", targetId);
    return kernel.call(() -> health(registry.tg(targetGroupName), targetId));
  }

  Map<String, TargetHealth> targetHealths(String targetGroupName) {
    return kernel.call(
        () -> {
          Map<String, TargetHealth> out = new LinkedHashMap<>();
          for (Registration r : registry.tg(targetGroupName).registrations.values())
            out.put(r.target.id, r.health());
          return Collections.unmodifiableMap(out);
        });
  }

  /**
   * Healthy targets of the group per zone of the load balancer(s) it serves and of its targets,
   * sorted by zone.
   */
  SortedMap<String, Integer> healthyTargetCountByZone(String targetGroupName) {
    return kernel.call(
        () -> {
          TreeMap<String, Integer> out = new TreeMap<>();
          for (Registration r : registry.tg(targetGroupName).registrations.values()) {
            out.merge(
                r.target.zone,
                r.health().state() == TargetHealthState.HEALTHY ? 1 : 0,
                Integer::sum);
          }
          return Collections.unmodifiableSortedMap(out);
        });
  }

  TargetHealth describeInstanceHealth(String loadBalancerName, String instanceId) {
    Require.name("InstanceId", instanceId);
    return kernel.call(() -> health(registry.classicGroup(loadBalancerName), instanceId));
  }

  private static TargetHealth health(TgState g, String id) {
    Registration r = g.registrations.get(id);
    return r == null
        ? new TargetHealth(
            TargetHealthState.UNUSED,
            "Target.NotRegistered",
            "Target is not registered to the target group")
        : r.health();
  }

  boolean isRegistered(TgState g, String id) {
    return kernel.call(() -> g.registrations.containsKey(id));
  }

  boolean isUnhealthy(TgState g, String id) {
    return kernel.call(
        () -> {
          Registration r = g.registrations.get(id);
          return r != null && r.state == TargetHealthState.UNHEALTHY;
        });
  }

  void setApplicationStartTime(String targetGroupName, Duration startTime) {
    Require.between(
        "applicationStartTime",
        Require.notNegative("applicationStartTime", startTime),
        Duration.ZERO,
        Duration.ofHours(1));
    kernel.run(
        () -> {
          TgState g = registry.tg(targetGroupName);
          g.applicationStartMillis = startTime.toMillis();
          fluid.markDirty();
          for (Registration r : g.registrations.values()) fluid.markDirtyWhenStarted(g, r.target);
        });
  }

  Duration applicationStartTime(String targetGroupName) {
    return kernel.call(
        () -> Duration.ofMillis(registry.tg(targetGroupName).applicationStartMillis));
  }

  void setHealthChecksFailing(String targetGroupName, boolean failing) {
    kernel.run(() -> registry.tg(targetGroupName).checksFailing = failing);
  }

  /**
   * What one check of each registered, reachable, not draining target would fail with, recording
   * nothing.
   */
  Map<String, String> healthCheckFailures(String targetGroupName) {
    return kernel.call(
        () -> {
          TgState g = registry.tg(targetGroupName);
          Map<String, String> out = new TreeMap<>();
          for (Registration r : g.registrations.values()) {
            if (r.state == TargetHealthState.DRAINING || !r.target.reachable()) continue;
            String[] failure = g.probe(r, 0, false);
            if (failure != null) out.put(r.target.id, failure[0] + ": " + failure[1]);
          }
          return Collections.unmodifiableMap(out);
        });
  }
}

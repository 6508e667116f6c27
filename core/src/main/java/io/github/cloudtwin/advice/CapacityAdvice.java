package io.github.cloudtwin.advice;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.ecs.CapacityProvider;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.ContainerInstance;
import io.github.cloudtwin.ecs.DeploymentConfiguration;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules about capacity: headroom for a zone's loss, and ECS deployments that cannot move. */
final class CapacityAdvice {

  private CapacityAdvice() {}

  static void check(Estate estate, List<Finding> out) {
    for (AutoScalingGroup g : estate.groups) zoneHeadroom(estate, g, out);
    for (Cluster c : estate.twin.ecs().clusters()) {
      for (EcsService s : c.services()) deployment(estate, c, s, out);
    }
  }

  /**
   * Losing a zone, a group launches the lost capacity into its other zones (balanced-best-effort),
   * keeping its desired capacity: that needs another zone to launch into, and a strategy that may
   * use it.
   */
  private static void zoneHeadroom(Estate estate, AutoScalingGroup g, List<Finding> out) {
    List<String> zones = g.spec().availabilityZones();
    int desired = g.desiredCapacity();
    if (desired == 0) return;
    int largest = largestZone(g, zones.size(), desired);
    String happens;
    String fix;
    if (zones.size() == 1) {
      if (estate.twin.availabilityZones().size() < 2) return;
      happens =
          "Group "
              + g.name()
              + " runs all "
              + desired
              + " instances in "
              + zones.get(0)
              + ": losing that zone loses every instance, and the group has no other zone to launch replacements into until it returns.";
      fix =
          "Spread the group over at least two zones (VPCZoneIdentifier / AvailabilityZones), with headroom for the largest zone's share.";
    } else if (g.spec().capacityDistributionStrategy()
        == io.github.cloudtwin.autoscaling.CapacityDistributionStrategy.BALANCED_ONLY) {
      happens =
          "Group "
              + g.name()
              + " uses capacityDistributionStrategy balanced-only: losing its largest zone ("
              + largest
              + " of "
              + desired
              + " instances), it keeps trying to launch their replacements in the lost zone to stay balanced, and runs "
              + (desired - largest)
              + " instances until the zone returns.";
      fix =
          "Use balanced-best-effort (the default), which launches into the healthy zones when a zone's launches fail.";
    } else {
      return;
    }
    List<String> resources = new ArrayList<>(List.of("group/" + g.name()));
    for (CapacityProvider p : providersOf(estate, g.name()))
      resources.add("capacity-provider/" + p.name());
    out.add(new Finding(AdviceRule.CANNOT_SURVIVE_ZONE_LOSS, resources, happens, fix));
  }

  private static int largestZone(AutoScalingGroup g, int zoneCount, int desired) {
    Map<String, Integer> byZone = g.inServiceCountByZone();
    int largest = 0;
    int counted = 0;
    for (int n : byZone.values()) {
      largest = Math.max(largest, n);
      counted += n;
    }
    return counted == 0
        ? (desired + zoneCount - 1) / zoneCount
        : largest; // not launched yet: balanced
  }

  private static List<CapacityProvider> providersOf(Estate estate, String groupName) {
    List<CapacityProvider> out = new ArrayList<>();
    for (Cluster c : estate.twin.ecs().clusters()) {
      for (String name : c.capacityProviders()) {
        CapacityProvider p = estate.twin.ecs().capacityProvider(name);
        if (groupName.equals(p.spec().autoScalingGroupName())) out.add(p);
      }
    }
    return out;
  }

  private static void deployment(Estate estate, Cluster c, EcsService s, List<Finding> out) {
    int desired = s.desiredCount();
    if (desired == 0 || s.spec().launchType() == LaunchType.FARGATE) return;
    DeploymentConfiguration cfg = s.spec().deploymentConfiguration();
    int canStop = desired - cfg.floor(desired);
    int canStart = cfg.ceiling(desired) - desired;
    if (canStop > 0) return;
    String numbers =
        "minimumHealthyPercent "
            + cfg.minimumHealthyPercent()
            + " of "
            + desired
            + " keeps all "
            + desired
            + " running, so no old task may stop first";
    String resource = "service/" + c.clusterName() + "/" + s.serviceName();
    if (canStart <= 0) {
      out.add(
          new Finding(
              AdviceRule.DEPLOYMENT_NO_WAY_FORWARD,
              List.of(resource),
              "A new deployment of "
                  + s.serviceName()
                  + " cannot move: "
                  + numbers
                  + ", and maximumPercent "
                  + cfg.maximumPercent()
                  + " allows no task above "
                  + desired
                  + ", so no new task may start either.",
              "Lower minimumHealthyPercent (for instance to 50) or raise maximumPercent (for instance to 200)."));
      return;
    }
    if (fitsOneMore(s.taskDefinition(), c) || canGrow(estate, c)) return;
    out.add(
        new Finding(
            AdviceRule.DEPLOYMENT_NO_WAY_FORWARD,
            List.of(resource, "cluster/" + c.clusterName()),
            "A new deployment of "
                + s.serviceName()
                + " cannot move: "
                + numbers
                + ", and no container instance of cluster "
                + c.clusterName()
                + " has room for one more task ("
                + s.taskDefinition().reservedCpu()
                + " CPU units, "
                + s.taskDefinition().reservedMemory()
                + " MiB) while no capacity provider can add instances.",
            "Lower minimumHealthyPercent so an old task can stop first, or leave room for one more task (add an instance, or a capacity provider with managed scaling)."));
  }

  private static boolean fitsOneMore(TaskDefinition td, Cluster c) {
    for (ContainerInstance ci : c.containerInstances()) {
      if (ci.remainingCpu() >= td.reservedCpu() && ci.remainingMemory() >= td.reservedMemory())
        return true;
    }
    return false;
  }

  private static boolean canGrow(Estate estate, Cluster c) {
    for (String name : c.capacityProviders()) {
      CapacityProvider p = estate.twin.ecs().capacityProvider(name);
      if (!p.spec().managedScaling().enabled()) continue;
      AutoScalingGroup g = estate.twin.autoScaling().group(p.spec().autoScalingGroupName());
      if (g.desiredCapacity() < g.maxSize()) return true;
    }
    return false;
  }
}

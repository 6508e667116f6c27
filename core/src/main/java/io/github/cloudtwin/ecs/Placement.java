package io.github.cloudtwin.ecs;

import io.github.cloudtwin.ec2.InstanceState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Task placement on EC2 container instances: resources and ports, then constraints (binding), then
 * strategies in list order (best-effort), then the first remaining instance in registration order.
 * Also picks which task to stop on scale-in. Guarded by the kernel lock.
 */
final class Placement {

  /** AWS's default for services on EC2: spread over zones, then over instances. */
  static final List<PlacementStrategy> SERVICE_DEFAULT =
      List.of(PlacementStrategy.spreadByZone(), PlacementStrategy.spread("instanceId"));

  private final SplittableRandom random;

  Placement(SplittableRandom random) {
    this.random = random;
  }

  /** The chosen instance, or the reason nothing fits (AWS's closest-match sentence). */
  record Choice(@Nullable ContainerInstance instance, @Nullable String failure) {}

  static boolean usable(ContainerInstance ci) {
    return ci.status() == ContainerInstanceStatus.ACTIVE
        && ci.agentConnected()
        && ci.instance().state() == InstanceState.RUNNING
        && ci.instance().isReachable();
  }

  /** Whether the task fits {@code ci}'s remaining CPU, memory, ports and ENIs; null if it fits. */
  static @Nullable String misfit(ContainerInstance ci, TaskDefinition td) {
    if (ci.remainingCpu() < td.reservedCpu()) return "has insufficient CPU units available.";
    if (ci.remainingMemory() < td.reservedMemory()) return "has insufficient memory available.";
    if (td.networkMode() == NetworkMode.AWSVPC && !ci.enisAvailable()) {
      return "has insufficient network interfaces available.";
    }
    if (td.networkMode() == NetworkMode.BRIDGE || td.networkMode() == NetworkMode.HOST) {
      Set<Integer> wanted = new HashSet<>();
      for (ContainerDefinition c : td.containerDefinitions()) {
        for (PortMapping p : c.portMappings()) {
          int port = td.networkMode() == NetworkMode.HOST ? p.containerPort() : p.hostPort();
          if (port == 0) continue;
          if (!ci.portFree(port) || !wanted.add(port))
            return "is already using a port required by your task.";
        }
      }
    }
    return null;
  }

  Choice choose(
      Collection<ContainerInstance> instances,
      TaskDefinition td,
      List<PlacementStrategy> strategies,
      List<PlacementConstraint> constraints,
      Collection<Task> groupTasks) {
    List<ContainerInstance> usable = new ArrayList<>();
    for (ContainerInstance ci : instances) if (usable(ci)) usable.add(ci);
    if (usable.isEmpty()) {
      return new Choice(null, "Reason: No Container Instances were found in your cluster.");
    }
    List<ContainerInstance> fit = new ArrayList<>();
    ContainerInstance closest = null;
    String closestReason = null;
    for (ContainerInstance ci : usable) {
      String m = misfit(ci, td);
      if (m == null) {
        fit.add(ci);
      } else if (closest == null || ci.remainingCpu() > closest.remainingCpu()) {
        closest = ci;
        closestReason = m;
      }
    }
    if (fit.isEmpty()) {
      return new Choice(
          null,
          "The closest matching (container-instance "
              + Objects.requireNonNull(closest, "a usable instance that misfits is the closest")
                  .containerInstanceId()
              + ") "
              + closestReason);
    }
    List<ContainerInstance> ok = fit;
    for (PlacementConstraint c : constraints) {
      List<ContainerInstance> next = new ArrayList<>();
      for (ContainerInstance ci : ok) if (satisfies(ci, c, groupTasks)) next.add(ci);
      if (next.isEmpty()) {
        String error = c.type().equals("distinctInstance") ? "DistinctInstance" : "MemberOf";
        return new Choice(
            null,
            "The closest matching (container-instance "
                + ok.get(0).containerInstanceId()
                + ") encountered error \""
                + error
                + " placement constraint unsatisfied.\".");
      }
      ok = next;
    }
    Map<ContainerInstance, Integer> perInstance = null;
    for (PlacementStrategy s : strategies) {
      if (ok.size() == 1) break;
      if (perInstance == null && s.type().equals("spread")) perInstance = perInstance(groupTasks);
      ok = apply(s, ok, perInstance);
    }
    return new Choice(ok.get(0), null);
  }

  private final Map<String, ClusterQuery.Expr> parsed = new HashMap<>();

  boolean satisfies(ContainerInstance ci, PlacementConstraint c, Collection<Task> groupTasks) {
    if (c.type().equals("distinctInstance")) {
      for (Task t : groupTasks) {
        if (t.containerInstance() == ci && t.lastStatus() != TaskStatus.STOPPED) return false;
      }
      return true;
    }
    String expression = Objects.requireNonNull(c.expression(), "memberOf has an expression");
    return parsed.computeIfAbsent(expression, ClusterQuery::parse).test(ci.subjects());
  }

  /** Live tasks of the group per instance. */
  private static Map<ContainerInstance, Integer> perInstance(Collection<Task> groupTasks) {
    Map<ContainerInstance, Integer> m = new java.util.IdentityHashMap<>();
    for (Task t : groupTasks) {
      ContainerInstance ci = t.containerInstance();
      if (ci == null || t.lastStatus() == TaskStatus.STOPPED) continue;
      m.merge(ci, 1, Integer::sum);
    }
    return m;
  }

  private List<ContainerInstance> apply(
      PlacementStrategy s,
      List<ContainerInstance> ok,
      @Nullable Map<ContainerInstance, Integer> perInstance) {
    switch (s.type()) {
      case "spread":
        {
          Map<String, Integer> counts = new HashMap<>();
          for (Map.Entry<ContainerInstance, Integer> e :
              Objects.requireNonNull(perInstance, "counted before the first spread").entrySet()) {
            counts.merge(value(e.getKey(), fieldOf(s)), e.getValue(), Integer::sum);
          }
          int min = Integer.MAX_VALUE;
          for (ContainerInstance ci : ok)
            min = Math.min(min, counts.getOrDefault(value(ci, fieldOf(s)), 0));
          List<ContainerInstance> next = new ArrayList<>();
          for (ContainerInstance ci : ok)
            if (counts.getOrDefault(value(ci, fieldOf(s)), 0) == min) next.add(ci);
          return next;
        }
      case "binpack":
        {
          boolean cpu = fieldOf(s).equals("cpu");
          int min = Integer.MAX_VALUE;
          for (ContainerInstance ci : ok)
            min = Math.min(min, cpu ? ci.remainingCpu() : ci.remainingMemory());
          List<ContainerInstance> next = new ArrayList<>();
          for (ContainerInstance ci : ok)
            if ((cpu ? ci.remainingCpu() : ci.remainingMemory()) == min) next.add(ci);
          return next;
        }
      default:
        return List.of(ok.get(random.nextInt(ok.size())));
    }
  }

  /** The field of a spread or binpack strategy (the strategy requires one for both). */
  private static String fieldOf(PlacementStrategy s) {
    return Objects.requireNonNull(s.field(), "spread and binpack name a field");
  }

  static String value(ContainerInstance ci, String field) {
    if (field.equals("instanceId") || field.equals("host")) return ci.containerInstanceId();
    if (field.equals("attribute:ecs.availability-zone")) return ci.availabilityZone();
    String v = ci.attribute(field.substring("attribute:".length()));
    return v == null ? "" : v;
  }

  /**
   * The task to stop on scale-in, from {@code candidates} (all of one service): tasks not yet
   * RUNNING first; then, for spread, the value with the most tasks; for binpack, the instance that
   * would have the most left; ties go to the newest task.
   */
  Task chooseToStop(
      List<Task> candidates, List<PlacementStrategy> strategies, Collection<Task> groupTasks) {
    List<Task> pool = new ArrayList<>();
    for (Task t : candidates) if (t.lastStatus().compareTo(TaskStatus.RUNNING) < 0) pool.add(t);
    if (pool.isEmpty()) pool.addAll(candidates);
    for (PlacementStrategy s : strategies) {
      if (pool.size() <= 1) break;
      List<Task> next = new ArrayList<>();
      switch (s.type()) {
        case "spread":
          {
            Map<String, Integer> counts = new HashMap<>();
            for (Task t : groupTasks) {
              if (t.lastStatus() == TaskStatus.STOPPED || t.desiredStatus() == TaskStatus.STOPPED)
                continue;
              counts.merge(valueOf(t, fieldOf(s)), 1, Integer::sum);
            }
            int max = -1;
            for (Task t : pool) max = Math.max(max, counts.getOrDefault(valueOf(t, fieldOf(s)), 0));
            for (Task t : pool)
              if (counts.getOrDefault(valueOf(t, fieldOf(s)), 0) == max) next.add(t);
            break;
          }
        case "binpack":
          {
            boolean cpu = fieldOf(s).equals("cpu");
            int max = Integer.MIN_VALUE;
            for (Task t : pool) max = Math.max(max, remaining(t, cpu));
            for (Task t : pool) if (remaining(t, cpu) == max) next.add(t);
            break;
          }
        default:
          next.add(pool.get(random.nextInt(pool.size())));
      }
      pool = next;
    }
    return pool.get(pool.size() - 1);
  }

  private static int remaining(Task t, boolean cpu) {
    ContainerInstance ci = t.containerInstance();
    if (ci == null) return Integer.MAX_VALUE;
    return cpu ? ci.remainingCpu() : ci.remainingMemory();
  }

  private static String valueOf(Task t, String field) {
    ContainerInstance ci = t.containerInstance();
    if (ci == null) {
      return field.equals("attribute:ecs.availability-zone") && t.availabilityZone() != null
          ? t.availabilityZone()
          : "";
    }
    return value(ci, field);
  }
}

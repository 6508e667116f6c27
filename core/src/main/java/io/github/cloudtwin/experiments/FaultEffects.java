package io.github.cloudtwin.experiments;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.traffic.TrafficFlow;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What each action does to the twin: picks its targets, applies the fault, knows how to undo it,
 * and keeps what the faults leave behind (CPU stress windows, impaired networks, surges, the tasks
 * the experiment stopped).
 */
final class FaultEffects {

  private final CloudTwin twin;
  private final String experimentName;
  private final SplittableRandom random;
  private final Map<String, List<String>> stopped =
      new TreeMap<>(); // service -> task ids the experiment stopped
  private final Map<String, Instant> stoppedAt = new TreeMap<>();
  private final Map<String, double[]> network = new TreeMap<>(); // zone -> {latency ms, loss}
  private final List<double[]> stress = new ArrayList<>(); // {from, to, load}, by instance index
  private final List<String> stressed = new ArrayList<>();
  private final Map<String, TrafficFlow[]> surges = new LinkedHashMap<>();

  FaultEffects(CloudTwin twin, String experimentName, SplittableRandom random) {
    this.twin = twin;
    this.experimentName = experimentName;
    this.random = random;
  }

  /** Picks the targets; returns how to undo the fault (null for instant actions). */
  @Nullable Runnable start(ExperimentAction a, List<String> targets) {
    FaultAction f = a.action();
    if (f instanceof FaultAction.ZonePowerInterruption z) {
      targets.add("zone/" + z.zone());
      return () -> twin.ec2().restoreZone(z.zone());
    }
    if (f instanceof FaultAction.TerminateInstances t) {
      for (String id : t.selection().pick(inService(t.autoScalingGroupName()), random))
        targets.add("instance/" + id);
      return null;
    }
    if (f instanceof FaultAction.StopInstances t) {
      for (String id : t.selection().pick(inService(t.autoScalingGroupName()), random))
        targets.add("instance/" + id);
      return () -> {
        for (String r : targets) {
          String id = r.substring("instance/".length());
          if (twin.ec2().instance(id).state() == InstanceState.STOPPED)
            twin.ec2().startInstance(id);
        }
      };
    }
    if (f instanceof FaultAction.StopTasks t) {
      List<String> running = new ArrayList<>();
      for (Task task : twin.ecs().service(t.cluster(), t.serviceName()).tasks()) {
        if (task.lastStatus() == TaskStatus.RUNNING && task.desiredStatus() == TaskStatus.RUNNING)
          running.add(task.taskId());
      }
      for (String id : t.selection().pick(running, random)) targets.add("task/" + id);
      return null;
    }
    if (f instanceof FaultAction.SendSpotInstanceInterruptions t) {
      List<String> spot = new ArrayList<>();
      for (var i :
          twin.autoScaling().group(t.autoScalingGroupName()).instances(PurchaseOption.SPOT)) {
        if (i.lifecycleState() == LifecycleState.IN_SERVICE) spot.add(i.instanceId());
      }
      for (String id : t.selection().pick(spot, random)) targets.add("instance/" + id);
      return null;
    }
    if (f instanceof FaultAction.CpuStress t) {
      for (String id : t.selection().pick(inService(t.autoScalingGroupName()), random))
        targets.add("instance/" + id);
      return null; // the load model reads the window
    }
    if (f instanceof FaultAction.NetworkLatency n) {
      targets.add("zone/" + n.zone());
      return () -> network(n.zone(), 0, -1);
    }
    if (f instanceof FaultAction.PacketLoss p) {
      targets.add("zone/" + p.zone());
      return () -> network(p.zone(), -1, 0);
    }
    if (f instanceof FaultAction.FailHealthChecks h) {
      targets.add("target-group/" + h.targetGroupName());
      return () -> twin.loadBalancing().setHealthChecksFailing(h.targetGroupName(), false);
    }
    if (f instanceof FaultAction.ThrottleLaunches t) {
      targets.add("group/" + t.autoScalingGroupName());
      return () -> twin.ec2().throttleRunInstances(t.autoScalingGroupName(), 0);
    }
    FaultAction.TrafficSurge s = (FaultAction.TrafficSurge) f;
    targets.add("lb/" + s.loadBalancerName());
    TrafficFlow[] extra = new TrafficFlow[1];
    surges.put(a.name(), extra);
    return () -> {
      if (extra[0] != null) extra[0].stop();
    };
  }

  /** Applies action {@code a}'s fault to the targets {@link #start} picked, at {@code now}. */
  void apply(ExperimentAction a, List<String> targets, Instant now) {
    FaultAction f = a.action();
    if (f instanceof FaultAction.ZonePowerInterruption z) {
      twin.ec2().impairZone(z.zone());
    } else if (f instanceof FaultAction.TerminateInstances) {
      for (String r : targets) twin.ec2().terminateInstance(r.substring("instance/".length()));
    } else if (f instanceof FaultAction.StopInstances) {
      for (String r : targets) twin.ec2().stopInstance(r.substring("instance/".length()));
    } else if (f instanceof FaultAction.StopTasks t) {
      String service = t.cluster() + "/" + t.serviceName();
      for (String r : targets) {
        String id = r.substring("task/".length());
        twin.ecs().stopTask(t.cluster(), id, "Task stopped by experiment " + experimentName);
        stopped.computeIfAbsent(service, k -> new ArrayList<>()).add(id);
      }
      stoppedAt.putIfAbsent(service, now);
    } else if (f instanceof FaultAction.SendSpotInstanceInterruptions t) {
      List<String> ids = new ArrayList<>();
      for (String r : targets) ids.add(r.substring("instance/".length()));
      if (!ids.isEmpty()) twin.ec2().interruptSpotInstances(t.durationBeforeInterruption(), ids);
    } else if (f instanceof FaultAction.CpuStress t) {
      long from = now.toEpochMilli();
      long to =
          from + Objects.requireNonNull(a.duration(), "a lasting action has a duration").toMillis();
      for (String r : targets) {
        stressed.add(r.substring("instance/".length()));
        stress.add(new double[] {from, to, t.loadPercent()});
      }
    } else if (f instanceof FaultAction.NetworkLatency n) {
      network(n.zone(), n.delay().toMillis(), -1);
    } else if (f instanceof FaultAction.PacketLoss p) {
      network(p.zone(), -1, p.lossPercent() / 100.0);
    } else if (f instanceof FaultAction.FailHealthChecks h) {
      twin.loadBalancing().setHealthChecksFailing(h.targetGroupName(), true);
    } else if (f instanceof FaultAction.ThrottleLaunches t) {
      twin.ec2().throttleRunInstances(t.autoScalingGroupName(), t.percentage());
    } else if (f instanceof FaultAction.TrafficSurge s) {
      double rate = 0;
      for (TrafficFlow flow : twin.traffic().flows())
        if (flow.loadBalancerName().equals(s.loadBalancerName())) rate += flow.requestsPerSecond();
      if (rate > 0)
        Objects.requireNonNull(surges.get(a.name()), "start() keeps the surge")[0] =
            twin.traffic().apply(s.loadBalancerName(), Workload.constant(rate * (s.factor() - 1)));
    }
  }

  /** Ends every CPU stress window still open at {@code now}. */
  void endStress(Instant now) {
    long at = now.toEpochMilli();
    for (double[] w : stress) if (w[1] > at) w[1] = at;
  }

  /** Sets the zone's latency (ms) and loss, a negative value keeping the current one. */
  private void network(String zone, double latencyMillis, double loss) {
    double[] n = network.computeIfAbsent(zone, z -> new double[2]);
    if (latencyMillis >= 0) n[0] = latencyMillis;
    if (loss >= 0) n[1] = loss;
    if (n[0] == 0 && n[1] == 0) {
      network.remove(zone);
      twin.loadBalancing().restoreNetwork(zone);
    } else {
      twin.loadBalancing().impairNetwork(zone, Duration.ofMillis((long) n[0]), n[1]);
    }
  }

  /** The CPU the stress actions add to {@code instance} over {@code [from, to)} (epoch millis). */
  double stressCpu(Instance instance, long from, long to) {
    double added = 0;
    for (int i = 0; i < stressed.size(); i++) {
      if (!stressed.get(i).equals(instance.instanceId())) continue;
      double[] w = stress.get(i);
      long s = Math.max(from, (long) w[0]);
      long e = Math.min(to, (long) w[1]);
      if (e > s && to > from) added += w[2] * (e - s) / (to - from);
    }
    return added;
  }

  private List<String> inService(String group) {
    return twin.autoScaling().group(group).instances(LifecycleState.IN_SERVICE).stream()
        .map(i -> i.instanceId())
        .toList();
  }

  /** How many tasks the experiment stopped. */
  int tasksLost() {
    int n = 0;
    for (List<String> ids : stopped.values()) n += ids.size();
    return n;
  }

  /** Tasks of the affected services started after the experiment first stopped one of theirs. */
  int tasksReplaced() {
    int n = 0;
    for (Map.Entry<String, Instant> e : stoppedAt.entrySet()) {
      String[] cs = e.getKey().split("/", 2);
      for (Task t : twin.ecs().service(cs[0], cs[1]).tasks()) {
        if (t.startedAt() != null
            && !t.startedAt().isBefore(e.getValue())
            && t.lastStatus() == TaskStatus.RUNNING) n++;
      }
    }
    return Math.min(n, tasksLost());
  }
}

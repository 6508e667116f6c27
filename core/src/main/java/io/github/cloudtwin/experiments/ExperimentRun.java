package io.github.cloudtwin.experiments;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.cloudwatch.AlarmListener;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.facts.ExperimentFact;
import io.github.cloudtwin.internal.kernel.Cancellable;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.TrafficFlow;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One run of an experiment on a twin: schedules its actions, watches its stop conditions, samples
 * each minute.
 */
final class ExperimentRun {

  private final CloudTwin twin;
  private final Kernel kernel;
  private final Experiment experiment;
  private final SplittableRandom random;
  private Instant start;
  private final List<Scheduler.Task> pending = new ArrayList<>();
  private final Map<String, Runnable> active = new LinkedHashMap<>();
  private final Map<String, Duration[]> windows = new LinkedHashMap<>();
  private final Map<String, List<String>> stopped =
      new TreeMap<>(); // service -> task ids the experiment stopped
  private final Map<String, Instant> stoppedAt = new TreeMap<>();
  private final List<MinuteSample> samples = new ArrayList<>();
  private final Map<String, double[]> network = new TreeMap<>(); // zone -> {latency ms, loss}
  private final List<double[]> stress = new ArrayList<>(); // {from, to, load}, by instance index
  private final List<String> stressed = new ArrayList<>();
  private String stoppedBy;
  private Duration stopOffset;
  private long firstEvent;

  ExperimentRun(CloudTwin twin, Experiment experiment) {
    this.twin = twin;
    this.kernel = Kernel.of(twin);
    this.experiment = experiment;
    this.random = kernel.randomness().stream("experiment/" + experiment.name());
  }

  ExperimentResult run() {
    if (kernel.isAdvancing()) {
      throw new ValidationException(
          "experiment",
          experiment.name(),
          "a run started from the test, not from inside the simulation");
    }
    AlarmListener listener = this::alarmChanged;
    java.util.function.Consumer<io.github.cloudtwin.kernel.TimelineEvent> watcher = this::watch;
    Cancellable sampling =
        kernel.call(
            () -> {
              validateTargets();
              start = kernel.clock().now();
              firstEvent =
                  kernel
                      .timeline()
                      .record(
                          new ExperimentFact.ExperimentStarted(
                              experiment.name(),
                              experiment.actions().stream()
                                  .sorted(
                                      java.util.Comparator.comparing(ExperimentAction::startOffset))
                                  .map(ExperimentAction::name)
                                  .toList(),
                              experiment.stopConditions()));
              twin.cloudWatch().addAlarmListener(listener);
              kernel.timeline().addListener(watcher);
              minInService.putAll(inServiceNow());
              minHealthy.putAll(healthyNow());
              minTasks.putAll(tasksNow());
              twin.ec2().addCpuLoadModel(this::stressCpu);
              kernel.runWithCause(
                  firstEvent,
                  () -> {
                    for (ExperimentAction a : experiment.actions()) {
                      pending.add(
                          kernel.scheduler().at(start.plus(a.startOffset()), () -> begin(a)));
                    }
                  });
              return kernel.every(Duration.ofMinutes(1), Phase.ACT, this::sample);
            });
    try {
      twin.advance(experiment.runFor());
    } finally {
      kernel.run(
          () -> {
            sampling.cancel();
            twin.cloudWatch().removeAlarmListener(listener);
            kernel.timeline().removeListener(watcher);
            for (String name : new ArrayList<>(active.keySet()))
              end(name, false); // due at the run's last instant
            kernel
                .timeline()
                .record(
                    new ExperimentFact.ExperimentEnded(
                        experiment.name(), stoppedBy == null ? "completed" : "stopped"));
          });
    }
    return new ExperimentResult(
        experiment,
        start,
        stoppedBy,
        stopOffset,
        windows,
        samples,
        tasksLost(),
        tasksReplaced(),
        twin.timeline(),
        firstEvent);
  }

  // ------------------------------------------------------------------ validation

  private void validateTargets() {
    for (String alarm : experiment.stopConditions()) {
      List<String> names =
          twin.cloudWatch().alarms().stream().map(MetricAlarm::alarmName).sorted().toList();
      if (!names.contains(alarm))
        throw new ValidationException("stopConditions", alarm, "an alarm of the twin " + names);
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

  // ------------------------------------------------------------------ actions

  private Duration offset() {
    return Duration.between(start, kernel.clock().now());
  }

  private void begin(ExperimentAction a) {
    if (stoppedBy != null) return;
    FaultAction f = a.action();
    List<String> targets = new ArrayList<>();
    Runnable undo = start(f, a, targets);
    long id =
        kernel
            .timeline()
            .record(
                new ExperimentFact.ActionStarted(
                    experiment.name(), a.name(), f.actionId(), targets));
    windows.put(a.name(), new Duration[] {offset(), a.duration() == null ? offset() : null});
    kernel.runWithCause(
        id,
        () -> {
          Runnable done = undo == null ? null : undo;
          if (a.duration() == null) {
            kernel
                .timeline()
                .record(
                    new ExperimentFact.ActionEnded(
                        experiment.name(), a.name(), f.actionId(), false));
            return;
          }
          active.put(a.name(), done);
          pending.add(
              kernel
                  .scheduler()
                  .at(kernel.clock().now().plus(a.duration()), () -> end(a.name(), false)));
        });
    // the fault's consequences are caused by the action's start
    kernel.runWithCause(id, () -> apply(f, targets));
  }

  /** Picks the targets; returns how to undo the fault (null for instant actions). */
  private Runnable start(FaultAction f, ExperimentAction a, List<String> targets) {
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
          twin.autoScaling()
              .group(t.autoScalingGroupName())
              .instances(io.github.cloudtwin.ec2.PurchaseOption.SPOT)) {
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

  private final Map<String, TrafficFlow[]> surges = new LinkedHashMap<>();

  private void apply(FaultAction f, List<String> targets) {
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
        twin.ecs().stopTask(t.cluster(), id, "Task stopped by experiment " + experiment.name());
        stopped.computeIfAbsent(service, k -> new ArrayList<>()).add(id);
      }
      stoppedAt.putIfAbsent(service, kernel.clock().now());
    } else if (f instanceof FaultAction.SendSpotInstanceInterruptions t) {
      List<String> ids = new ArrayList<>();
      for (String r : targets) ids.add(r.substring("instance/".length()));
      if (!ids.isEmpty()) twin.ec2().interruptSpotInstances(t.durationBeforeInterruption(), ids);
    } else if (f instanceof FaultAction.CpuStress t) {
      long from = kernel.clock().now().toEpochMilli();
      ExperimentAction a = actionOf(f);
      long to = from + a.duration().toMillis();
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
      double now = 0;
      for (TrafficFlow flow : twin.traffic().flows())
        if (flow.loadBalancerName().equals(s.loadBalancerName())) now += flow.requestsPerSecond();
      if (now > 0)
        surges.get(actionOf(f).name())[0] =
            twin.traffic().apply(s.loadBalancerName(), Workload.constant(now * (s.factor() - 1)));
    }
  }

  private ExperimentAction actionOf(FaultAction f) {
    for (ExperimentAction a : experiment.actions()) if (a.action() == f) return a;
    throw new IllegalStateException("no action " + f);
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

  private double stressCpu(Instance instance, long from, long to) {
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

  private void end(String name, boolean early) {
    Runnable undo = active.remove(name);
    if (undo == null && !windows.containsKey(name)) return;
    ExperimentAction a =
        experiment.actions().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    if (undo != null) undo.run();
    if (a.action() instanceof FaultAction.CpuStress) {
      long now = kernel.clock().now().toEpochMilli();
      for (double[] w : stress) if (w[1] > now) w[1] = now;
    }
    windows.get(name)[1] = offset();
    kernel
        .timeline()
        .record(
            new ExperimentFact.ActionEnded(experiment.name(), name, a.action().actionId(), early));
  }

  // ------------------------------------------------------------------ stop conditions

  private void alarmChanged(MetricAlarm alarm, AlarmState from, AlarmState to, String reason) {
    if (to != AlarmState.ALARM
        || stoppedBy != null
        || !experiment.stopConditions().contains(alarm.alarmName())) return;
    String name = alarm.alarmName();
    kernel.scheduler().at(kernel.clock().now(), () -> stop(name));
  }

  private void stop(String alarmName) {
    if (stoppedBy != null) return;
    stoppedBy = alarmName;
    stopOffset = offset();
    long id =
        kernel.timeline().record(new ExperimentFact.StopConditionMet(experiment.name(), alarmName));
    kernel.runWithCause(
        id,
        () -> {
          for (Scheduler.Task t : pending) t.cancel();
          for (String name : new ArrayList<>(active.keySet())) end(name, true);
        });
  }

  // ------------------------------------------------------------------ observation

  private void sample() {
    Instant now = kernel.clock().now();
    if (!now.isAfter(start)) return;
    double[] traffic = Observation.traffic(twin, now);
    Map<String, Integer> inService = lowest(minInService, inServiceNow());
    Map<String, Integer> healthy = lowest(minHealthy, healthyNow());
    Map<String, Integer> tasks = lowest(minTasks, tasksNow());
    samples.add(
        new MinuteSample(offset(), traffic[0], traffic[1], traffic[2], inService, healthy, tasks));
  }

  /**
   * The minute's lowest counts (what the events showed, and now), then starts the next minute from
   * now.
   */
  private static Map<String, Integer> lowest(
      Map<String, Integer> tracked, Map<String, Integer> now) {
    Map<String, Integer> out = new TreeMap<>();
    now.forEach((k, v) -> out.put(k, Math.min(v, tracked.getOrDefault(k, v))));
    tracked.clear();
    tracked.putAll(now);
    return out;
  }

  private final Map<String, Integer> minInService = new TreeMap<>();
  private final Map<String, Integer> minHealthy = new TreeMap<>();
  private final Map<String, Integer> minTasks = new TreeMap<>();

  /** Keeps the minute's lowest counts as capacity changes between samples. */
  private void watch(io.github.cloudtwin.kernel.TimelineEvent e) {
    io.github.cloudtwin.facts.Fact f = e.fact();
    if (f instanceof io.github.cloudtwin.facts.AutoScalingFact.LifecycleStateChanged) {
      inServiceNow().forEach((k, v) -> minInService.merge(k, v, Math::min));
    } else if (f instanceof io.github.cloudtwin.facts.ElbFact.TargetHealthChanged) {
      healthyNow().forEach((k, v) -> minHealthy.merge(k, v, Math::min));
    } else if (f instanceof io.github.cloudtwin.facts.EcsFact.TaskStateChanged) {
      tasksNow().forEach((k, v) -> minTasks.merge(k, v, Math::min));
    }
  }

  private Map<String, Integer> inServiceNow() {
    Map<String, Integer> out = new TreeMap<>();
    for (AutoScalingGroup g : twin.autoScaling().groups()) out.put(g.name(), g.inServiceCount());
    return out;
  }

  private Map<String, Integer> healthyNow() {
    Map<String, Integer> out = new TreeMap<>();
    for (var tg : twin.loadBalancing().targetGroups()) {
      int n = 0;
      for (var h : tg.targetHealth().values())
        if (h.state() == io.github.cloudtwin.elb.TargetHealthState.HEALTHY) n++;
      out.put(tg.name(), n);
    }
    return out;
  }

  private Map<String, Integer> tasksNow() {
    Map<String, Integer> out = new TreeMap<>();
    for (Cluster c : twin.ecs().clusters()) {
      for (EcsService s : c.services())
        out.put(c.clusterName() + "/" + s.serviceName(), s.runningCount());
    }
    return out;
  }

  private int tasksLost() {
    int n = 0;
    for (List<String> ids : stopped.values()) n += ids.size();
    return n;
  }

  /** Tasks of the affected services started after the experiment first stopped one of theirs. */
  private int tasksReplaced() {
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

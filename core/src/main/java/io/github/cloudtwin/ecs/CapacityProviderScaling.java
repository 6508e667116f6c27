package io.github.cloudtwin.ecs;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import io.github.cloudtwin.internal.scaling.Capacity;
import io.github.cloudtwin.internal.scaling.TargetTracking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Managed scaling of Auto Scaling group capacity providers: publishes each provider's {@code
 * AWS/ECS/ManagedScaling CapacityProviderReservation} every minute, puts and deletes the group's
 * target tracking policy {@code ECSManagedAutoScalingPolicy-<uuid>}, and decides the capacity that
 * policy asks for when its alarms trigger it (aws-behaviour.md 5.8).
 */
final class CapacityProviderScaling {

  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final Collection<CapacityProvider> providers;
  private final Function<String, Cluster> clusters;
  private final Function<String, List<Task>> waiting;
  private final Map<String, MetricWriter> writers = new HashMap<>();
  private final java.util.SplittableRandom ids;

  /**
   * Starts publishing the metric every minute (OBSERVE).
   *
   * @param kernel the kernel
   * @param cloudWatch where the metric goes
   * @param providers the live collection of every provider (read each minute)
   * @param clusters a cluster by name
   * @param waiting the tasks waiting in PROVISIONING in a cluster, by cluster name; or null
   */
  CapacityProviderScaling(
      Kernel kernel,
      CloudWatch cloudWatch,
      Collection<CapacityProvider> providers,
      Function<String, Cluster> clusters,
      Function<String, List<Task>> waiting) {
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
    this.providers = providers;
    this.clusters = clusters;
    this.waiting = waiting;
    this.ids = kernel.randomness().stream("ecs.managedscaling");
    kernel.every(Duration.ofMinutes(1), Phase.OBSERVE, this::publish);
  }

  /** Stops publishing the provider's metric (until managed scaling publishes it again). */
  void forgetMetric(String providerName) {
    writers.remove(providerName);
  }

  /** {@return whether a running, non-daemon task keeps the instance busy} */
  static boolean busy(ContainerInstance ci) {
    for (Task t : ci.taskList()) {
      if (t.lastStatus() != TaskStatus.STOPPED
          && t.desiredStatus() == TaskStatus.RUNNING
          && (t.service == null
              || t.service.spec().schedulingStrategy() != SchedulingStrategy.DAEMON)) {
        return true;
      }
    }
    return false;
  }

  private void publish() {
    long now = kernel.clock().now().toEpochMilli();
    for (CapacityProvider p : providers) {
      if (p.clusterName == null || !p.spec.managedScaling().enabled()) continue;
      compute(p);
      MetricWriter w = writers.get(p.name());
      if (w == null) {
        w = cloudWatch.writer(metric(p), StandardUnit.PERCENT);
        writers.put(p.name(), w);
      }
      w.put(now - 60_000L, p.lastReservation);
    }
  }

  /**
   * M / N x 100 with N = 0 special cases; M counts busy instances plus the PROVISIONING estimate.
   */
  void compute(CapacityProvider p) {
    CapacityProviderGroup g = p.group;
    List<String> ids = g.instanceIds();
    int n = ids.size();
    Cluster c = clusters.apply(p.clusterName);
    int busyCount = 0;
    for (String id : ids) {
      ContainerInstance ci = c.byEc2Id.get(id);
      if (ci != null && ci.status() != ContainerInstanceStatus.INACTIVE && busy(ci)) busyCount++;
    }
    int estimate = estimate(p, c);
    int m = busyCount + estimate;
    p.lastM = m;
    p.lastN = n;
    p.lastReservation = n == 0 ? (m > 0 ? 200 : 100) : 100.0 * m / n;
  }

  /**
   * Instances of the group's smallest type needed for the waiting tasks, bin-packed by CPU and
   * memory.
   */
  private int estimate(CapacityProvider p, Cluster c) {
    List<Task> w = waiting.apply(c.clusterName());
    if (w == null || w.isEmpty()) return 0;
    InstanceType smallest = null;
    for (String name : p.group.instanceTypes()) {
      InstanceType t = InstanceType.of(name);
      if (smallest == null
          || t.cpuUnits() < smallest.cpuUnits()
          || t.cpuUnits() == smallest.cpuUnits() && t.memoryMiB() < smallest.memoryMiB())
        smallest = t;
    }
    if (smallest == null) return 0;
    int cpu = smallest.cpuUnits();
    int mem = ContainerInstance.registeredMemory(smallest);
    List<int[]> bins = new ArrayList<>();
    for (Task t : w) {
      if (!p.name().equals(t.capacityProviderName())
          || t.desiredStatus() != TaskStatus.RUNNING
          || t.lastStatus() != TaskStatus.PROVISIONING) continue;
      int tc = t.taskDefinition().reservedCpu();
      int tm = t.taskDefinition().reservedMemory();
      if (tc > cpu || tm > mem) continue; // too big for the smallest type: ignored
      boolean placed = false;
      for (int[] b : bins) {
        if (b[0] >= tc && b[1] >= tm) {
          b[0] -= tc;
          b[1] -= tm;
          placed = true;
          break;
        }
      }
      if (!placed) bins.add(new int[] {cpu - tc, mem - tm});
    }
    return bins.size();
  }

  /**
   * Puts the managed scaling policy on the group if managed scaling is on and a cluster uses the
   * provider.
   */
  void ensurePolicy(CapacityProvider p) {
    ManagedScaling ms = p.spec.managedScaling();
    if (p.policyName != null || p.clusterName == null || !ms.enabled()) return;
    String policyName = "ECSManagedAutoScalingPolicy-" + uuid();
    p.alarmNames =
        List.copyOf(
            p.group.putManagedScalingPolicy(
                policyName,
                metric(p),
                ms.targetCapacity(),
                ms.instanceWarmupPeriod(),
                cpr -> capacity(p, true, cpr),
                cpr -> capacity(p, false, cpr)));
    p.policyName = policyName;
  }

  /** Deletes the managed scaling policy and its alarms, if the provider has one. */
  void dropPolicy(CapacityProvider p) {
    if (p.policyName == null) return;
    p.group.deleteManagedScalingPolicy(p.policyName);
    p.policyName = null;
    p.alarmNames = List.of();
    p.lastScaleOutMillis = Long.MIN_VALUE;
  }

  private static MetricId metric(CapacityProvider p) {
    return MetricId.of(
        "AWS/ECS/ManagedScaling",
        "CapacityProviderReservation",
        "ClusterName",
        Objects.requireNonNull(p.clusterName, "only a provider a cluster uses has the metric"),
        "CapacityProviderName",
        p.name());
  }

  private String uuid() {
    long a = ids.nextLong();
    long b = ids.nextLong();
    return String.format(
        "%08x-%04x-4%03x-%04x-%012x",
        a >>> 32,
        (a >>> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >>> 48) & 0x3fff),
        b & 0xffffffffffffL);
  }

  /**
   * What the provider's policy asks for when its alarms trigger it (the twin's rules for cluster
   * auto scaling, docs/ecs.md): scale out to the proportional capacity within the step sizes, two
   * instances from none, not again within the instance warm-up; scale in toward the proportional
   * capacity by less than half the group per step. -1 for no change.
   */
  private int capacity(CapacityProvider p, boolean scaleOut, double cpr) {
    ManagedScaling ms = p.spec.managedScaling();
    CapacityProviderGroup g = p.group;
    int current = g.desiredCapacity();
    int n = p.lastN;
    int target = ms.targetCapacity();
    long now = kernel.clock().now().toEpochMilli();
    int desired;
    if (scaleOut) {
      if (p.lastScaleOutMillis != Long.MIN_VALUE
          && now - p.lastScaleOutMillis < ms.instanceWarmupPeriod().toMillis()) return -1;
      if (n == 0) {
        desired = 2;
      } else {
        int step =
            Capacity.clamp(
                TargetTracking.needed(n, cpr, target) - n,
                ms.minimumScalingStepSize(),
                ms.maximumScalingStepSize());
        desired = n + step;
      }
      desired = Capacity.clamp(desired, g.minSize(), g.maxSize());
      if (desired <= current) return -1;
      p.lastScaleOutMillis = now;
    } else {
      if (n == 0) return -1;
      int maxStep = Math.max(1, (n - 1) / 2);
      desired =
          Capacity.clamp(
              Math.max(TargetTracking.needed(n, cpr, target), n - maxStep),
              g.minSize(),
              g.maxSize());
      if (desired >= current) return -1;
    }
    kernel
        .timeline()
        .record(
            new EcsFact.ManagedScalingTriggered(
                p.name(), scaleOut, cpr, target, current, desired, p.lastM, n));
    return desired;
  }
}

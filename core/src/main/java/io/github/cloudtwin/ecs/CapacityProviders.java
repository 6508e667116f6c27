package io.github.cloudtwin.ecs;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Auto Scaling group capacity providers: strategy (base and weight), tasks waiting in PROVISIONING,
 * the {@code AWS/ECS/ManagedScaling CapacityProviderReservation} metric, managed scaling of the
 * group and managed termination protection (aws-behaviour.md 5.8, 5.9).
 *
 * <p>Managed scaling works as AWS builds it: while a cluster uses the provider, the group holds a
 * target tracking policy {@code ECSManagedAutoScalingPolicy-<uuid>} on the metric, whose CloudWatch
 * alarms trigger it: scale out when the newest one-minute reservation is above the target (1 of 1),
 * scale in after 15 consecutive minutes below it (15 of 15). {@link CapacityProviderScaling}
 * publishes the metric and decides the capacity the policy asks for.
 */
final class CapacityProviders {

  private final Kernel kernel;
  private final ClusterRegistry clusters;
  private final Function<String, CapacityProviderGroup> groups;
  private Predicate<Task> placeWaiting = t -> false;
  private BiConsumer<String, String> linkGroup = (cluster, group) -> {};
  private final Map<String, CapacityProvider> providers = new LinkedHashMap<>();
  private final Map<String, List<Task>> waiting = new LinkedHashMap<>();
  private final java.util.Set<String> retryRequested = new java.util.LinkedHashSet<>();
  private final CapacityProviderScaling scaling;

  /**
   * Creates the providers of one twin's ECS.
   *
   * @param kernel the kernel
   * @param cloudWatch where managed scaling's metric and alarms are
   * @param clusters the clusters
   * @param groups the Auto Scaling group of a provider, by group name
   */
  CapacityProviders(
      Kernel kernel,
      CloudWatch cloudWatch,
      ClusterRegistry clusters,
      Function<String, CapacityProviderGroup> groups) {
    this.kernel = kernel;
    this.clusters = clusters;
    this.groups = groups;
    this.scaling =
        new CapacityProviderScaling(
            kernel, cloudWatch, providers.values(), clusters::get, waiting::get);
  }

  /**
   * Connects the collaborators built after this one.
   *
   * @param placeWaiting places a task waiting in PROVISIONING, true when it was placed
   * @param linkGroup links an Auto Scaling group (second) to a cluster (first)
   */
  void bind(Predicate<Task> placeWaiting, BiConsumer<String, String> linkGroup) {
    this.placeWaiting = placeWaiting;
    this.linkGroup = linkGroup;
  }

  /** Creates a provider, as {@code CreateCapacityProvider}. */
  CapacityProvider create(CapacityProviderSpec spec) {
    Require.notNull("capacityProvider", spec);
    return kernel.call(() -> createLocked(spec));
  }

  private CapacityProvider createLocked(CapacityProviderSpec spec) {
    if (providers.containsKey(spec.name())) {
      throw new ValidationException(
          "name",
          spec.name(),
          "a new capacity provider name",
          "The specified capacity provider already exists.");
    }
    for (CapacityProvider p : providers.values()) {
      if (p.spec.autoScalingGroupName().equals(spec.autoScalingGroupName())) {
        throw new ValidationException(
            "autoScalingGroupProvider",
            spec.autoScalingGroupName(),
            "a group not used by another capacity provider (" + p.name() + ")");
      }
    }
    CapacityProviderGroup group = groups.apply(spec.autoScalingGroupName());
    if (group.maxSize() <= 0 && spec.managedScaling().enabled()) {
      throw new ValidationException(
          "autoScalingGroupProvider",
          spec.autoScalingGroupName(),
          "a group with MaxSize above 0 for managed scaling");
    }
    CapacityProvider p = new CapacityProvider(spec, group);
    providers.put(spec.name(), p);
    kernel
        .timeline()
        .record(new EcsFact.CapacityProviderCreated(spec.name(), spec.autoScalingGroupName()));
    return p;
  }

  /** The provider named {@code name}, for callers outside the lock. */
  CapacityProvider provider(String name) {
    Require.name("capacityProvider", name);
    return kernel.call(() -> get(name));
  }

  CapacityProvider get(String name) {
    CapacityProvider p = providers.get(name);
    if (p == null)
      throw new ValidationException(
          "capacityProvider", name, "an existing capacity provider " + providers.keySet());
    return p;
  }

  /** Sets a cluster's providers and default strategy, as {@code PutClusterCapacityProviders}. */
  void associate(String cluster, List<String> names, List<CapacityProviderStrategyItem> strategy) {
    Cluster c = clusters.active(cluster);
    Require.notNull("capacityProviders", names);
    Require.notNull("defaultCapacityProviderStrategy", strategy);
    ServiceSpec.validateStrategy(strategy);
    kernel.run(() -> associateLocked(c, names, strategy));
  }

  private void associateLocked(
      Cluster c, List<String> names, List<CapacityProviderStrategyItem> strategy) {
    for (String n : names) {
      if (CapacityProviderStrategyItem.isFargate(n)) continue; // AWS's, shared by every cluster
      CapacityProvider p = get(n);
      if (p.clusterName != null && !p.clusterName.equals(c.clusterName())) {
        throw new ValidationException(
            "capacityProviders",
            n,
            "a provider not associated with another cluster (" + p.clusterName + ")");
      }
    }
    for (CapacityProviderStrategyItem i : strategy) {
      if (!names.contains(i.capacityProvider())) {
        throw new ValidationException(
            "defaultCapacityProviderStrategy.capacityProvider",
            i.capacityProvider(),
            "one of the cluster's providers " + names);
      }
    }
    for (String old : List.copyOf(c.capacityProviders)) {
      CapacityProvider p = providers.get(old);
      if (p != null && !names.contains(old) && c.clusterName().equals(p.clusterName)) {
        p.clusterName = null;
        scaling.forgetMetric(old);
        scaling.dropPolicy(p);
      }
    }
    synchronized (c.capacityProviders) {
      c.capacityProviders.clear();
      c.capacityProviders.addAll(names);
    }
    synchronized (c.defaultStrategy) {
      c.defaultStrategy.clear();
      c.defaultStrategy.addAll(strategy);
    }
    for (String n : names) {
      CapacityProvider p = providers.get(n);
      if (p == null) continue; // FARGATE, FARGATE_SPOT
      p.clusterName = c.clusterName();
      scaling.ensurePolicy(p);
      linkGroup.accept(c.clusterName(), p.group.autoScalingGroupName());
      for (ContainerInstance ci : c.containerInstances.values()) {
        if (ci.capacityProviderName == null
            && p.group
                .autoScalingGroupName()
                .equals(ci.instance().tags().get(io.github.cloudtwin.ec2.Ec2.GROUP_TAG))) {
          ci.capacityProviderName = n;
          protect(ci);
        }
      }
    }
    kernel
        .timeline()
        .record(
            new EcsFact.ClusterCapacityProvidersSet(
                c.clusterName(), List.copyOf(names), List.copyOf(strategy)));
  }

  /** The provider whose group launched {@code i}, among the cluster's providers; or null. */
  @Nullable String providerOf(Cluster c, Instance i) {
    String group = i.tags().get(io.github.cloudtwin.ec2.Ec2.GROUP_TAG);
    if (group == null) return null;
    for (String n : c.capacityProviders) {
      CapacityProvider p = providers.get(n);
      if (p != null && p.group.autoScalingGroupName().equals(group)) return n;
    }
    return null;
  }

  // ------------------------------------------------------------------ strategy

  /** The provider for the next task of a service: bases first, then by weight. */
  String pick(
      Cluster c, EcsService s, List<CapacityProviderStrategyItem> strategy, List<Task> all) {
    Map<String, Integer> counts = new HashMap<>();
    for (Task t : all) {
      if (t.lastStatus() != TaskStatus.STOPPED
          && t.desiredStatus() == TaskStatus.RUNNING
          && t.capacityProviderName() != null) {
        counts.merge(t.capacityProviderName(), 1, Integer::sum);
      }
    }
    for (CapacityProviderStrategyItem i : strategy) {
      if (i.base() > 0 && counts.getOrDefault(i.capacityProvider(), 0) < i.base())
        return i.capacityProvider();
    }
    String best = null;
    double bestScore = Double.MAX_VALUE;
    for (CapacityProviderStrategyItem i : strategy) {
      if (i.weight() == 0) continue;
      int beyond = Math.max(0, counts.getOrDefault(i.capacityProvider(), 0) - i.base());
      double score = (beyond + 1.0) / i.weight();
      if (score < bestScore) {
        bestScore = score;
        best = i.capacityProvider();
      }
    }
    return Objects.requireNonNull(best, "a strategy has a provider with a weight");
  }

  // ------------------------------------------------------------------ waiting tasks

  void addWaiting(Cluster c, Task t) {
    waiting.computeIfAbsent(c.clusterName(), k -> new ArrayList<>()).add(t);
  }

  void requestRetry(Cluster c) {
    List<Task> w = waiting.get(c.clusterName());
    if (w == null || w.isEmpty() || !retryRequested.add(c.clusterName())) return;
    kernel
        .scheduler()
        .after(
            Duration.ZERO,
            () -> {
              retryRequested.remove(c.clusterName());
              retryWaiting(c);
            });
  }

  void retryWaiting(Cluster c) {
    List<Task> w = waiting.get(c.clusterName());
    if (w == null) return;
    for (Task t : List.copyOf(w)) {
      if (t.desiredStatus() != TaskStatus.RUNNING || t.lastStatus() == TaskStatus.STOPPED) {
        w.remove(t);
        continue;
      }
      if (placeWaiting.test(t)) w.remove(t);
    }
  }

  void instanceRegistered(Cluster c, ContainerInstance ci) {
    if (ci.capacityProviderName != null) protect(ci);
    requestRetry(c);
  }

  void instanceGone(ContainerInstance ci) {
    // nothing kept per instance
  }

  void taskPlaced(Task t) {
    ContainerInstance ci = t.containerInstance();
    if (ci != null && ci.capacityProviderName != null) protect(ci);
  }

  void taskStopped(Task t) {
    ContainerInstance ci = t.containerInstance();
    if (ci != null
        && ci.capacityProviderName != null
        && ci.status() != ContainerInstanceStatus.INACTIVE) protect(ci);
  }

  /** Managed termination protection: busy instances protected, empty ones not. */
  private void protect(ContainerInstance ci) {
    CapacityProvider p = providers.get(ci.capacityProviderName);
    if (p == null || !p.spec.managedTerminationProtection()) return;
    boolean b = CapacityProviderScaling.busy(ci);
    Boolean current = protection.get(ci.ec2InstanceId());
    if (current != null && current == b) return;
    protection.put(ci.ec2InstanceId(), b);
    p.group.setInstanceProtection(ci.ec2InstanceId(), b);
  }

  private final Map<String, Boolean> protection = new HashMap<>();

  /** Updates managed scaling, as {@code UpdateCapacityProvider}: the policy follows it. */
  CapacityProvider update(String name, ManagedScaling managedScaling) {
    Require.notNull("managedScaling", managedScaling);
    return kernel.call(() -> updateLocked(name, managedScaling));
  }

  private CapacityProvider updateLocked(String name, ManagedScaling managedScaling) {
    CapacityProvider p = get(name);
    CapacityProviderSpec spec = p.spec.withManagedScaling(managedScaling); // validates protection
    if (managedScaling.enabled() && p.group.maxSize() <= 0) {
      throw new ValidationException(
          "autoScalingGroupProvider",
          spec.autoScalingGroupName(),
          "a group with MaxSize above 0 for managed scaling");
    }
    p.spec = spec;
    kernel
        .timeline()
        .record(
            new EcsFact.CapacityProviderUpdated(
                name, managedScaling.enabled(), managedScaling.targetCapacity()));
    scaling.dropPolicy(p);
    if (!managedScaling.enabled()) scaling.forgetMetric(name);
    scaling.ensurePolicy(p);
    return p;
  }

  /** Deletes a provider no cluster uses, as {@code DeleteCapacityProvider}. */
  void delete(String name) {
    kernel.run(() -> deleteLocked(name));
  }

  private void deleteLocked(String name) {
    CapacityProvider p = get(name);
    if (p.clusterName != null) {
      throw new ValidationException(
          "capacityProvider",
          name,
          "a capacity provider not associated with a cluster (it is"
              + " associated with "
              + p.clusterName
              + "; remove it with PutClusterCapacityProviders first)");
    }
    scaling.dropPolicy(p);
    providers.remove(name);
    scaling.forgetMetric(name);
    kernel.timeline().record(new EcsFact.CapacityProviderDeleted(name));
  }
}

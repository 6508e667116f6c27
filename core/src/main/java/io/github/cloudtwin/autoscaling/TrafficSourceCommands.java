package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The load balancer API of one Auto Scaling service: how target group and Classic Load Balancer
 * names resolve (the twin wires the ELB service in), and AttachLoadBalancers,
 * AttachLoadBalancerTargetGroups and DetachLoadBalancerTargetGroups.
 */
final class TrafficSourceCommands {

  private final Kernel kernel;
  private final GroupRegistry registry;
  private @Nullable Function<String, LoadBalancerTargets> targetGroupResolver;
  private @Nullable Function<String, LoadBalancerTargets> loadBalancerResolver;

  TrafficSourceCommands(Kernel kernel, GroupRegistry registry) {
    this.kernel = kernel;
    this.registry = registry;
  }

  void setTargetGroupResolver(Function<String, LoadBalancerTargets> resolver) {
    Require.notNull("resolver", resolver);
    kernel.run(() -> this.targetGroupResolver = resolver);
  }

  void setLoadBalancerResolver(Function<String, LoadBalancerTargets> resolver) {
    Require.notNull("resolver", resolver);
    kernel.run(() -> this.loadBalancerResolver = resolver);
  }

  void attachLoadBalancers(String groupName, String... loadBalancerNames) {
    Require.notNull("LoadBalancerNames", loadBalancerNames);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<LoadBalancerTargets> add = new ArrayList<>();
          for (String n : loadBalancerNames) {
            Require.name("LoadBalancerNames", n);
            if (loadBalancerResolver == null)
              throw new ValidationException(
                  "LoadBalancerNames", n, "a Classic Load Balancer of the twin");
            LoadBalancerTargets t = loadBalancerResolver.apply(n);
            if (!attached(g, add, n)) add.add(t);
          }
          if (add.isEmpty()) return;
          long id =
              g.record(
                  new AutoScalingFact.LoadBalancersAttached(
                      g.name, add.stream().map(LoadBalancerTargets::name).toList()));
          kernel.runWithCause(id, () -> g.traffic.attach(add));
        });
  }

  /** Whether {@code name} is attached to {@code g} already or among those about to be. */
  private static boolean attached(GroupRuntime g, List<LoadBalancerTargets> add, String name) {
    return g.traffic.targetGroups.stream().anyMatch(x -> x.name().equals(name))
        || add.stream().anyMatch(x -> x.name().equals(name));
  }

  void attachLoadBalancerTargetGroups(String groupName, String... targetGroupNames) {
    Require.notNull("TargetGroupARNs", targetGroupNames);
    Require.between("TargetGroupARNs", targetGroupNames.length, 1, 10);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<LoadBalancerTargets> add = new ArrayList<>();
          for (LoadBalancerTargets t : resolveTargetGroups(Arrays.asList(targetGroupNames))) {
            if (!attached(g, add, t.name())) add.add(t);
          }
          if (add.isEmpty()) return;
          List<String> names = add.stream().map(LoadBalancerTargets::name).toList();
          List<String> all = new ArrayList<>(g.spec.targetGroupNames());
          all.addAll(names);
          g.spec = g.spec.toBuilder().targetGroupNames(all.toArray(String[]::new)).build();
          for (String n : names) g.traffic.removingTargetGroups.remove(n);
          long id = g.record(new AutoScalingFact.TargetGroupsAttached(g.name, names));
          kernel.runWithCause(id, () -> g.traffic.attach(add));
        });
  }

  void detachLoadBalancerTargetGroups(String groupName, String... targetGroupNames) {
    Require.notNull("TargetGroupARNs", targetGroupNames);
    Require.between("TargetGroupARNs", targetGroupNames.length, 1, 10);
    for (String n : targetGroupNames) Require.name("TargetGroupARNs", n);
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<LoadBalancerTargets> remove = new ArrayList<>();
          for (String n : new LinkedHashSet<>(Arrays.asList(targetGroupNames))) {
            for (LoadBalancerTargets t : g.traffic.targetGroups)
              if (t.name().equals(n)) remove.add(t);
          }
          if (remove.isEmpty()) return;
          List<String> names = remove.stream().map(LoadBalancerTargets::name).toList();
          List<String> rest = new ArrayList<>(g.spec.targetGroupNames());
          rest.removeAll(names);
          g.spec = g.spec.toBuilder().targetGroupNames(rest.toArray(String[]::new)).build();
          long id = g.record(new AutoScalingFact.TargetGroupsDetached(g.name, names));
          kernel.runWithCause(id, () -> g.traffic.detach(remove));
        });
  }

  /**
   * The target groups named, each resolved, or a ValidationException naming the first unknown one.
   */
  List<LoadBalancerTargets> resolveTargetGroups(List<String> names) {
    List<LoadBalancerTargets> out = new ArrayList<>();
    for (String n : names) {
      LoadBalancerTargets t;
      try {
        t = targetGroupResolver == null ? null : targetGroupResolver.apply(n);
      } catch (ValidationException e) {
        throw new ValidationException(
            "TargetGroupARNs", n, "the name of an existing target group (" + e.getMessage() + ")");
      }
      if (t == null) {
        throw new ValidationException("TargetGroupARNs", n, "the name of an existing target group");
      }
      out.add(t);
    }
    return out;
  }
}

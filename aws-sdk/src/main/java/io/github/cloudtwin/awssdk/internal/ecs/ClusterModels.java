package io.github.cloudtwin.awssdk.internal.ecs;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.ManagedScaling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;

/**
 * Clusters and capacity providers, both ways: a capacity provider request as the twin's spec, and
 * clusters, capacity providers and capacity provider strategies as the SDK models them.
 */
final class ClusterModels {

  private final CloudTwin twin;
  private final EcsOperations ops;

  ClusterModels(CloudTwin twin, EcsOperations ops) {
    this.twin = twin;
    this.ops = ops;
  }

  /** The SDK model of a cluster. */
  static Cluster cluster(io.github.cloudtwin.ecs.Cluster c) {
    return Cluster.builder()
        .clusterArn(c.clusterArn())
        .clusterName(c.clusterName())
        .status(c.status())
        .registeredContainerInstancesCount(c.registeredContainerInstancesCount())
        .runningTasksCount(c.runningTasksCount())
        .pendingTasksCount(c.pendingTasksCount())
        .activeServicesCount(
            (int) c.services().stream().filter(s -> s.status().equals("ACTIVE")).count())
        .statistics(List.of())
        .tags(List.of())
        .settings(List.of())
        .capacityProviders(c.capacityProviders())
        .defaultCapacityProviderStrategy(
            c.defaultCapacityProviderStrategy().stream().map(ClusterModels::strategyItem).toList())
        .build();
  }

  /** A request's capacity provider strategy as the twin's items. */
  static List<io.github.cloudtwin.ecs.CapacityProviderStrategyItem> strategy(
      List<CapacityProviderStrategyItem> items) {
    List<io.github.cloudtwin.ecs.CapacityProviderStrategyItem> out = new ArrayList<>();
    for (CapacityProviderStrategyItem i : items) {
      out.add(
          new io.github.cloudtwin.ecs.CapacityProviderStrategyItem(
              i.capacityProvider(),
              i.base() == null ? 0 : i.base(),
              i.weight() == null ? 0 : i.weight()));
    }
    return out;
  }

  static CapacityProviderStrategyItem strategyItem(
      io.github.cloudtwin.ecs.CapacityProviderStrategyItem i) {
    return CapacityProviderStrategyItem.builder()
        .capacityProvider(i.capacityProvider())
        .base(i.base())
        .weight(i.weight())
        .build();
  }

  /** CreateCapacityProvider's request as the twin's spec. */
  static CapacityProviderSpec capacityProviderSpec(CreateCapacityProviderRequest r) {
    AutoScalingGroupProvider p = r.autoScalingGroupProvider();
    if (p == null || p.autoScalingGroupArn() == null) {
      throw AwsErrorException.badRequest(
          "InvalidParameterException", "autoScalingGroupProvider.autoScalingGroupArn is required.");
    }
    String group = p.autoScalingGroupArn();
    group =
        group.contains(":autoScalingGroupName/")
            ? group.substring(group.indexOf(":autoScalingGroupName/") + 22)
            : group;
    ManagedScaling ms = ManagedScaling.DEFAULT;
    if (p.managedScaling() != null) {
      var m = p.managedScaling();
      boolean enabled = m.status() == null || "ENABLED".equals(m.statusAsString());
      ms =
          new ManagedScaling(
              enabled,
              m.targetCapacity() == null ? 100 : m.targetCapacity(),
              m.minimumScalingStepSize() == null ? 1 : m.minimumScalingStepSize(),
              m.maximumScalingStepSize() == null ? 10_000 : m.maximumScalingStepSize(),
              Duration.ofSeconds(
                  m.instanceWarmupPeriod() == null ? 300 : m.instanceWarmupPeriod()));
    }
    boolean protection = "ENABLED".equals(p.managedTerminationProtectionAsString());
    return new CapacityProviderSpec(r.name(), group, ms, protection);
  }

  /** UpdateCapacityProvider's managed scaling as the twin's update (null: none given). */
  static EcsOperations.@Nullable ManagedScalingUpdate managedScalingUpdate(
      software.amazon.awssdk.services.ecs.model.@Nullable ManagedScaling m) {
    if (m == null) return null;
    return new EcsOperations.ManagedScalingUpdate(
        m.statusAsString(),
        m.targetCapacity(),
        m.minimumScalingStepSize(),
        m.maximumScalingStepSize(),
        m.instanceWarmupPeriod());
  }

  /** The SDK model of a capacity provider. */
  CapacityProvider capacityProvider(io.github.cloudtwin.ecs.CapacityProvider cp) {
    CapacityProviderSpec s = cp.spec();
    ManagedScaling m = s.managedScaling();
    return CapacityProvider.builder()
        .capacityProviderArn(ops.capacityProviderArn(cp.name()))
        .name(cp.name())
        .status("ACTIVE")
        .autoScalingGroupProvider(
            AutoScalingGroupProvider.builder()
                .autoScalingGroupArn(
                    io.github.cloudtwin.awssdk.internal.operations.Ids.autoScalingGroupArn(
                        twin.arns(), s.autoScalingGroupName()))
                .managedScaling(
                    ms ->
                        ms.status(m.enabled() ? "ENABLED" : "DISABLED")
                            .targetCapacity(m.targetCapacity())
                            .minimumScalingStepSize(m.minimumScalingStepSize())
                            .maximumScalingStepSize(m.maximumScalingStepSize())
                            .instanceWarmupPeriod((int) m.instanceWarmupPeriod().getSeconds()))
                .managedTerminationProtection(
                    s.managedTerminationProtection() ? "ENABLED" : "DISABLED")
                .build())
        .tags(List.of())
        .build();
  }
}

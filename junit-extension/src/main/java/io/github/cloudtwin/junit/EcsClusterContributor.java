package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.junit.spi.TwinContributor;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Turns {@link EcsCluster} into zones, a group, a cluster with its capacity provider and an ALB.
 */
final class EcsClusterContributor implements TwinContributor<EcsCluster> {

  EcsClusterContributor() {}

  @Override
  public void configure(EcsCluster c, CloudTwin.Builder builder) {
    try {
      builder.availabilityZones(c.zones());
      if (c.seed() != 0) builder.seed(c.seed());
    } catch (ValidationException e) {
      throw invalid(e);
    }
  }

  @Override
  public void created(EcsCluster c, CloudTwin twin) {
    try {
      create(
          twin,
          c.clusterName(),
          c.instanceType(),
          c.minSize(),
          c.maxSize(),
          c.desiredCapacity(),
          c.managedScaling() ? ManagedScaling.target(c.targetCapacity()) : ManagedScaling.DISABLED,
          c.loadBalancer(),
          c.targetType());
    } catch (ValidationException e) {
      throw invalid(e);
    }
  }

  private static ExtensionConfigurationException invalid(ValidationException e) {
    return new ExtensionConfigurationException(
        "@EcsCluster has an invalid setting: " + e.getMessage(), e);
  }

  /** What the annotation creates, in this order (shared with the benchmark's description). */
  static void create(
      CloudTwin twin,
      String cluster,
      String instanceType,
      int min,
      int max,
      int desired,
      ManagedScaling scaling,
      boolean loadBalancer,
      io.github.cloudtwin.elb.TargetType targetType) {
    String[] zones =
        twin.availabilityZones().stream().map(AvailabilityZone::name).toArray(String[]::new);
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(cluster + "-asg")
                .launchTemplate(cluster, "1")
                .instanceType(instanceType)
                .minSize(min)
                .maxSize(max)
                .desiredCapacity(desired)
                .availabilityZones(zones)
                .build());
    Ecs ecs = twin.ecs();
    ecs.createCluster(cluster);
    ecs.createCapacityProvider(
        new CapacityProviderSpec(cluster + "-cp", cluster + "-asg", scaling, false));
    ecs.putClusterCapacityProviders(
        cluster,
        List.of(cluster + "-cp"),
        List.of(CapacityProviderStrategyItem.of(cluster + "-cp", 1)));
    if (loadBalancer) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application(cluster + "-alb").availabilityZones(zones).build());
      elb.createTargetGroup(
          TargetGroupSpec.builder(cluster + "-tg").targetType(targetType).build());
      elb.createListener(
          ListenerSpec.builder(cluster + "-alb", 80).forwardTo(cluster + "-tg").build());
    }
  }
}

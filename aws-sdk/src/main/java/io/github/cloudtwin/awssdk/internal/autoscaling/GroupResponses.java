package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.GroupDescription;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.InstanceDescription;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;

/**
 * Groups and their instances as {@code DescribeAutoScalingGroups} and {@code
 * DescribeAutoScalingInstances} answer them: the SDK models of the operations' descriptions.
 */
final class GroupResponses {

  private final CloudTwin twin;

  GroupResponses(CloudTwin twin) {
    this.twin = twin;
  }

  /** The SDK model of a described group. */
  AutoScalingGroup group(GroupDescription d) {
    AutoScalingGroupSpec s = d.group().spec();
    LaunchTemplateSpecification groupTemplate =
        template(s.launchTemplateName(), s.launchTemplateVersion());
    List<Instance> instances = new ArrayList<>(d.instances().size());
    for (AutoScalingInstance i : d.instances()) {
      // most instances run the group's template: the same (immutable) value, not a new hash per
      // instance
      boolean same =
          java.util.Objects.equals(i.launchTemplateName(), s.launchTemplateName())
              && java.util.Objects.equals(i.launchTemplateVersion(), s.launchTemplateVersion());
      instances.add(
          Instance.builder()
              .instanceId(i.instanceId())
              .instanceType(i.instanceType())
              .weightedCapacity(
                  s.mixedInstancesPolicy() != null && s.mixedInstancesPolicy().weighted()
                      ? String.valueOf(i.weightedCapacity())
                      : null)
              .availabilityZone(i.availabilityZone())
              .lifecycleState(i.lifecycleState().awsName())
              .healthStatus(i.healthStatus().toString())
              .launchTemplate(
                  same
                      ? groupTemplate
                      : launchTemplate(i.launchTemplateName(), i.launchTemplateVersion()))
              .protectedFromScaleIn(i.protectedFromScaleIn())
              .build());
    }
    List<SuspendedProcess> suspended = new ArrayList<>();
    for (var p : d.group().suspendedProcesses()) {
      suspended.add(
          SuspendedProcess.builder()
              .processName(p.name())
              .suspensionReason("User suspended at " + d.group().createdTime())
              .build());
    }
    return AutoScalingGroup.builder()
        .autoScalingGroupName(s.autoScalingGroupName())
        .autoScalingGroupARN(d.autoScalingGroupArn())
        .launchTemplate(s.mixedInstancesPolicy() == null ? groupTemplate : null)
        .mixedInstancesPolicy(
            s.mixedInstancesPolicy() == null
                ? null
                : mixed(s.mixedInstancesPolicy(), groupTemplate))
        .capacityRebalance(s.capacityRebalance())
        .maxInstanceLifetime(
            s.effectiveMaxInstanceLifetime() == null
                ? null
                : (int) s.effectiveMaxInstanceLifetime().getSeconds())
        .minSize(s.minSize())
        .maxSize(s.maxSize())
        .desiredCapacity(s.desiredCapacity())
        .defaultCooldown((int) s.defaultCooldown().getSeconds())
        .availabilityZones(s.availabilityZones())
        .loadBalancerNames(List.of())
        .targetGroupARNs(d.targetGroupArns())
        .healthCheckType(s.healthCheckType().name())
        .healthCheckGracePeriod((int) s.healthCheckGracePeriod().getSeconds())
        .instances(instances)
        .createdTime(d.group().createdTime())
        .suspendedProcesses(suspended)
        .vpcZoneIdentifier(d.vpcZoneIdentifier())
        .enabledMetrics(List.of())
        .tags(List.of())
        .terminationPolicies(s.terminationPolicies().stream().map(t -> t.name()).toList())
        .newInstancesProtectedFromScaleIn(s.newInstancesProtectedFromScaleIn())
        .serviceLinkedRoleARN(
            twin.arns()
                .global(
                    "iam",
                    "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"))
        .defaultInstanceWarmup(
            s.defaultInstanceWarmup() == null ? null : (int) s.defaultInstanceWarmup().getSeconds())
        .build();
  }

  /**
   * DescribeAutoScalingGroups' MixedInstancesPolicy of {@code p}, every distribution value filled
   * as AWS fills it; {@code template} null leaves LaunchTemplateSpecification out.
   */
  static software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy mixed(
      io.github.cloudtwin.autoscaling.MixedInstancesPolicy p,
      @Nullable LaunchTemplateSpecification template) {
    var d =
        software.amazon.awssdk.services.autoscaling.model.InstancesDistribution.builder()
            .onDemandAllocationStrategy(p.onDemandAllocationStrategy().toString())
            .onDemandBaseCapacity(p.onDemandBaseCapacity())
            .onDemandPercentageAboveBaseCapacity(p.onDemandPercentageAboveBaseCapacity())
            .spotAllocationStrategy(p.spotAllocationStrategy().toString());
    if (p.spotAllocationStrategy()
        == io.github.cloudtwin.autoscaling.SpotAllocationStrategy.LOWEST_PRICE) {
      d.spotInstancePools(p.effectiveSpotInstancePools());
    }
    if (p.spotMaxPrice() != null) d.spotMaxPrice(String.valueOf(p.spotMaxPrice()));
    List<software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides> os =
        new ArrayList<>();
    for (var o : p.overrides()) {
      os.add(
          software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides.builder()
              .instanceType(o.instanceType())
              .weightedCapacity(
                  o.weightedCapacity() == null ? null : String.valueOf(o.weightedCapacity()))
              .build());
    }
    return software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy.builder()
        .launchTemplate(
            software.amazon.awssdk.services.autoscaling.model.LaunchTemplate.builder()
                .launchTemplateSpecification(template)
                .overrides(os)
                .build())
        .instancesDistribution(d.build())
        .build();
  }

  /** An instance's launch template, or null when it was launched from none. */
  private static @Nullable LaunchTemplateSpecification launchTemplate(
      @Nullable String name, @Nullable String version) {
    return name == null ? null : template(name, version);
  }

  private static LaunchTemplateSpecification template(String name, @Nullable String version) {
    return LaunchTemplateSpecification.builder()
        .launchTemplateId("lt-" + Ids.hex("lt/" + name, 17))
        .launchTemplateName(name)
        .version(version)
        .build();
  }

  /** The SDK model of a described instance. */
  AutoScalingInstanceDetails instance(InstanceDescription d) {
    AutoScalingInstance i = d.instance();
    return AutoScalingInstanceDetails.builder()
        .instanceId(i.instanceId())
        .instanceType(d.instanceType())
        .autoScalingGroupName(d.autoScalingGroupName())
        .availabilityZone(i.availabilityZone())
        .lifecycleState(i.lifecycleState().awsName())
        .healthStatus(
            i.healthStatus() == io.github.cloudtwin.autoscaling.HealthStatus.HEALTHY
                ? "HEALTHY"
                : "UNHEALTHY")
        .launchTemplate(launchTemplate(i.launchTemplateName(), i.launchTemplateVersion()))
        .protectedFromScaleIn(i.protectedFromScaleIn())
        .build();
  }
}

package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.PurchaseOption;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An instance of an Auto Scaling group, as {@code DescribeAutoScalingInstances} shows it: an
 * immutable snapshot (read the group again for current values).
 *
 * @param instanceId the EC2 instance id
 * @param availabilityZone its zone
 * @param lifecycleState its lifecycle state in the group
 * @param healthStatus Healthy or Unhealthy
 * @param protectedFromScaleIn whether scale-in skips it
 * @param launchTemplateName the launch template it was launched from, or null
 * @param launchTemplateVersion that template's version, or null
 * @param launchTime when it was launched
 * @param instanceType its instance type
 * @param weightedCapacity the capacity units it counts toward desired (1 without weights)
 * @param purchaseOption On-Demand or Spot
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record AutoScalingInstance(
    String instanceId,
    String availabilityZone,
    LifecycleState lifecycleState,
    HealthStatus healthStatus,
    boolean protectedFromScaleIn,
    @Nullable String launchTemplateName,
    @Nullable String launchTemplateVersion,
    Instant launchTime,
    String instanceType,
    int weightedCapacity,
    PurchaseOption purchaseOption) {

  /**
   * An On-Demand instance (the form before purchase options existed).
   *
   * @param instanceId the EC2 instance id
   * @param availabilityZone its zone
   * @param lifecycleState its lifecycle state in the group
   * @param healthStatus Healthy or Unhealthy
   * @param protectedFromScaleIn whether scale-in skips it
   * @param launchTemplateName the launch template, or null
   * @param launchTemplateVersion that template's version, or null
   * @param launchTime when it was launched
   * @param instanceType its instance type
   * @param weightedCapacity the capacity units it counts
   */
  public AutoScalingInstance(
      String instanceId,
      String availabilityZone,
      LifecycleState lifecycleState,
      HealthStatus healthStatus,
      boolean protectedFromScaleIn,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      Instant launchTime,
      String instanceType,
      int weightedCapacity) {
    this(
        instanceId,
        availabilityZone,
        lifecycleState,
        healthStatus,
        protectedFromScaleIn,
        launchTemplateName,
        launchTemplateVersion,
        launchTime,
        instanceType,
        weightedCapacity,
        PurchaseOption.ON_DEMAND);
  }

  /** {@return the launch template as {@code name:version}, or null} */
  public @Nullable String launchTemplate() {
    return launchTemplateName == null ? null : launchTemplateName + ":" + launchTemplateVersion;
  }
}

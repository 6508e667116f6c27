package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.InstanceRefresh;
import io.github.cloudtwin.autoscaling.InstanceRefreshException;
import io.github.cloudtwin.autoscaling.InstanceRefreshSpec;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Auto Scaling's instance refreshes: {@code StartInstanceRefresh}, {@code
 * DescribeInstanceRefreshes}, {@code CancelInstanceRefresh} and {@code RollbackInstanceRefresh}
 * over {@code twin.autoScaling().instanceRefreshes()}. The twin's {@link InstanceRefreshException}
 * becomes AWS's error of the same code (HTTP 400).
 */
final class InstanceRefreshOperations {

  /** DescribeInstanceRefreshes' page size when none is given: 50. */
  static final int DEFAULT_PAGE = 50;

  /** DescribeInstanceRefreshes' largest page size: 100. */
  static final int MAX_PAGE = 100;

  private final AutoScaling autoScaling;
  private final LaunchTemplates launchTemplates;
  private final GroupLookup groups;
  private final Pagination pages;

  InstanceRefreshOperations(
      AutoScaling autoScaling,
      LaunchTemplates launchTemplates,
      GroupLookup groups,
      Pagination pages) {
    this.autoScaling = autoScaling;
    this.launchTemplates = launchTemplates;
    this.groups = groups;
    this.pages = pages;
  }

  String startInstanceRefresh(
      String groupName,
      String strategy,
      @Nullable String launchTemplateId,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      AutoScalingRequests.@Nullable MixedPolicy mixed,
      RefreshPreferences preferences) {
    AutoScalingGroup group = groups.group(groupName);
    checkStrategy(strategy);
    InstanceRefreshSpec.Builder spec =
        InstanceRefreshSpec.builder().autoScalingGroupName(groupName).preferences(preferences);
    if (launchTemplateId != null || launchTemplateName != null) {
      LaunchTemplates.Resolved lt =
          launchTemplates.resolve(launchTemplateId, launchTemplateName, launchTemplateVersion);
      spec.desiredConfiguration(lt.name(), lt.configured());
    }
    if (mixed != null) desiredPolicy(spec, group, mixed);
    InstanceRefreshSpec built = spec.build();
    return refusals(() -> autoScaling.instanceRefreshes().startInstanceRefresh(built));
  }

  /**
   * Adds {@code DesiredConfiguration.MixedInstancesPolicy}: its launch template when given (else
   * the group's), each value omitted taken from the group's policy as UpdateAutoScalingGroup takes
   * it; a bad value is named by its request path.
   */
  private void desiredPolicy(
      InstanceRefreshSpec.Builder spec, AutoScalingGroup group, AutoScalingRequests.MixedPolicy m) {
    LaunchTemplates.Resolved lt =
        m.launchTemplateId() == null && m.launchTemplateName() == null
            ? null
            : launchTemplates.resolve(
                m.launchTemplateId(), m.launchTemplateName(), m.launchTemplateVersion());
    MixedInstancesPolicy policy;
    try {
      policy =
          MixedPolicies.mixedInstancesPolicy(
              m,
              lt != null ? lt.instanceType() : group.spec().instanceType(),
              group.spec().mixedInstancesPolicy());
    } catch (ValidationException e) {
      throw new ValidationException("DesiredConfiguration." + e.field(), e.value(), e.allowed());
    }
    if (lt == null) spec.desiredConfiguration(policy);
    else spec.desiredConfiguration(policy, lt.name(), lt.configured());
  }

  Page<InstanceRefresh> describeInstanceRefreshes(
      String groupName,
      @Nullable List<String> instanceRefreshIds,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    groups.group(groupName);
    List<InstanceRefresh> all =
        new ArrayList<>(autoScaling.instanceRefreshes().describeInstanceRefreshes(groupName));
    if (instanceRefreshIds != null && !instanceRefreshIds.isEmpty()) {
      all.removeIf(r -> !instanceRefreshIds.contains(r.instanceRefreshId()));
    }
    return pages.page(
        "DescribeInstanceRefreshes",
        all,
        nextToken,
        maxRecords,
        DEFAULT_PAGE,
        MAX_PAGE,
        "maxRecords");
  }

  String cancelInstanceRefresh(String groupName, Boolean waitForTransitioningInstances) {
    groups.group(groupName);
    boolean wait = waitForTransitioningInstances == null || waitForTransitioningInstances;
    return refusals(() -> autoScaling.instanceRefreshes().cancelInstanceRefresh(groupName, wait));
  }

  String rollbackInstanceRefresh(String groupName) {
    groups.group(groupName);
    return refusals(() -> autoScaling.instanceRefreshes().rollbackInstanceRefresh(groupName));
  }

  /**
   * {@code Rolling} (the default) is simulated; {@code ReplaceRootVolume} is not; anything else is
   * AWS's enum constraint error.
   */
  private static void checkStrategy(String strategy) {
    if (strategy == null || strategy.equals("Rolling")) return;
    if (strategy.equals("ReplaceRootVolume")) {
      throw new UnsupportedOperationException(
          "StartInstanceRefresh with Strategy ReplaceRootVolume is not simulated by CloudTwin"
              + " (the twin simulates Strategy Rolling)");
    }
    throw AwsErrorException.constraint(
        "ValidationError",
        "strategy",
        strategy,
        "Member must satisfy enum value set: [Rolling, ReplaceRootVolume]");
  }

  /** Runs {@code call}, turning the twin's refusal into AWS's error of the same code. */
  private static String refusals(Supplier<String> call) {
    try {
      return call.get();
    } catch (InstanceRefreshException e) {
      String prefix = e.code() + ": ";
      String message = e.getMessage();
      if (message != null && message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
      throw AwsErrorException.badRequest(e.code(), message == null ? e.code() : message);
    }
  }
}

package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.TargetGroupState;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A group's target groups as Auto Scaling's API shows them: attach, detach and describe (the {@code
 * LoadBalancerTargetGroups} and the {@code elbv2} {@code TrafficSources} operations alike), with
 * the states {@code Added}, {@code InService} and {@code Removing}.
 */
final class TargetGroupAttachments {

  private final CloudTwin twin;
  private final AutoScaling autoScaling;
  private final GroupLookup groups;
  private final Pagination pages;

  TargetGroupAttachments(CloudTwin twin, GroupLookup groups, Pagination pages) {
    this.twin = twin;
    this.autoScaling = twin.autoScaling();
    this.groups = groups;
    this.pages = pages;
  }

  void attachLoadBalancerTargetGroups(String groupName, @Nullable List<String> targetGroupArns) {
    change(groupName, targetGroupArns, autoScaling::attachLoadBalancerTargetGroups);
  }

  void detachLoadBalancerTargetGroups(String groupName, @Nullable List<String> targetGroupArns) {
    change(groupName, targetGroupArns, autoScaling::detachLoadBalancerTargetGroups);
  }

  /**
   * Attaches or detaches (1 to 10 target groups by ARN), a core refusal answered as
   * ValidationError.
   */
  private void change(
      String groupName,
      @Nullable List<String> targetGroupArns,
      BiConsumer<String, String[]> change) {
    AutoScalingGroup g = groups.group(groupName);
    List<String> names = targetGroupNames(targetGroupArns);
    try {
      change.accept(g.name(), names.toArray(String[]::new));
    } catch (ValidationException e) {
      throw AwsErrorException.badRequest("ValidationError", e.getMessage());
    }
  }

  private List<String> targetGroupNames(@Nullable List<String> arns) {
    if (arns == null || arns.isEmpty()) {
      throw AwsErrorException.constraint(
          "ValidationError", "targetGroupARNs", null, "Member must not be null");
    }
    if (arns.size() > 10) {
      throw AwsErrorException.constraint(
          "ValidationError",
          "targetGroupARNs",
          arns,
          "Member must have length less than or equal to 10");
    }
    List<String> out = new ArrayList<>();
    for (String arn : arns) out.add(groups.targetGroupName(arn));
    return out;
  }

  Page<TargetGroupState> describeLoadBalancerTargetGroups(
      String groupName,
      @Nullable String nextToken,
      @Nullable Integer maxRecords,
      int defaultPage,
      int maxPage,
      String operation) {
    AutoScalingGroup g = groups.group(groupName);
    ElbArns arns = new ElbArns(twin);
    List<TargetGroupState> all = new ArrayList<>();
    boolean elbChecks = g.spec().healthCheckType() == HealthCheckType.ELB;
    Set<String> members = new HashSet<>();
    for (AutoScalingInstance i : g.instances()) members.add(i.instanceId());
    for (String n : g.spec().targetGroupNames()) {
      io.github.cloudtwin.elb.TargetGroup tg =
          twin.loadBalancing().targetGroups().stream()
              .filter(t -> t.name().equals(n))
              .findFirst()
              .orElse(null);
      if (tg == null) continue; // deleted since
      boolean healthy =
          elbChecks
              && tg.targetHealth().entrySet().stream()
                  .anyMatch(
                      e ->
                          members.contains(e.getKey())
                              && e.getValue().state()
                                  == io.github.cloudtwin.elb.TargetHealthState.HEALTHY);
      all.add(new TargetGroupState(arns.targetGroupArn(tg), healthy ? "InService" : "Added"));
    }
    for (String n : g.removingTargetGroups()) {
      twin.loadBalancing().targetGroups().stream()
          .filter(t -> t.name().equals(n))
          .findFirst()
          .ifPresent(tg -> all.add(new TargetGroupState(arns.targetGroupArn(tg), "Removing")));
    }
    return pages.page(operation, all, nextToken, maxRecords, defaultPage, maxPage, "maxRecords");
  }
}

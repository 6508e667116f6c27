package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingOperations;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.autoscaling.model.AttachLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.AttachLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.AttachTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.AttachTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.DetachLoadBalancerTargetGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DetachLoadBalancerTargetGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DetachTrafficSourcesRequest;
import software.amazon.awssdk.services.autoscaling.model.DetachTrafficSourcesResponse;
import software.amazon.awssdk.services.autoscaling.model.LoadBalancerTargetGroupState;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceIdentifier;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceState;

/**
 * The {@code AutoScalingClient} operations on a group's load balancer target groups and traffic
 * sources ({@code elbv2} only): SDK requests to {@link AutoScalingOperations} calls.
 */
final class TrafficSourceHandler {

  private final AutoScalingOperations ops;

  TrafficSourceHandler(AutoScalingOperations ops) {
    this.ops = ops;
  }

  /** AttachLoadBalancerTargetGroups: the group's InService instances register now. */
  public AttachLoadBalancerTargetGroupsResponse attachLoadBalancerTargetGroups(
      AttachLoadBalancerTargetGroupsRequest r) {
    ops.attachLoadBalancerTargetGroups(
        r.autoScalingGroupName(), r.hasTargetGroupARNs() ? r.targetGroupARNs() : null);
    return AttachLoadBalancerTargetGroupsResponse.builder().build();
  }

  /**
   * DetachLoadBalancerTargetGroups: the group's instances deregister and drain; the group is
   * Removing meanwhile.
   */
  public DetachLoadBalancerTargetGroupsResponse detachLoadBalancerTargetGroups(
      DetachLoadBalancerTargetGroupsRequest r) {
    ops.detachLoadBalancerTargetGroups(
        r.autoScalingGroupName(), r.hasTargetGroupARNs() ? r.targetGroupARNs() : null);
    return DetachLoadBalancerTargetGroupsResponse.builder().build();
  }

  /** AttachTrafficSources of type {@code elbv2} (target groups). */
  public AttachTrafficSourcesResponse attachTrafficSources(AttachTrafficSourcesRequest r) {
    ops.attachLoadBalancerTargetGroups(
        r.autoScalingGroupName(),
        trafficSources(r.hasTrafficSources() ? r.trafficSources() : null));
    return AttachTrafficSourcesResponse.builder().build();
  }

  /** DetachTrafficSources of type {@code elbv2}. */
  public DetachTrafficSourcesResponse detachTrafficSources(DetachTrafficSourcesRequest r) {
    ops.detachLoadBalancerTargetGroups(
        r.autoScalingGroupName(),
        trafficSources(r.hasTrafficSources() ? r.trafficSources() : null));
    return DetachTrafficSourcesResponse.builder().build();
  }

  private static @Nullable List<String> trafficSources(
      @Nullable List<TrafficSourceIdentifier> sources) {
    if (sources == null) return null;
    List<String> arns = new ArrayList<>();
    for (TrafficSourceIdentifier t : sources) {
      if (t.identifier() == null) {
        throw AwsErrorException.constraint(
            "ValidationError", "trafficSources.member.identifier", null, "Member must not be null");
      }
      if (t.type() != null && !t.type().equals("elbv2")) {
        throw new UnsupportedOperationException(
            "Traffic sources of type "
                + t.type()
                + " are not simulated by CloudTwin (elbv2 target groups are)");
      }
      arns.add(t.identifier());
    }
    return arns;
  }

  /**
   * DescribeLoadBalancerTargetGroups: Added, InService (ELB health checks, a healthy instance) or
   * Removing.
   */
  public DescribeLoadBalancerTargetGroupsResponse describeLoadBalancerTargetGroups(
      DescribeLoadBalancerTargetGroupsRequest r) {
    Page<AutoScalingDescriptions.TargetGroupState> page =
        ops.describeLoadBalancerTargetGroups(
            r.autoScalingGroupName(),
            r.nextToken(),
            r.maxRecords(),
            100,
            100,
            "DescribeLoadBalancerTargetGroups");
    List<LoadBalancerTargetGroupState> out = new ArrayList<>();
    for (AutoScalingDescriptions.TargetGroupState t : page.items()) {
      out.add(
          LoadBalancerTargetGroupState.builder()
              .loadBalancerTargetGroupARN(t.targetGroupArn())
              .state(t.state())
              .build());
    }
    return DescribeLoadBalancerTargetGroupsResponse.builder()
        .loadBalancerTargetGroups(out)
        .nextToken(page.nextToken())
        .build();
  }

  /** DescribeTrafficSources: the group's target groups as {@code elbv2} traffic sources. */
  public DescribeTrafficSourcesResponse describeTrafficSources(DescribeTrafficSourcesRequest r) {
    String type = r.trafficSourceType();
    List<TrafficSourceState> out = new ArrayList<>();
    String next = null;
    if (type == null || type.equals("elbv2")) {
      Page<AutoScalingDescriptions.TargetGroupState> page =
          ops.describeLoadBalancerTargetGroups(
              r.autoScalingGroupName(),
              r.nextToken(),
              r.maxRecords(),
              50,
              50,
              "DescribeTrafficSources");
      for (AutoScalingDescriptions.TargetGroupState t : page.items()) {
        out.add(
            TrafficSourceState.builder()
                .identifier(t.targetGroupArn())
                .type("elbv2")
                .state(t.state())
                .build());
      }
      next = page.nextToken();
    } else {
      ops.group(r.autoScalingGroupName());
    }
    return DescribeTrafficSourcesResponse.builder().trafficSources(out).nextToken(next).build();
  }
}

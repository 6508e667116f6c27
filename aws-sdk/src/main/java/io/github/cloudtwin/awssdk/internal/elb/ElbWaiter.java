package io.github.cloudtwin.awssdk.internal.elb;

import static io.github.cloudtwin.awssdk.internal.VirtualWaiter.hasCode;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.VirtualWaiter;
import io.github.cloudtwin.awssdk.internal.VirtualWaiter.Match;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.waiters.ElasticLoadBalancingV2Waiter;

/** ELBv2's waiters (AWS's definitions: 15 s delay, 40 attempts) on the twin's virtual clock. */
final class ElbWaiter implements ElasticLoadBalancingV2Waiter {

  private static final Duration DELAY = Duration.ofSeconds(15);

  private final ElasticLoadBalancingV2Client client;
  private final VirtualWaiter<DescribeLoadBalancersResponse> available;
  private final VirtualWaiter<DescribeLoadBalancersResponse> exists;
  private final VirtualWaiter<DescribeLoadBalancersResponse> deleted;
  private final VirtualWaiter<DescribeTargetHealthResponse> inService;
  private final VirtualWaiter<DescribeTargetHealthResponse> deregistered;

  ElbWaiter(CloudTwin twin, ElasticLoadBalancingV2Client client) {
    this.client = client;
    this.available =
        new VirtualWaiter<>(
            twin,
            DELAY,
            40,
            List.of(
                (r, e) ->
                    r != null
                            && r.loadBalancers().stream()
                                .allMatch(lb -> "active".equals(lb.state().codeAsString()))
                        ? Match.SUCCESS
                        : null,
                (r, e) ->
                    r != null
                            && r.loadBalancers().stream()
                                .anyMatch(lb -> "provisioning".equals(lb.state().codeAsString()))
                        ? Match.RETRY
                        : null,
                (r, e) -> hasCode(e, "LoadBalancerNotFound") ? Match.RETRY : null));
    this.exists =
        new VirtualWaiter<>(
            twin,
            DELAY,
            40,
            List.of(
                (r, e) -> r != null ? Match.SUCCESS : null,
                (r, e) -> hasCode(e, "LoadBalancerNotFound") ? Match.RETRY : null));
    this.deleted =
        new VirtualWaiter<>(
            twin,
            DELAY,
            40,
            List.of(
                (r, e) ->
                    r != null
                            && r.loadBalancers().stream()
                                .allMatch(lb -> "active".equals(lb.state().codeAsString()))
                        ? Match.RETRY
                        : null,
                (r, e) -> hasCode(e, "LoadBalancerNotFound") ? Match.SUCCESS : null));
    this.inService =
        new VirtualWaiter<>(
            twin,
            DELAY,
            40,
            List.of(
                (r, e) ->
                    r != null
                            && r.targetHealthDescriptions().stream()
                                .allMatch(d -> "healthy".equals(d.targetHealth().stateAsString()))
                        ? Match.SUCCESS
                        : null,
                (r, e) -> hasCode(e, "InvalidInstance") ? Match.RETRY : null));
    this.deregistered =
        new VirtualWaiter<>(
            twin,
            DELAY,
            40,
            List.of(
                (r, e) -> hasCode(e, "InvalidTarget") ? Match.SUCCESS : null,
                (r, e) ->
                    r != null
                            && r.targetHealthDescriptions().stream()
                                .allMatch(d -> "unused".equals(d.targetHealth().stateAsString()))
                        ? Match.SUCCESS
                        : null));
  }

  @Override
  public WaiterResponse<DescribeLoadBalancersResponse> waitUntilLoadBalancerAvailable(
      DescribeLoadBalancersRequest r) {
    return waitUntilLoadBalancerAvailable(r, null);
  }

  @Override
  public WaiterResponse<DescribeLoadBalancersResponse> waitUntilLoadBalancerAvailable(
      DescribeLoadBalancersRequest r, @Nullable WaiterOverrideConfiguration o) {
    return available.run(() -> client.describeLoadBalancers(r), o);
  }

  @Override
  public WaiterResponse<DescribeLoadBalancersResponse> waitUntilLoadBalancerExists(
      DescribeLoadBalancersRequest r) {
    return waitUntilLoadBalancerExists(r, null);
  }

  @Override
  public WaiterResponse<DescribeLoadBalancersResponse> waitUntilLoadBalancerExists(
      DescribeLoadBalancersRequest r, @Nullable WaiterOverrideConfiguration o) {
    return exists.run(() -> client.describeLoadBalancers(r), o);
  }

  @Override
  public WaiterResponse<DescribeLoadBalancersResponse> waitUntilLoadBalancersDeleted(
      DescribeLoadBalancersRequest r) {
    return waitUntilLoadBalancersDeleted(r, null);
  }

  @Override
  public WaiterResponse<DescribeLoadBalancersResponse> waitUntilLoadBalancersDeleted(
      DescribeLoadBalancersRequest r, @Nullable WaiterOverrideConfiguration o) {
    return deleted.run(() -> client.describeLoadBalancers(r), o);
  }

  @Override
  public WaiterResponse<DescribeTargetHealthResponse> waitUntilTargetInService(
      DescribeTargetHealthRequest r) {
    return waitUntilTargetInService(r, null);
  }

  @Override
  public WaiterResponse<DescribeTargetHealthResponse> waitUntilTargetInService(
      DescribeTargetHealthRequest r, @Nullable WaiterOverrideConfiguration o) {
    return inService.run(() -> client.describeTargetHealth(r), o);
  }

  @Override
  public WaiterResponse<DescribeTargetHealthResponse> waitUntilTargetDeregistered(
      DescribeTargetHealthRequest r) {
    return waitUntilTargetDeregistered(r, null);
  }

  @Override
  public WaiterResponse<DescribeTargetHealthResponse> waitUntilTargetDeregistered(
      DescribeTargetHealthRequest r, @Nullable WaiterOverrideConfiguration o) {
    return deregistered.run(() -> client.describeTargetHealth(r), o);
  }

  @Override
  public void close() {}
}

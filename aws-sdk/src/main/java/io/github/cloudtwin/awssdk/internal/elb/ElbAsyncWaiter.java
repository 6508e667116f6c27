package io.github.cloudtwin.awssdk.internal.elb;

import static io.github.cloudtwin.awssdk.internal.VirtualWaiter.async;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.waiters.ElasticLoadBalancingV2AsyncWaiter;

/** ELBv2's async waiters: the virtual-time waits, answered as completed futures. */
final class ElbAsyncWaiter implements ElasticLoadBalancingV2AsyncWaiter {

  private final ElbWaiter sync;

  ElbAsyncWaiter(ElbWaiter sync) {
    this.sync = sync;
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeLoadBalancersResponse>>
      waitUntilLoadBalancerAvailable(DescribeLoadBalancersRequest r) {
    return async(() -> sync.waitUntilLoadBalancerAvailable(r));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeLoadBalancersResponse>>
      waitUntilLoadBalancerAvailable(
          DescribeLoadBalancersRequest r, WaiterOverrideConfiguration o) {
    return async(() -> sync.waitUntilLoadBalancerAvailable(r, o));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeLoadBalancersResponse>>
      waitUntilLoadBalancerExists(DescribeLoadBalancersRequest r) {
    return async(() -> sync.waitUntilLoadBalancerExists(r));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeLoadBalancersResponse>>
      waitUntilLoadBalancerExists(DescribeLoadBalancersRequest r, WaiterOverrideConfiguration o) {
    return async(() -> sync.waitUntilLoadBalancerExists(r, o));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeLoadBalancersResponse>>
      waitUntilLoadBalancersDeleted(DescribeLoadBalancersRequest r) {
    return async(() -> sync.waitUntilLoadBalancersDeleted(r));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeLoadBalancersResponse>>
      waitUntilLoadBalancersDeleted(DescribeLoadBalancersRequest r, WaiterOverrideConfiguration o) {
    return async(() -> sync.waitUntilLoadBalancersDeleted(r, o));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeTargetHealthResponse>> waitUntilTargetInService(
      DescribeTargetHealthRequest r) {
    return async(() -> sync.waitUntilTargetInService(r));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeTargetHealthResponse>> waitUntilTargetInService(
      DescribeTargetHealthRequest r, WaiterOverrideConfiguration o) {
    return async(() -> sync.waitUntilTargetInService(r, o));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeTargetHealthResponse>>
      waitUntilTargetDeregistered(DescribeTargetHealthRequest r) {
    return async(() -> sync.waitUntilTargetDeregistered(r));
  }

  @Override
  public CompletableFuture<WaiterResponse<DescribeTargetHealthResponse>>
      waitUntilTargetDeregistered(DescribeTargetHealthRequest r, WaiterOverrideConfiguration o) {
    return async(() -> sync.waitUntilTargetDeregistered(r, o));
  }

  @Override
  public void close() {}
}

package io.github.cloudtwin.awssdk.internal.autoscaling;

import static io.github.cloudtwin.awssdk.internal.VirtualWaiter.async;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.VirtualWaiter;
import io.github.cloudtwin.awssdk.internal.VirtualWaiter.Match;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.waiters.AutoScalingAsyncWaiter;
import software.amazon.awssdk.services.autoscaling.waiters.AutoScalingWaiter;

/** EC2 Auto Scaling's waiters (AWS's definitions) on the twin's virtual clock, sync and async. */
final class AutoScalingWaiters {

  private AutoScalingWaiters() {}

  private static boolean inService(AutoScalingGroup g) {
    return g.instances().stream()
            .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
            .count()
        >= g.minSize();
  }

  /** The sync waiter. */
  static final class Sync implements AutoScalingWaiter {
    private final AutoScalingClient client;
    private final VirtualWaiter<DescribeAutoScalingGroupsResponse> exists;
    private final VirtualWaiter<DescribeAutoScalingGroupsResponse> inService;
    private final VirtualWaiter<DescribeAutoScalingGroupsResponse> notExists;

    Sync(CloudTwin twin, AutoScalingClient client) {
      this.client = client;
      this.exists =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(5),
              10,
              List.of(
                  (r, e) -> r != null && !r.autoScalingGroups().isEmpty() ? Match.SUCCESS : null,
                  (r, e) -> r != null && r.autoScalingGroups().isEmpty() ? Match.RETRY : null));
      this.inService =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) ->
                      r != null
                              && r.autoScalingGroups().stream()
                                  .allMatch(AutoScalingWaiters::inService)
                          ? Match.SUCCESS
                          : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.notExists =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) -> r != null && r.autoScalingGroups().isEmpty() ? Match.SUCCESS : null,
                  (r, e) -> r != null && !r.autoScalingGroups().isEmpty() ? Match.RETRY : null));
    }

    @Override
    public WaiterResponse<DescribeAutoScalingGroupsResponse> waitUntilGroupExists(
        DescribeAutoScalingGroupsRequest r) {
      return waitUntilGroupExists(r, null);
    }

    @Override
    public WaiterResponse<DescribeAutoScalingGroupsResponse> waitUntilGroupExists(
        DescribeAutoScalingGroupsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return exists.run(() -> client.describeAutoScalingGroups(r), o);
    }

    @Override
    public WaiterResponse<DescribeAutoScalingGroupsResponse> waitUntilGroupInService(
        DescribeAutoScalingGroupsRequest r) {
      return waitUntilGroupInService(r, null);
    }

    @Override
    public WaiterResponse<DescribeAutoScalingGroupsResponse> waitUntilGroupInService(
        DescribeAutoScalingGroupsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return inService.run(() -> client.describeAutoScalingGroups(r), o);
    }

    @Override
    public WaiterResponse<DescribeAutoScalingGroupsResponse> waitUntilGroupNotExists(
        DescribeAutoScalingGroupsRequest r) {
      return waitUntilGroupNotExists(r, null);
    }

    @Override
    public WaiterResponse<DescribeAutoScalingGroupsResponse> waitUntilGroupNotExists(
        DescribeAutoScalingGroupsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return notExists.run(() -> client.describeAutoScalingGroups(r), o);
    }

    @Override
    public void close() {}
  }

  /** The async waiter: the same waits as completed futures. */
  static final class Async implements AutoScalingAsyncWaiter {
    private final Sync sync;

    Async(Sync sync) {
      this.sync = sync;
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAutoScalingGroupsResponse>>
        waitUntilGroupExists(DescribeAutoScalingGroupsRequest r) {
      return async(() -> sync.waitUntilGroupExists(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAutoScalingGroupsResponse>>
        waitUntilGroupExists(
            DescribeAutoScalingGroupsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilGroupExists(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAutoScalingGroupsResponse>>
        waitUntilGroupInService(DescribeAutoScalingGroupsRequest r) {
      return async(() -> sync.waitUntilGroupInService(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAutoScalingGroupsResponse>>
        waitUntilGroupInService(
            DescribeAutoScalingGroupsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilGroupInService(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAutoScalingGroupsResponse>>
        waitUntilGroupNotExists(DescribeAutoScalingGroupsRequest r) {
      return async(() -> sync.waitUntilGroupNotExists(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAutoScalingGroupsResponse>>
        waitUntilGroupNotExists(
            DescribeAutoScalingGroupsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilGroupNotExists(r, o));
    }

    @Override
    public void close() {}
  }
}

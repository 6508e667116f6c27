package io.github.cloudtwin.awssdk.internal.ec2;

import static io.github.cloudtwin.awssdk.internal.VirtualWaiter.async;
import static io.github.cloudtwin.awssdk.internal.VirtualWaiter.hasCode;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.VirtualWaiter;
import io.github.cloudtwin.awssdk.internal.VirtualWaiter.Match;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.waiters.Ec2AsyncWaiter;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * EC2's instance waiters (AWS's definitions: InstanceRunning, InstanceStopped, InstanceTerminated
 * and InstanceStatusOk every 15 s, InstanceExists every 5 s, 40 attempts) on the twin's virtual
 * clock. Other EC2 waiters concern resources the twin does not simulate.
 */
final class Ec2Waiters {

  private Ec2Waiters() {}

  private static boolean allStates(DescribeInstancesResponse r, String state) {
    return r.reservations().stream()
        .flatMap(x -> x.instances().stream())
        .allMatch(i -> state.equals(i.state().nameAsString()));
  }

  private static boolean anyState(DescribeInstancesResponse r, String... states) {
    List<String> s = List.of(states);
    return r.reservations().stream()
        .flatMap(x -> x.instances().stream())
        .anyMatch(i -> s.contains(i.state().nameAsString()));
  }

  /** The sync waiter. */
  static final class Sync implements Ec2Waiter {
    private final Ec2Client client;
    private final VirtualWaiter<DescribeInstancesResponse> instanceRunning;
    private final VirtualWaiter<DescribeInstancesResponse> instanceStopped;
    private final VirtualWaiter<DescribeInstancesResponse> instanceTerminated;
    private final VirtualWaiter<DescribeInstancesResponse> instanceExists;
    private final VirtualWaiter<DescribeInstanceStatusResponse> instanceStatusOk;

    Sync(CloudTwin twin, Ec2Client client) {
      this.client = client;
      this.instanceRunning =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) -> r != null && allStates(r, "running") ? Match.SUCCESS : null,
                  (r, e) ->
                      r != null && anyState(r, "shutting-down", "terminated", "stopping")
                          ? Match.FAILURE
                          : null,
                  (r, e) -> hasCode(e, "InvalidInstanceID.NotFound") ? Match.RETRY : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.instanceStopped =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) -> r != null && allStates(r, "stopped") ? Match.SUCCESS : null,
                  (r, e) ->
                      r != null && anyState(r, "pending", "terminated") ? Match.FAILURE : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.instanceTerminated =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) -> r != null && allStates(r, "terminated") ? Match.SUCCESS : null,
                  (r, e) -> r != null && anyState(r, "pending", "stopping") ? Match.FAILURE : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.instanceExists =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(5),
              40,
              List.of(
                  (r, e) -> r != null && !r.reservations().isEmpty() ? Match.SUCCESS : null,
                  (r, e) -> hasCode(e, "InvalidInstanceID.NotFound") ? Match.RETRY : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.instanceStatusOk =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) ->
                      r != null
                              && r.instanceStatuses().stream()
                                  .allMatch(s -> "ok".equals(s.instanceStatus().statusAsString()))
                          ? Match.SUCCESS
                          : null,
                  (r, e) -> hasCode(e, "InvalidInstanceID.NotFound") ? Match.RETRY : null,
                  (r, e) -> r != null ? Match.RETRY : null));
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceRunning(
        DescribeInstancesRequest r) {
      return waitUntilInstanceRunning(r, null);
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceRunning(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return instanceRunning.run(() -> client.describeInstances(r), o);
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceStopped(
        DescribeInstancesRequest r) {
      return waitUntilInstanceStopped(r, null);
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceStopped(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return instanceStopped.run(() -> client.describeInstances(r), o);
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceTerminated(
        DescribeInstancesRequest r) {
      return waitUntilInstanceTerminated(r, null);
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceTerminated(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return instanceTerminated.run(() -> client.describeInstances(r), o);
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceExists(
        DescribeInstancesRequest r) {
      return waitUntilInstanceExists(r, null);
    }

    @Override
    public WaiterResponse<DescribeInstancesResponse> waitUntilInstanceExists(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return instanceExists.run(() -> client.describeInstances(r), o);
    }

    @Override
    public WaiterResponse<DescribeInstanceStatusResponse> waitUntilInstanceStatusOk(
        DescribeInstanceStatusRequest r) {
      return waitUntilInstanceStatusOk(r, null);
    }

    @Override
    public WaiterResponse<DescribeInstanceStatusResponse> waitUntilInstanceStatusOk(
        DescribeInstanceStatusRequest r, @Nullable WaiterOverrideConfiguration o) {
      return instanceStatusOk.run(() -> client.describeInstanceStatus(r), o);
    }

    @Override
    public void close() {}
  }

  /** The async waiter: the same waits as completed futures. */
  static final class Async implements Ec2AsyncWaiter {
    private final Sync sync;

    Async(Sync sync) {
      this.sync = sync;
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceRunning(
        DescribeInstancesRequest r) {
      return async(() -> sync.waitUntilInstanceRunning(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceRunning(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilInstanceRunning(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceStopped(
        DescribeInstancesRequest r) {
      return async(() -> sync.waitUntilInstanceStopped(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceStopped(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilInstanceStopped(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceTerminated(
        DescribeInstancesRequest r) {
      return async(() -> sync.waitUntilInstanceTerminated(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceTerminated(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilInstanceTerminated(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceExists(
        DescribeInstancesRequest r) {
      return async(() -> sync.waitUntilInstanceExists(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstancesResponse>> waitUntilInstanceExists(
        DescribeInstancesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilInstanceExists(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstanceStatusResponse>>
        waitUntilInstanceStatusOk(DescribeInstanceStatusRequest r) {
      return async(() -> sync.waitUntilInstanceStatusOk(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeInstanceStatusResponse>>
        waitUntilInstanceStatusOk(
            DescribeInstanceStatusRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilInstanceStatusOk(r, o));
    }

    @Override
    public void close() {}
  }
}

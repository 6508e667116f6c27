package io.github.cloudtwin.awssdk.internal.ecs;

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
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.waiters.EcsAsyncWaiter;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * ECS's waiters on the twin's virtual clock, with AWS's definitions: ServicesStable (15 s, 40
 * attempts: fails on MISSING, DRAINING or INACTIVE; done when every service has one deployment and
 * runningCount equals desiredCount), ServicesInactive (15 s, 40), TasksRunning and TasksStopped (6
 * s, 100).
 */
final class EcsWaiters {

  private EcsWaiters() {}

  /** The sync waiter. */
  static final class Sync implements EcsWaiter {
    private final EcsClient client;
    private final VirtualWaiter<DescribeServicesResponse> stable;
    private final VirtualWaiter<DescribeServicesResponse> inactive;
    private final VirtualWaiter<DescribeTasksResponse> running;
    private final VirtualWaiter<DescribeTasksResponse> stopped;

    Sync(CloudTwin twin, EcsClient client) {
      this.client = client;
      this.stable =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) ->
                      r != null && r.failures().stream().anyMatch(f -> "MISSING".equals(f.reason()))
                          ? Match.FAILURE
                          : null,
                  (r, e) ->
                      r != null
                              && r.services().stream().anyMatch(s -> "DRAINING".equals(s.status()))
                          ? Match.FAILURE
                          : null,
                  (r, e) ->
                      r != null
                              && r.services().stream().anyMatch(s -> "INACTIVE".equals(s.status()))
                          ? Match.FAILURE
                          : null,
                  (r, e) ->
                      r != null
                              && r.services().stream()
                                  .allMatch(
                                      s ->
                                          s.deployments().size() == 1
                                              && s.runningCount().equals(s.desiredCount()))
                          ? Match.SUCCESS
                          : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.inactive =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(15),
              40,
              List.of(
                  (r, e) ->
                      r != null && r.failures().stream().anyMatch(f -> "MISSING".equals(f.reason()))
                          ? Match.FAILURE
                          : null,
                  (r, e) ->
                      r != null
                              && r.services().stream().anyMatch(s -> "INACTIVE".equals(s.status()))
                          ? Match.SUCCESS
                          : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.running =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(6),
              100,
              List.of(
                  (r, e) ->
                      r != null
                              && r.tasks().stream().anyMatch(t -> "STOPPED".equals(t.lastStatus()))
                          ? Match.FAILURE
                          : null,
                  (r, e) ->
                      r != null && r.failures().stream().anyMatch(f -> "MISSING".equals(f.reason()))
                          ? Match.FAILURE
                          : null,
                  (r, e) ->
                      r != null
                              && r.tasks().stream().allMatch(t -> "RUNNING".equals(t.lastStatus()))
                          ? Match.SUCCESS
                          : null,
                  (r, e) -> r != null ? Match.RETRY : null));
      this.stopped =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(6),
              100,
              List.of(
                  (r, e) ->
                      r != null
                              && r.tasks().stream().allMatch(t -> "STOPPED".equals(t.lastStatus()))
                          ? Match.SUCCESS
                          : null,
                  (r, e) -> r != null ? Match.RETRY : null));
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesStable(
        DescribeServicesRequest r) {
      return waitUntilServicesStable(r, null);
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesStable(
        DescribeServicesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return stable.run(() -> client.describeServices(r), o);
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesInactive(
        DescribeServicesRequest r) {
      return waitUntilServicesInactive(r, null);
    }

    @Override
    public WaiterResponse<DescribeServicesResponse> waitUntilServicesInactive(
        DescribeServicesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return inactive.run(() -> client.describeServices(r), o);
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksRunning(DescribeTasksRequest r) {
      return waitUntilTasksRunning(r, null);
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksRunning(
        DescribeTasksRequest r, @Nullable WaiterOverrideConfiguration o) {
      return running.run(() -> client.describeTasks(r), o);
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksStopped(DescribeTasksRequest r) {
      return waitUntilTasksStopped(r, null);
    }

    @Override
    public WaiterResponse<DescribeTasksResponse> waitUntilTasksStopped(
        DescribeTasksRequest r, @Nullable WaiterOverrideConfiguration o) {
      return stopped.run(() -> client.describeTasks(r), o);
    }

    @Override
    public void close() {}
  }

  /** The async waiter: the same waits as completed futures. */
  static final class Async implements EcsAsyncWaiter {
    private final Sync sync;

    Async(Sync sync) {
      this.sync = sync;
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeServicesResponse>> waitUntilServicesStable(
        DescribeServicesRequest r) {
      return async(() -> sync.waitUntilServicesStable(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeServicesResponse>> waitUntilServicesStable(
        DescribeServicesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilServicesStable(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeServicesResponse>> waitUntilServicesInactive(
        DescribeServicesRequest r) {
      return async(() -> sync.waitUntilServicesInactive(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeServicesResponse>> waitUntilServicesInactive(
        DescribeServicesRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilServicesInactive(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeTasksResponse>> waitUntilTasksRunning(
        DescribeTasksRequest r) {
      return async(() -> sync.waitUntilTasksRunning(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeTasksResponse>> waitUntilTasksRunning(
        DescribeTasksRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilTasksRunning(r, o));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeTasksResponse>> waitUntilTasksStopped(
        DescribeTasksRequest r) {
      return async(() -> sync.waitUntilTasksStopped(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeTasksResponse>> waitUntilTasksStopped(
        DescribeTasksRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilTasksStopped(r, o));
    }

    @Override
    public void close() {}
  }
}

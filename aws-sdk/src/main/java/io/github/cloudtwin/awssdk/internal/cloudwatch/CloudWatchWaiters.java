package io.github.cloudtwin.awssdk.internal.cloudwatch;

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
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.waiters.CloudWatchAsyncWaiter;
import software.amazon.awssdk.services.cloudwatch.waiters.CloudWatchWaiter;

/** CloudWatch's {@code AlarmExists} waiter (5 s, 40 attempts) on the twin's virtual clock. */
final class CloudWatchWaiters {

  private CloudWatchWaiters() {}

  /** The sync waiter. */
  static final class Sync implements CloudWatchWaiter {
    private final CloudWatchClient client;
    private final VirtualWaiter<DescribeAlarmsResponse> exists;

    Sync(CloudTwin twin, CloudWatchClient client) {
      this.client = client;
      this.exists =
          new VirtualWaiter<>(
              twin,
              Duration.ofSeconds(5),
              40,
              List.of(
                  (r, e) -> r != null && !r.metricAlarms().isEmpty() ? Match.SUCCESS : null,
                  (r, e) -> r != null ? Match.RETRY : null));
    }

    @Override
    public WaiterResponse<DescribeAlarmsResponse> waitUntilAlarmExists(DescribeAlarmsRequest r) {
      return waitUntilAlarmExists(r, null);
    }

    @Override
    public WaiterResponse<DescribeAlarmsResponse> waitUntilAlarmExists(
        DescribeAlarmsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return exists.run(() -> client.describeAlarms(r), o);
    }

    @Override
    public void close() {}
  }

  /** The async waiter. */
  static final class Async implements CloudWatchAsyncWaiter {
    private final Sync sync;

    Async(Sync sync) {
      this.sync = sync;
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAlarmsResponse>> waitUntilAlarmExists(
        DescribeAlarmsRequest r) {
      return async(() -> sync.waitUntilAlarmExists(r));
    }

    @Override
    public CompletableFuture<WaiterResponse<DescribeAlarmsResponse>> waitUntilAlarmExists(
        DescribeAlarmsRequest r, @Nullable WaiterOverrideConfiguration o) {
      return async(() -> sync.waitUntilAlarmExists(r, o));
    }

    @Override
    public void close() {}
  }
}

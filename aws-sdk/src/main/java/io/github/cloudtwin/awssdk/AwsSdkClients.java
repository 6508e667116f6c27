package io.github.cloudtwin.awssdk;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.autoscaling.AutoScalingHandler;
import io.github.cloudtwin.awssdk.cloudwatch.CloudWatchHandler;
import io.github.cloudtwin.awssdk.internal.ClientProxy;
import io.github.cloudtwin.awssdk.operations.AutoScalingOperations;
import io.github.cloudtwin.awssdk.operations.CloudWatchOperations;
import io.github.cloudtwin.awssdk.operations.LaunchTemplates;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * AWS SDK for Java v2 clients that talk to a twin in-process, on its virtual clock: no endpoint,
 * no credentials, no HTTP. Code written against the SDK's client interfaces runs against these
 * unchanged.
 *
 * <pre>{@code
 * AwsSdkClients sdk = AwsSdkClients.of(twin);
 * AutoScalingClient autoScaling = sdk.autoScaling();
 * autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(4));
 * }</pre>
 *
 * <p>Clients of one {@code AwsSdkClients} share the state the SDK layer keeps beside the twin
 * (launch templates), so create one per twin (the JUnit extension does). Each client is
 * thread-safe; closing one does nothing (the twin owns the resources).
 */
public final class AwsSdkClients {

  private final CloudTwin twin;
  private final LaunchTemplates launchTemplates;
  private final AutoScalingHandler autoScaling;
  private final CloudWatchHandler cloudWatch;

  private AwsSdkClients(CloudTwin twin) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.launchTemplates = new LaunchTemplates(twin);
    this.autoScaling = new AutoScalingHandler(twin, new AutoScalingOperations(twin, launchTemplates));
    this.cloudWatch = new CloudWatchHandler(new CloudWatchOperations(twin));
  }

  /**
   * Clients over {@code twin}.
   *
   * @param twin the twin
   * @return the clients, sharing one set of launch templates
   */
  public static AwsSdkClients of(CloudTwin twin) {
    return new AwsSdkClients(twin);
  }

  /** {@return the twin the clients talk to} */
  public CloudTwin twin() {
    return twin;
  }

  /** {@return the launch templates created through the SDK (shared by these clients)} */
  public LaunchTemplates launchTemplates() {
    return launchTemplates;
  }

  /** {@return an EC2 Auto Scaling client} */
  public AutoScalingClient autoScaling() {
    return ClientProxy.create(AutoScalingClient.class, "AutoScaling", autoScaling, false, AutoScalingHandler.ERRORS);
  }

  /** {@return an EC2 Auto Scaling async client (completed futures)} */
  public AutoScalingAsyncClient autoScalingAsync() {
    return ClientProxy.create(AutoScalingAsyncClient.class, "AutoScaling", autoScaling, true,
        AutoScalingHandler.ERRORS);
  }

  /** {@return a CloudWatch client} */
  public CloudWatchClient cloudWatch() {
    return ClientProxy.create(CloudWatchClient.class, "CloudWatch", cloudWatch, false, CloudWatchHandler.ERRORS);
  }

  /** {@return a CloudWatch async client (completed futures)} */
  public CloudWatchAsyncClient cloudWatchAsync() {
    return ClientProxy.create(CloudWatchAsyncClient.class, "CloudWatch", cloudWatch, true, CloudWatchHandler.ERRORS);
  }
}

package io.github.cloudtwin.awssdk;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.ClientProxy;
import io.github.cloudtwin.awssdk.internal.appautoscaling.ApplicationAutoScalingHandler;
import io.github.cloudtwin.awssdk.internal.autoscaling.AutoScalingHandler;
import io.github.cloudtwin.awssdk.internal.cloudwatch.CloudWatchHandler;
import io.github.cloudtwin.awssdk.internal.ec2.Ec2Handler;
import io.github.cloudtwin.awssdk.internal.ec2.LaunchTemplateHandler;
import io.github.cloudtwin.awssdk.internal.ecs.EcsHandler;
import io.github.cloudtwin.awssdk.internal.elb.ElasticLoadBalancingV2Handler;
import io.github.cloudtwin.awssdk.internal.operations.ApplicationAutoScalingOperations;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingOperations;
import io.github.cloudtwin.awssdk.internal.operations.CloudWatchOperations;
import io.github.cloudtwin.awssdk.internal.operations.Ec2Operations;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations;
import io.github.cloudtwin.awssdk.internal.operations.ElbOperations;
import io.github.cloudtwin.awssdk.internal.operations.LaunchTemplates;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingAsyncClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2AsyncClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2AsyncClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * AWS SDK for Java v2 clients that talk to a twin in-process, on its virtual clock: no endpoint, no
 * credentials, no HTTP. Code written against the SDK's client interfaces runs against these
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
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class AwsSdkClients {

  private final CloudTwin twin;
  private final LaunchTemplates launchTemplates;
  private final AutoScalingHandler autoScaling;
  private final CloudWatchHandler cloudWatch;
  private final ElasticLoadBalancingV2Handler elb;
  private final EcsHandler ecs;
  private final Ec2Handler ec2;
  private final ApplicationAutoScalingHandler applicationAutoScaling;
  // one proxy per client type, made once: a client is a view of the handler, creating it again buys
  // nothing
  private final AutoScalingClient autoScalingClient;
  private final AutoScalingAsyncClient autoScalingAsyncClient;
  private final CloudWatchClient cloudWatchClient;
  private final CloudWatchAsyncClient cloudWatchAsyncClient;
  private final ElasticLoadBalancingV2Client elasticLoadBalancingV2Client;
  private final ElasticLoadBalancingV2AsyncClient elasticLoadBalancingV2AsyncClient;
  private final EcsClient ecsClient;
  private final EcsAsyncClient ecsAsyncClient;
  private final Ec2Client ec2Client;
  private final Ec2AsyncClient ec2AsyncClient;
  private final ApplicationAutoScalingClient applicationAutoScalingClient;
  private final ApplicationAutoScalingAsyncClient applicationAutoScalingAsyncClient;

  private AwsSdkClients(CloudTwin twin) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.launchTemplates = new LaunchTemplates(twin);
    this.autoScaling =
        new AutoScalingHandler(twin, new AutoScalingOperations(twin, launchTemplates));
    this.cloudWatch = new CloudWatchHandler(twin, new CloudWatchOperations(twin));
    this.elb = new ElasticLoadBalancingV2Handler(twin, new ElbOperations(twin));
    this.ecs = new EcsHandler(twin, new EcsOperations(twin));
    this.ec2 = new Ec2Handler(twin, new Ec2Operations(twin, launchTemplates));
    List<Object> ec2Handlers = List.of(ec2, new LaunchTemplateHandler(twin, launchTemplates));
    this.applicationAutoScaling =
        new ApplicationAutoScalingHandler(twin, new ApplicationAutoScalingOperations(twin));
    this.autoScalingClient =
        ClientProxy.create(
            AutoScalingClient.class,
            "AutoScaling",
            autoScaling.handlers(),
            false,
            AutoScalingHandler.ERRORS);
    this.autoScalingAsyncClient =
        ClientProxy.create(
            AutoScalingAsyncClient.class,
            "AutoScaling",
            autoScaling.handlers(),
            true,
            AutoScalingHandler.ERRORS);
    this.cloudWatchClient =
        ClientProxy.create(
            CloudWatchClient.class,
            "CloudWatch",
            cloudWatch.handlers(),
            false,
            CloudWatchHandler.ERRORS);
    this.cloudWatchAsyncClient =
        ClientProxy.create(
            CloudWatchAsyncClient.class,
            "CloudWatch",
            cloudWatch.handlers(),
            true,
            CloudWatchHandler.ERRORS);
    this.elasticLoadBalancingV2Client =
        ClientProxy.create(
            ElasticLoadBalancingV2Client.class,
            "ElasticLoadBalancingV2",
            elb.handlers(),
            false,
            ElasticLoadBalancingV2Handler.ERRORS);
    this.elasticLoadBalancingV2AsyncClient =
        ClientProxy.create(
            ElasticLoadBalancingV2AsyncClient.class,
            "ElasticLoadBalancingV2",
            elb.handlers(),
            true,
            ElasticLoadBalancingV2Handler.ERRORS);
    this.ecsClient =
        ClientProxy.create(EcsClient.class, "Ecs", List.of(ecs), false, EcsHandler.ERRORS);
    this.ecsAsyncClient =
        ClientProxy.create(EcsAsyncClient.class, "Ecs", List.of(ecs), true, EcsHandler.ERRORS);
    this.ec2Client =
        ClientProxy.create(Ec2Client.class, "Ec2", ec2Handlers, false, Ec2Handler.ERRORS);
    this.ec2AsyncClient =
        ClientProxy.create(Ec2AsyncClient.class, "Ec2", ec2Handlers, true, Ec2Handler.ERRORS);
    this.applicationAutoScalingClient =
        ClientProxy.create(
            ApplicationAutoScalingClient.class,
            "ApplicationAutoScaling",
            List.of(applicationAutoScaling),
            false,
            ApplicationAutoScalingHandler.ERRORS);
    this.applicationAutoScalingAsyncClient =
        ClientProxy.create(
            ApplicationAutoScalingAsyncClient.class,
            "ApplicationAutoScaling",
            List.of(applicationAutoScaling),
            true,
            ApplicationAutoScalingHandler.ERRORS);
    this.cloudWatch.bind(cloudWatch());
    this.autoScaling.bind(autoScaling());
    this.elb.bind(elasticLoadBalancingV2());
    this.ecs.bind(ecs());
    this.ec2.bind(ec2());
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

  /**
   * The launch templates created through the SDK (shared by these clients). Not API: this package's
   * tests create templates through it; users call {@code ec2().createLaunchTemplate}.
   */
  LaunchTemplates launchTemplates() {
    return launchTemplates;
  }

  /** {@return an EC2 Auto Scaling client} */
  public AutoScalingClient autoScaling() {
    return autoScalingClient;
  }

  /** {@return an EC2 Auto Scaling async client (completed futures)} */
  public AutoScalingAsyncClient autoScalingAsync() {
    return autoScalingAsyncClient;
  }

  /** {@return a CloudWatch client} */
  public CloudWatchClient cloudWatch() {
    return cloudWatchClient;
  }

  /** {@return a CloudWatch async client (completed futures)} */
  public CloudWatchAsyncClient cloudWatchAsync() {
    return cloudWatchAsyncClient;
  }

  /** {@return an Elastic Load Balancing (v2) client} */
  public ElasticLoadBalancingV2Client elasticLoadBalancingV2() {
    return elasticLoadBalancingV2Client;
  }

  /** {@return an Elastic Load Balancing (v2) async client (completed futures)} */
  public ElasticLoadBalancingV2AsyncClient elasticLoadBalancingV2Async() {
    return elasticLoadBalancingV2AsyncClient;
  }

  /** {@return an Amazon ECS client} */
  public EcsClient ecs() {
    return ecsClient;
  }

  /** {@return an Amazon ECS async client (completed futures)} */
  public EcsAsyncClient ecsAsync() {
    return ecsAsyncClient;
  }

  /** {@return an Amazon EC2 client (instances, zones, subnets, launch templates)} */
  public Ec2Client ec2() {
    return ec2Client;
  }

  /** {@return an Amazon EC2 async client (completed futures)} */
  public Ec2AsyncClient ec2Async() {
    return ec2AsyncClient;
  }

  /** {@return an Application Auto Scaling client (ECS service desired counts)} */
  public ApplicationAutoScalingClient applicationAutoScaling() {
    return applicationAutoScalingClient;
  }

  /** {@return an Application Auto Scaling async client (completed futures)} */
  public ApplicationAutoScalingAsyncClient applicationAutoScalingAsync() {
    return applicationAutoScalingAsyncClient;
  }
}

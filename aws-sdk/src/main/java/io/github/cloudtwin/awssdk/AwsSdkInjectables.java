package io.github.cloudtwin.awssdk;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.spi.InjectableProvider;
import java.util.List;
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
 * Makes the SDK clients injectable by the CloudTwin JUnit extension, as test parameters and
 * {@code @FromTwin} fields: {@code void test(AutoScalingClient autoScaling, EcsClient ecs)}. The
 * clients of one twin share one {@link AwsSdkClients}. Found by {@link java.util.ServiceLoader}
 * when the extension is on the class path.
 */
@SuppressWarnings(
    "exports") // the JUnit module is optional: this provider is found only when it is there
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class AwsSdkInjectables implements InjectableProvider<AwsSdkClients> {

  /** For the ServiceLoader. */
  public AwsSdkInjectables() {}

  @Override
  public List<Class<?>> types() {
    return List.of(
        AwsSdkClients.class,
        AutoScalingClient.class,
        AutoScalingAsyncClient.class,
        CloudWatchClient.class,
        CloudWatchAsyncClient.class,
        ElasticLoadBalancingV2Client.class,
        ElasticLoadBalancingV2AsyncClient.class,
        EcsClient.class,
        EcsAsyncClient.class,
        ApplicationAutoScalingClient.class,
        ApplicationAutoScalingAsyncClient.class,
        Ec2Client.class,
        Ec2AsyncClient.class);
  }

  @Override
  public AwsSdkClients open(CloudTwin twin) {
    return AwsSdkClients.of(twin);
  }

  @Override
  public Object value(Class<?> type, AwsSdkClients sdk) {
    if (type == AwsSdkClients.class) return sdk;
    if (type == AutoScalingClient.class) return sdk.autoScaling();
    if (type == AutoScalingAsyncClient.class) return sdk.autoScalingAsync();
    if (type == CloudWatchClient.class) return sdk.cloudWatch();
    if (type == CloudWatchAsyncClient.class) return sdk.cloudWatchAsync();
    if (type == ElasticLoadBalancingV2Client.class) return sdk.elasticLoadBalancingV2();
    if (type == ElasticLoadBalancingV2AsyncClient.class) return sdk.elasticLoadBalancingV2Async();
    if (type == EcsClient.class) return sdk.ecs();
    if (type == EcsAsyncClient.class) return sdk.ecsAsync();
    if (type == ApplicationAutoScalingClient.class) return sdk.applicationAutoScaling();
    if (type == ApplicationAutoScalingAsyncClient.class) return sdk.applicationAutoScalingAsync();
    if (type == Ec2Client.class) return sdk.ec2();
    if (type == Ec2AsyncClient.class) return sdk.ec2Async();
    throw new IllegalArgumentException("not an SDK client type of CloudTwin: " + type.getName());
  }
}

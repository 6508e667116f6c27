package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.DescribeWarmPoolResponse;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.WarmPoolState;

/** PutWarmPool, DescribeWarmPool and DeleteWarmPool through {@code AutoScalingClient}. */
class AutoScalingWarmPoolClientTest {

  private final CloudTwin twin = CloudTwin.create();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  @AfterEach
  void close() {
    twin.close();
  }

  private void group() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .minSize(1)
                .maxSize(5)
                .desiredCapacity(2)
                .launchTemplate(t -> t.launchTemplateName("web-lt").version("$Latest"))
                .availabilityZones("us-east-1a", "us-east-1b"));
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeWarmPool.html
  @Test
  void aWarmPoolIsPutDescribedWithItsWarmedInstancesAndDeleted() {
    group();
    autoScaling.putWarmPool(
        r ->
            r.autoScalingGroupName("web")
                .minSize(1)
                .poolState(WarmPoolState.RUNNING)
                .instanceReusePolicy(p -> p.reuseOnScaleIn(true)));
    twin.advance(Duration.ofMinutes(1));
    DescribeWarmPoolResponse d = autoScaling.describeWarmPool(r -> r.autoScalingGroupName("web"));
    assertThat(d.warmPoolConfiguration().minSize()).isEqualTo(1);
    assertThat(d.warmPoolConfiguration().poolState()).isEqualTo(WarmPoolState.RUNNING);
    assertThat(d.warmPoolConfiguration().maxGroupPreparedCapacity()).isNull();
    assertThat(d.warmPoolConfiguration().instanceReusePolicy().reuseOnScaleIn()).isTrue();
    assertThat(d.instances())
        .hasSize(3) // max 5 - desired 2
        .allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.WARMED_RUNNING));
    assertThat(
            autoScaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
                .autoScalingGroups()
                .get(0)
                .instances())
        .hasSize(2);

    autoScaling.deleteWarmPool(r -> r.autoScalingGroupName("web").forceDelete(true));
    assertThat(autoScaling.describeWarmPool(r -> r.autoScalingGroupName("web")).instances())
        .isEmpty();
  }

  @Test
  void aBadPoolStateOrMinSizeIsAValidationError() {
    group();
    assertThatThrownBy(
            () -> autoScaling.putWarmPool(r -> r.autoScalingGroupName("web").minSize(-1)))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
        .hasMessageContaining("MinSize");
    assertThatThrownBy(
            () -> autoScaling.putWarmPool(r -> r.autoScalingGroupName("web").poolState("Frozen")))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("PoolState");
    assertThat(
            autoScaling
                .describeWarmPool(r -> r.autoScalingGroupName("web"))
                .warmPoolConfiguration())
        .isNull();
  }
}

package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.WarmPool;
import io.github.cloudtwin.autoscaling.WarmPoolSpec;
import io.github.cloudtwin.autoscaling.WarmPoolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.DeleteWarmPoolRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteWarmPoolResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeWarmPoolRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeWarmPoolResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InstanceReusePolicy;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.PutWarmPoolRequest;
import software.amazon.awssdk.services.autoscaling.model.PutWarmPoolResponse;
import software.amazon.awssdk.services.autoscaling.model.WarmPoolConfiguration;

/**
 * The {@code AutoScalingClient} warm pool operations: PutWarmPool, DescribeWarmPool,
 * DeleteWarmPool, over {@code twin.autoScaling().warmPools()}.
 */
final class WarmPoolHandler {

  private final CloudTwin twin;

  WarmPoolHandler(CloudTwin twin) {
    this.twin = twin;
  }

  /** PutWarmPool: omitted parameters take AWS's defaults; -1 removes MaxGroupPreparedCapacity. */
  public PutWarmPoolResponse putWarmPool(PutWarmPoolRequest r) {
    WarmPoolSpec.Builder b = WarmPoolSpec.builder().autoScalingGroupName(r.autoScalingGroupName());
    if (r.maxGroupPreparedCapacity() != null)
      b.maxGroupPreparedCapacity(r.maxGroupPreparedCapacity());
    if (r.minSize() != null) b.minSize(r.minSize());
    if (r.poolStateAsString() != null)
      b.poolState(WarmPoolState.fromAwsName(r.poolStateAsString()));
    InstanceReusePolicy reuse = r.instanceReusePolicy();
    if (reuse != null && reuse.reuseOnScaleIn() != null) b.reuseOnScaleIn(reuse.reuseOnScaleIn());
    twin.autoScaling().warmPools().putWarmPool(b.build());
    return PutWarmPoolResponse.builder().build();
  }

  /** DescribeWarmPool: the configuration (none without a pool) and the pool's instances. */
  public DescribeWarmPoolResponse describeWarmPool(DescribeWarmPoolRequest r) {
    Optional<WarmPool> pool =
        twin.autoScaling().warmPools().describeWarmPool(r.autoScalingGroupName());
    if (pool.isEmpty()) return DescribeWarmPoolResponse.builder().instances(List.of()).build();
    WarmPool p = pool.get();
    WarmPoolSpec c = p.configuration();
    WarmPoolConfiguration.Builder config =
        WarmPoolConfiguration.builder()
            .minSize(c.minSize())
            .poolState(c.poolState().awsName())
            .instanceReusePolicy(
                InstanceReusePolicy.builder().reuseOnScaleIn(c.reuseOnScaleIn()).build());
    if (c.maxGroupPreparedCapacity() != null)
      config.maxGroupPreparedCapacity(c.maxGroupPreparedCapacity());
    if (p.status() != null) config.status(p.status());
    List<Instance> instances = new ArrayList<>();
    for (AutoScalingInstance i : p.instances()) {
      instances.add(
          Instance.builder()
              .instanceId(i.instanceId())
              .instanceType(i.instanceType())
              .availabilityZone(i.availabilityZone())
              .lifecycleState(i.lifecycleState().awsName())
              .healthStatus(i.healthStatus().toString())
              .protectedFromScaleIn(i.protectedFromScaleIn())
              .launchTemplate(
                  LaunchTemplateSpecification.builder()
                      .launchTemplateName(i.launchTemplateName())
                      .version(i.launchTemplateVersion())
                      .build())
              .build());
    }
    return DescribeWarmPoolResponse.builder()
        .warmPoolConfiguration(config.build())
        .instances(instances)
        .build();
  }

  /** DeleteWarmPool. */
  public DeleteWarmPoolResponse deleteWarmPool(DeleteWarmPoolRequest r) {
    twin.autoScaling()
        .warmPools()
        .deleteWarmPool(r.autoScalingGroupName(), r.forceDelete() != null && r.forceDelete());
    return DeleteWarmPoolResponse.builder().build();
  }
}

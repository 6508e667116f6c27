package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.WarmPool;
import io.github.cloudtwin.autoscaling.WarmPoolState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** AWS::AutoScaling::WarmPool becomes the group's warm pool, as PutWarmPool. */
class WarmPoolResourceTest {

  private static final String TEMPLATE =
      """
      Resources:
        WebTemplate:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData: {InstanceType: t3.micro}
        Web:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            AutoScalingGroupName: web
            AvailabilityZones: !GetAZs ""
            LaunchTemplate: {LaunchTemplateId: !Ref WebTemplate, Version: !GetAtt WebTemplate.LatestVersionNumber}
            MinSize: "2"
            MaxSize: "8"
        WebWarmPool:
          Type: AWS::AutoScaling::WarmPool
          Properties:
            AutoScalingGroupName: !Ref Web
            MinSize: 1
            MaxGroupPreparedCapacity: 5
            PoolState: %s
            InstanceReusePolicy: {ReuseOnScaleIn: true}
      """;

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-warmpool.html
  @Test
  void theResourceIsTheGroupsWarmPoolWithItsProperties() {
    try (CloudTwin twin = CloudTwin.create()) {
      StackImport.of(Template.parse("warm.yaml", TEMPLATE.formatted("Running")))
          .stackName("warm")
          .importInto(twin);
      twin.advance(Duration.ofMinutes(2));
      WarmPool pool = twin.autoScaling().warmPools().describeWarmPool("web").orElseThrow();
      assertThat(pool.configuration().minSize()).isEqualTo(1);
      assertThat(pool.configuration().maxGroupPreparedCapacity()).isEqualTo(5);
      assertThat(pool.configuration().poolState()).isEqualTo(WarmPoolState.RUNNING);
      assertThat(pool.configuration().reuseOnScaleIn()).isTrue();
      assertThat(pool.warmedInstances()).hasSize(3); // 5 - desired 2
    }
  }

  @Test
  void anUnknownPoolStateNamesThePropertyAndTheStates() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(
              () ->
                  StackImport.of(Template.parse("warm.yaml", TEMPLATE.formatted("Frozen")))
                      .stackName("warm")
                      .importInto(twin))
          .isInstanceOf(TemplateValidationException.class)
          .hasMessageContaining("PoolState")
          .hasMessageContaining("Frozen")
          .hasMessageContaining("Hibernated");
    }
  }
}

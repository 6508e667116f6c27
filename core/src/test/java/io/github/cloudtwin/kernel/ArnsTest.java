package io.github.cloudtwin.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.elb.TargetGroupSpec;
import org.junit.jupiter.api.Test;

/** Every ARN of a twin comes from one place and carries the twin's region and account. */
class ArnsTest {

  @Test
  void arnsFollowAwsFormat() {
    Arns arns = new Arns("eu-west-1", "210987654321");
    assertThat(arns.of("ecs", "cluster/prod"))
        .isEqualTo("arn:aws:ecs:eu-west-1:210987654321:cluster/prod");
    assertThat(arns.global("iam", "role/deploy"))
        .isEqualTo("arn:aws:iam::210987654321:role/deploy");
  }

  @Test
  void theDefaultAccountIsTheDocumentationExample() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThat(twin.accountId()).isEqualTo("123456789012").isEqualTo(Arns.DEFAULT_ACCOUNT_ID);
      assertThat(twin.ecs().createCluster("prod").clusterArn())
          .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
    }
  }

  @Test
  void aConfiguredAccountIsInEveryServicesArns() {
    try (CloudTwin twin =
        CloudTwin.builder().region("eu-west-1").accountId("210987654321").build()) {
      assertThat(twin.config().accountId()).isEqualTo("210987654321");
      assertThat(twin.ecs().createCluster("prod").clusterArn())
          .isEqualTo("arn:aws:ecs:eu-west-1:210987654321:cluster/prod");
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(0)
                  .maxSize(2)
                  .desiredCapacity(0)
                  .availabilityZones("eu-west-1a")
                  .build());
      assertThat(
              twin.autoScaling()
                  .putScalingPolicy(
                      SimpleScalingPolicy.builder()
                          .policyName("out")
                          .autoScalingGroupName("web")
                          .scalingAdjustment(1)
                          .build())
                  .policyArn())
          .startsWith("arn:aws:autoscaling:eu-west-1:210987654321:scalingPolicy:")
          .endsWith(":autoScalingGroupName/web:policyName/out");
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
      assertThat(
              twin.arns()
                  .of(
                      "elasticloadbalancing",
                      twin.loadBalancing().targetGroup("tg").dimensionValue()))
          .startsWith("arn:aws:elasticloadbalancing:eu-west-1:210987654321:targetgroup/tg/");
    }
  }
}

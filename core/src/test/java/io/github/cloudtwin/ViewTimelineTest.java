package io.github.cloudtwin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.Timeline;
import org.junit.jupiter.api.Test;

/** Each view reaches its own twin's timeline (assertion messages rely on it). */
class ViewTimelineTest {

  @Test
  void everyViewReturnsItsTwinsTimelineNotAnotherTwins() {
    try (CloudTwin twin = CloudTwin.create();
        CloudTwin other = CloudTwin.create()) {
      Timeline t = twin.timeline();
      assertThat(other.timeline()).isNotSameAs(t);
      assertThat(
              twin.autoScaling()
                  .createAutoScalingGroup(
                      AutoScalingGroupSpec.builder()
                          .autoScalingGroupName("g")
                          .launchTemplate("lt", "1")
                          .minSize(0)
                          .maxSize(1)
                          .desiredCapacity(0)
                          .availabilityZones("us-east-1a")
                          .build())
                  .timeline())
          .isSameAs(t);
      assertThat(
              twin.cloudWatch()
                  .putMetricAlarm(
                      MetricAlarmSpec.builder()
                          .alarmName("a")
                          .metric(MetricId.of("App", "X"))
                          .threshold(1)
                          .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                          .build())
                  .timeline())
          .isSameAs(t);
      io.github.cloudtwin.ec2.Instance instance =
          twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
      assertThat(instance.timeline()).isSameAs(t);
      assertThat(
              twin.loadBalancing()
                  .createLoadBalancer(
                      LoadBalancerSpec.application("lb")
                          .availabilityZones("us-east-1a", "us-east-1b")
                          .build())
                  .timeline())
          .isSameAs(t);
      assertThat(
              twin.loadBalancing()
                  .createTargetGroup(TargetGroupSpec.builder("tg").build())
                  .timeline())
          .isSameAs(t);
      twin.ecs().createCluster("c");
      twin.advance(InstanceSpec.DEFAULT_BOOT_TIME);
      twin.ecs().registerContainerInstance("c", instance.instanceId());
      twin.ecs()
          .registerTaskDefinition(
              TaskDefinitionSpec.builder("w")
                  .container(ContainerDefinition.builder("app", "x").cpu(128).memory(128).build())
                  .build());
      assertThat(
              twin.ecs()
                  .createService(ServiceSpec.builder("c", "s", "w").desiredCount(0).build())
                  .timeline())
          .isSameAs(t);
      assertThat(twin.ecs().runTask("c", "w", 1, LaunchType.EC2).tasks().get(0).timeline())
          .isSameAs(t);
    }
  }
}

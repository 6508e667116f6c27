package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.assertj.CloudTwinAssertions.event;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.Workload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 4: the audit of CloudTwinAssertions for assertions that pass when nothing
 * happened. Each case below passed on the old main; each now fails, saying why.
 */
class VacuousPassTest {

  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
  private final CloudTwin twin = CloudTwin.builder().seed(3).build();

  @AfterEach
  void close() {
    twin.close();
  }

  private AutoScalingGroup webBehindAlb() {
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("alb").availabilityZones(ZONES).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    twin.loadBalancing().createListener(ListenerSpec.builder("alb", 80).forwardTo("tg").build());
    return twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(0)
                .maxSize(6)
                .desiredCapacity(3)
                .availabilityZones(ZONES)
                .targetGroupNames("tg")
                .build());
  }

  // ------------------------------------------------------------------ routing

  @Test
  void routingAssertionsCountWorkloadTraffic() {
    webBehindAlb();
    twin.advance(ofMinutes(3));
    LoadBalancer alb = twin.loadBalancing().loadBalancer("alb");
    twin.traffic().apply("alb", Workload.constant(300));
    twin.advance(ofMinutes(1));
    assertThatThrownBy(() -> assertThat(alb).routedNoRequestsTo("us-east-1a"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "but it routed 6000 there (requests per zone: us-east-1a=6000, us-east-1b=6000, us-east-1c=6000)");
    assertThat(alb).routedRequestsOnlyTo(ZONES);
    assertThatThrownBy(() -> assertThat(alb).routedRequestsOnlyTo("us-east-1b"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("us-east-1a=6000");
  }

  @Test
  void routedNoRequestsToFailsWhenNoRequestWasRoutedAtAll() {
    webBehindAlb();
    twin.advance(ofMinutes(3));
    LoadBalancer alb = twin.loadBalancing().loadBalancer("alb");
    assertThatThrownBy(() -> assertThat(alb).routedNoRequestsTo("us-east-1a"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "but it routed no request at all, to any zone, so that would prove nothing");
    assertThatThrownBy(() -> assertThat(alb).routedRequestsOnlyTo("us-east-1a"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it routed no request at all");
  }

  // ------------------------------------------------------------------ alarms

  @Test
  void neverEnteredStateFailsWhenTheAlarmNeverSawADatapoint() {
    webBehindAlb();
    MetricAlarm typo =
        twin.cloudWatch()
            .putMetricAlarm(
                MetricAlarmSpec.builder()
                    .alarmName("cpu-high")
                    .metric(MetricId.of("AWS/EC2", "CPUUtilisation", "AutoScalingGroupName", "web"))
                    .threshold(80)
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .build());
    twin.advance(ofMinutes(10));
    assertThatThrownBy(() -> assertThat(typo).neverEnteredState(AlarmState.ALARM))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "but no evaluation of it ever found a datapoint of AWS/EC2 CPUUtilisation")
        .hasMessageContaining("so that would prove nothing");
    MetricAlarm right =
        twin.cloudWatch()
            .putMetricAlarm(
                typo.spec().toBuilder()
                    .alarmName("cpu-ok")
                    .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                    .period(java.time.Duration.ofMinutes(5))
                    .build()); // basic monitoring: 5-minute datapoints
    twin.advance(ofMinutes(6));
    assertThat(right).neverEnteredState(AlarmState.ALARM);
  }

  // ------------------------------------------------------------------ groups

  @Test
  void isBalancedAcrossFailsWhenNoInstanceIsInService() {
    AutoScalingGroup empty =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("empty")
                    .minSize(0)
                    .maxSize(3)
                    .desiredCapacity(0)
                    .availabilityZones(ZONES)
                    .build());
    twin.advance(ofMinutes(1));
    assertThatThrownBy(() -> assertThat(empty).isBalancedAcross())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has no InService instance there");
    assertThatThrownBy(() -> assertThat(empty).isBalancedAcross("us-east-1a", "us-east-1b"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it has no InService instance there");
  }

  @Test
  void hasNoScalingActivityBetweenFailsWhileTheWindowHasNotHappened() {
    AutoScalingGroup web = webBehindAlb();
    twin.advance(ofMinutes(5));
    assertThatThrownBy(
            () -> assertThat(web).hasNoScalingActivityBetween(ofMinutes(2), ofMinutes(30)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "but the twin's clock is at +00:05:00: the rest of the window has not happened yet");
    twin.advance(ofMinutes(25));
    assertThat(web).hasNoScalingActivityBetween(ofMinutes(2), ofMinutes(30));
  }

  // ------------------------------------------------------------------ ECS

  @Test
  void isSpreadAcrossZonesFailsWhenNoTaskRuns() {
    twin.ecs().createCluster("prod");
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("api")
                .container(ContainerDefinition.builder("app", "nginx").cpu(256).memory(512).build())
                .build());
    EcsService api =
        twin.ecs().createService(ServiceSpec.builder("prod", "api", "api").desiredCount(0).build());
    twin.advance(ofMinutes(1));
    assertThatThrownBy(() -> assertThat(api).isSpreadAcrossZones())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it runs no task there");
    assertThatThrownBy(() -> assertThat(api).isSpreadAcrossZones(ZONES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it runs no task there");
  }

  // ------------------------------------------------------------------ timeline

  @Test
  void containsInOrderWithoutAPatternIsRejected() {
    assertThatThrownBy(() -> assertThat(twin.timeline()).containsInOrder())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one EventPattern");
    twin.advance(ofMinutes(1));
    assertThatThrownBy(
            () -> assertThat(twin.timeline()).containsInOrder(event("group/none", "launch")))
        .isInstanceOf(AssertionError.class);
  }
}

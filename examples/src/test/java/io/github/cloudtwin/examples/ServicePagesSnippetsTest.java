package io.github.cloudtwin.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The code shown on the service pages (docs/autoscaling.md, docs/cloudwatch.md), compiled and run. */
@CloudTwinTest
class ServicePagesSnippetsTest {

  @Test
  void autoScalingPage(CloudTwin twin) {
    // tag::autoscaling-page[]
    AutoScaling as = twin.autoScaling();
    AutoScalingGroup web = as.createAutoScalingGroup(AutoScalingGroupSpec.builder()
        .autoScalingGroupName("web").minSize(2).maxSize(10).desiredCapacity(3)
        .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c").build());
    ScalingPolicy out = as.putScalingPolicy(SimpleScalingPolicy.builder()
        .policyName("scale-out").autoScalingGroupName("web").scalingAdjustment(2).build());
    twin.cloudWatch().putMetricAlarm(MetricAlarmSpec.builder().alarmName("cpu-high")
        .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
        .period(Duration.ofMinutes(5)).evaluationPeriods(2).threshold(80)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .alarmActions(out.asAlarmAction()).build());
    // end::autoscaling-page[]
    twin.cloudWatch().inject(MetricInjection.metric("CPUUtilization").forGroup("web").constant(95));
    twin.advance(Duration.ofMinutes(10));
    assertThat(web.desiredCapacity()).isEqualTo(5);
  }

  @Test
  void cloudWatchPage(CloudTwin twin) {
    twin.autoScaling().createAutoScalingGroup(AutoScalingGroupSpec.builder()
        .autoScalingGroupName("web").minSize(1).maxSize(1).availabilityZones("us-east-1a")
        .detailedMonitoring(true).build());
    twin.cloudWatch().putMetricAlarm(MetricAlarmSpec.builder().alarmName("cpu-high")
        .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
        .period(Duration.ofMinutes(1)).evaluationPeriods(3).threshold(80)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold).build());
    // tag::cloudwatch-page[]
    twin.cloudWatch().inject(MetricInjection.metric("CPUUtilization").forGroup("web")
        .between(Duration.ofMinutes(2), Duration.ofMinutes(12)).constant(90));
    // end::cloudwatch-page[]
    twin.advance(Duration.ofMinutes(5));
    assertThat(twin.cloudWatch().alarm("cpu-high").state()).isEqualTo(AlarmState.ALARM);
  }
}

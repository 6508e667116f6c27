package io.github.cloudtwin.experiments;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;

/**
 * The estate the experiment tests share: six m5.large over three zones behind an ALB, 600
 * requests/s.
 */
final class WebTier {

  private WebTier() {}

  static CloudTwin create(int max, boolean targetTracking) {
    CloudTwin twin = CloudTwin.builder().seed(7).build();
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder("web-tg").port(80).deregistrationDelay(ofSeconds(30)).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(6)
                .maxSize(max)
                .desiredCapacity(6)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .targetGroupNames("web-tg")
                .healthCheckType(HealthCheckType.ELB)
                .healthCheckGracePeriod(ofMinutes(2))
                .detailedMonitoring(true)
                .defaultInstanceWarmup(ofMinutes(2))
                .build());
    if (targetTracking) {
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu-50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
    }
    // 600 requests/s at 10 CPU ms each on 2 vCPUs: 50 % on six instances
    twin.traffic().apply("web", Workload.constant(600));
    twin.advance(ofMinutes(10));
    return twin;
  }
}

package io.github.cloudtwin.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code toBuilder().build()} gives back the same group spec, every field set off its default. */
class GroupSpecCopyTest {

  @Test
  void aGroupSpecWithEveryFieldSetCopiesToAnEqualSpec() {
    AutoScalingGroupSpec spec =
        AutoScalingGroupSpec.builder()
            .autoScalingGroupName("web")
            .launchTemplate("lt-web", "7")
            .bootTime(Duration.ofSeconds(45))
            .detailedMonitoring(true)
            .minSize(2)
            .maxSize(12)
            .desiredCapacity(5)
            .availabilityZones("us-east-1a", "us-east-1b")
            .defaultCooldown(Duration.ofSeconds(120))
            .defaultInstanceWarmup(Duration.ofSeconds(90))
            .healthCheckType(HealthCheckType.ELB)
            .healthCheckGracePeriod(Duration.ofSeconds(300))
            .terminationPolicies(
                TerminationPolicy.OLDEST_LAUNCH_TEMPLATE, TerminationPolicy.DEFAULT)
            .newInstancesProtectedFromScaleIn(true)
            .capacityDistributionStrategy(CapacityDistributionStrategy.BALANCED_ONLY)
            .targetGroupNames("web-tg", "api-tg")
            .lifecycleHookSpecifications(
                LifecycleHookSpec.of("boot", "web", LifecycleTransition.LAUNCHING)
                    .withHeartbeatTimeout(Duration.ofSeconds(120)))
            .mixedInstancesPolicy(
                MixedInstancesPolicy.prioritized(
                        LaunchTemplateOverride.weighted("m5.large", 2),
                        LaunchTemplateOverride.weighted("c5.large", 2))
                    .withOnDemandBaseCapacity(2))
            .capacityRebalance(true)
            .maxInstanceLifetime(Duration.ofDays(7))
            .build();

    AutoScalingGroupSpec copy = spec.toBuilder().build();

    assertThat(copy).isEqualTo(spec);
    assertThat(copy.instanceType()).isEqualTo("m5.large");
  }

  @Test
  void aCopyIsIndependentOfTheSpecItCameFrom() {
    AutoScalingGroupSpec spec =
        AutoScalingGroupSpec.builder()
            .autoScalingGroupName("web")
            .instanceType("t3.small")
            .minSize(1)
            .maxSize(3)
            .availabilityZones("us-east-1a")
            .build();

    AutoScalingGroupSpec changed = spec.toBuilder().maxSize(6).targetGroupNames("tg").build();

    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    assertThat(changed.maxSize()).isEqualTo(6);
    assertThat(changed.targetGroupNames()).containsExactly("tg");
    assertThat(spec.targetGroupNames()).isEmpty();
    assertThat(changed.instanceType()).isEqualTo("t3.small");
  }
}

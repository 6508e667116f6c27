package io.github.cloudtwin.experiments;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.facts.ExperimentFact;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpotExperimentTest {

  @Test
  void
      reclaimingThirtyPercentOfSpotInterruptsThoseInstancesAfterTheNoticeAndTheGroupReplacesThem() {
    try (CloudTwin twin = CloudTwin.builder().seed(17).build()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .minSize(10)
                  .maxSize(10)
                  .desiredCapacity(10)
                  .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                  .bootTime(ofSeconds(90))
                  .mixedInstancesPolicy(
                      MixedInstancesPolicy.prioritized(
                              LaunchTemplateOverride.of("c5.large"),
                              LaunchTemplateOverride.of("m5.large"),
                              LaunchTemplateOverride.of("r5.large"))
                          .withOnDemandBaseCapacity(1)
                          .withOnDemandPercentageAboveBaseCapacity(0))
                  .build());
      twin.advance(ofMinutes(5));

      ExperimentResult r = twin.experiments().run(Experiments.reclaimSpot("web", 30));

      List<String> targets =
          twin.timeline()
              .events(ExperimentFact.ActionStarted.class)
              .get(0)
              .fact(ExperimentFact.ActionStarted.class)
              .orElseThrow()
              .targets();
      assertThat(targets).hasSize(2); // 30 % of nine Spot Instances, rounded down
      for (String t : targets) {
        assertThat(twin.ec2().instance(t.substring("instance/".length())).purchaseOption())
            .isEqualTo(PurchaseOption.SPOT);
      }
      assertThat(twin.timeline().events(Ec2Fact.SpotInstanceInterrupted.class)).hasSize(2);
      assertThat(r.lowest("group/web")).isEqualTo(8);
      assertThat(r.recoveryTime("group/web", 10))
          .hasValueSatisfying(d -> assertThat(d).isGreaterThan(ofMinutes(2)));
      assertThat(twin.autoScaling().group("web").inServiceCount()).isEqualTo(10);
    }
  }
}

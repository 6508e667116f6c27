package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.kernel.ValidationException;
import org.junit.jupiter.api.Test;

class AdviceAssertTest {

  static CloudTwin singleZoneGroup() {
    CloudTwin twin = CloudTwin.create();
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("solo")
                .minSize(2)
                .maxSize(2)
                .availabilityZones("us-east-1a")
                .build());
    return twin;
  }

  @Test
  void aFindingNobodyAcceptedFailsWithWhatHappensTheFixAndThePage() {
    try (CloudTwin twin = singleZoneGroup()) {
      assertThatThrownBy(() -> assertThat(twin).hasNoConfigurationWarnings())
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Expecting no configuration warnings
              but found 1 finding:
                CRITICAL cannot-survive-zone-loss [group/solo]
                  Group solo runs all 2 instances in us-east-1a: losing that zone loses every instance, \
              and the group has no other zone to launch replacements into until it returns.
                  Fix: Spread the group over at least two zones (VPCZoneIdentifier / AvailabilityZones), \
              with headroom for the largest zone's share.
                  See https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html
              Accept a finding you mean to keep with accepting("cannot-survive-zone-loss", "group/solo").""");
    }
  }

  @Test
  void anAcceptedRuleOrRuleAndResourcePassesAndAnotherResourceDoesNot() {
    try (CloudTwin twin = singleZoneGroup()) {
      // tag::accepting[]
      assertThat(twin.advice()).accepting("cannot-survive-zone-loss").hasNoConfigurationWarnings();
      assertThat(twin.advice())
          .accepting("cannot-survive-zone-loss", "group/solo")
          .hasNoConfigurationWarnings();
      assertThat(twin).hasNoConfigurationWarningsExcept("cannot-survive-zone-loss");
      // end::accepting[]
      assertThat(twin.advice()).hasFinding("cannot-survive-zone-loss");
      assertThatThrownBy(
              () ->
                  assertThat(twin.advice())
                      .accepting("cannot-survive-zone-loss", "group/other")
                      .hasNoConfigurationWarnings())
          .hasMessageContaining("but found 1 finding:");
      assertThatThrownBy(
              () ->
                  assertThat(twin.advice())
                      .accepting("flapping-thresholds")
                      .hasNoConfigurationWarnings())
          .hasMessageContaining("cannot-survive-zone-loss");
    }
  }

  @Test
  void aCleanTwinPassesAndAnExpectedFindingThatIsMissingFails() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThat(twin).hasNoConfigurationWarnings();
      assertThatThrownBy(() -> assertThat(twin.advice()).hasFinding("flapping-thresholds"))
          .hasMessage(
              "Expecting a finding of rule flapping-thresholds\nbut there is none. The advice:\n  No findings.");
    }
  }

  @Test
  void anUnknownRuleIdIsAValidationError() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(() -> assertThat(twin.advice()).accepting("no-such-rule"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("no-such-rule");
    }
  }
}

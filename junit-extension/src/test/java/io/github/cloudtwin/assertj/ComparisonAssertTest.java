package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.whatif.BreachTarget;
import io.github.cloudtwin.whatif.Comparison;
import io.github.cloudtwin.whatif.DemandReplay;
import io.github.cloudtwin.whatif.DemandUnit;
import io.github.cloudtwin.whatif.Estate;
import io.github.cloudtwin.whatif.RecordedLoad;
import io.github.cloudtwin.whatif.RecordedSeries;
import io.github.cloudtwin.whatif.WhatIf;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** "The new estate costs no more than the old and breaches no longer", and the failure text. */
class ComparisonAssertTest {

  private static void web(CloudTwin twin, int size) {
    String[] zones = {"us-east-1a", "us-east-1b"};
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(size)
                .maxSize(size)
                .desiredCapacity(size)
                .availabilityZones(zones)
                .targetGroupNames("web-tg")
                .build());
  }

  private static Comparison comparison(boolean withTarget) {
    StringBuilder csv = new StringBuilder();
    Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
    for (int m = 0; m < 60; m++)
      csv.append(t0.plusSeconds(60L * m)).append(',').append(m < 30 ? 6_000 : 36_000).append('\n');
    RecordedSeries s = RecordedLoad.csv("hour.csv", csv.toString());
    WhatIf w =
        WhatIf.replay(DemandReplay.of(s, DemandUnit.REQUESTS).onLoadBalancer("web").build())
            .seed(5);
    if (withTarget) w = w.target(BreachTarget.groupCpuAbove("web", 80));
    return w.compare(Estate.of("two", t -> web(t, 2)), Estate.of("four", t -> web(t, 4)));
  }

  @Test
  void moreInstancesBreachLessAndCostMore() {
    Comparison c = comparison(true);
    assertThat(c).estate("four").breachesNoLongerThan("two").breachedAtMost(Duration.ZERO);
    assertThat(c).estate("two").costsNoMoreThan("four");
    assertThatThrownBy(() -> assertThat(c).estate("four").costsNoMoreThan("two"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting estate \"four\" to cost no more than \"two\"\nbut it cost $")
        .hasMessageContaining("Comparison (same recording, seed 5):\nestate ")
        .hasMessageContaining("\ntwo ")
        .hasMessageContaining("\nfour ");
    assertThatThrownBy(() -> assertThat(c).estate("two").breachesNoLongerThan("four"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting estate \"two\" to breach no longer than \"four\"\nbut it breached for 30m and \"four\" for 0s.");
    assertThatThrownBy(() -> assertThat(c).estate("two").breachedAtMost(Duration.ofMinutes(10)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to breach for at most 10m\nbut it breached for 30m");
    assertThatThrownBy(() -> assertThat(c).estate("three"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("[two, four]");
  }

  @Test
  void withoutABreachTargetNoBreachProvesNothing() {
    Comparison c = comparison(false);
    assertThatThrownBy(() -> assertThat(c).estate("four").breachesNoLongerThan("two"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("would prove nothing");
  }
}

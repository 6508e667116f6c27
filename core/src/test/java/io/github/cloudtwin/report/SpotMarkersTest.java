package io.github.cloudtwin.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.report.Marker.Kind;
import io.github.cloudtwin.report.Marker.Tone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The steps of a Spot interruption are drawn in the report's fault lane, a lifetime replacement in
 * the deployment lane.
 */
class SpotMarkersTest {

  @Test
  void aSpotInterruptionsThreeStepsAreFaultMarkersTheInterruptionBad() {
    assertThat(Markers.classify(new Ec2Fact.RebalanceRecommended("i-1")))
        .isEqualTo(new Markers.Classified(Kind.FAULT, Tone.NEUTRAL));
    assertThat(Markers.classify(new Ec2Fact.SpotInterruptionNoticed("i-1", Instant.EPOCH)))
        .isEqualTo(new Markers.Classified(Kind.FAULT, Tone.NEUTRAL));
    assertThat(Markers.classify(new Ec2Fact.SpotInstanceInterrupted("i-1")))
        .isEqualTo(new Markers.Classified(Kind.FAULT, Tone.BAD));
    assertThat(
            Markers.classify(
                new AutoScalingFact.MaxInstanceLifetimeReached("web", "i-1", Duration.ofDays(1))))
        .isEqualTo(new Markers.Classified(Kind.DEPLOYMENT, Tone.NEUTRAL));
  }
}

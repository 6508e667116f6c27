package io.github.cloudtwin.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.junit.CloudTwinTest;
import io.github.cloudtwin.junit.ReportMode;
import io.github.cloudtwin.junit.TwinLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

// The declarative registration shown in docs/junit.md.
// tag::annotation[]
@CloudTwinTest(
    seed = 7,
    region = "us-east-1",
    availabilityZones = 2,
    start = "2026-01-01T00:00:00Z",
    lifecycle = TwinLifecycle.PER_METHOD, // default; PER_CLASS shares one twin
    report = ReportMode.ON_FAILURE) // default; ALWAYS, NEVER
class ScalingTest {
  @Test
  void launches(CloudTwin twin, Ec2 ec2, Clock clock) {
    ec2.runInstance(InstanceSpec.builder().availabilityZone("us-east-1b").build());
    twin.advance(Duration.ofMinutes(1));
    assertThat(ec2.instances(InstanceState.RUNNING)).hasSize(1);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(twin.config().zoneNames()).containsExactly("us-east-1a", "us-east-1b");
  }
}
// end::annotation[]

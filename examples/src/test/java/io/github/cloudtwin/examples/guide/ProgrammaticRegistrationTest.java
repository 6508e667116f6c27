package io.github.cloudtwin.examples.guide;

import static io.github.cloudtwin.examples.guide.Alarms.cpuHigh;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.CloudTwinExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic registration shown in docs/junit.md. */
class ProgrammaticRegistrationTest {

  // tag::programmatic[]
  @RegisterExtension
  static CloudTwinExtension twin =
      CloudTwinExtension.builder()
          .seed(7)
          .configure(b -> b.availabilityZones("us-east-1a", "us-east-1c")) // CloudTwin.Builder
          .setup(t -> t.cloudWatch().putMetricAlarm(cpuHigh)) // the built twin
          .build();

  // end::programmatic[]

  @Test
  void theTwinHasTheChosenZonesAndTheAlarm(CloudTwin injected) {
    assertThat(injected.config().zoneNames()).containsExactly("us-east-1a", "us-east-1c");
    assertThat(injected.cloudWatch().alarm("cpu-high").spec().threshold()).isEqualTo(80);
    assertThat(injected.seed()).isEqualTo(7);
  }
}

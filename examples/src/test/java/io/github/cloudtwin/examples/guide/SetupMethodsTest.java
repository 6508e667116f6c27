package io.github.cloudtwin.examples.guide;

import static io.github.cloudtwin.examples.guide.Alarms.cpuHigh;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.CloudTwinSetup;
import io.github.cloudtwin.junit.CloudTwinTest;
import org.junit.jupiter.api.Test;

/** The two kinds of setup method shown in docs/junit.md. */
@CloudTwinTest
class SetupMethodsTest {

  // tag::setup-methods[]
  @CloudTwinSetup
  void zones(CloudTwin.Builder builder) { // before the twin is built
    builder.availabilityZones("us-east-1a", "us-east-1b");
  }

  @CloudTwinSetup
  void alarms(CloudTwin twin) { // right after it is built
    twin.cloudWatch().putMetricAlarm(cpuHigh);
  }

  // end::setup-methods[]

  @Test
  void bothRanBeforeTheTest(CloudTwin twin) {
    assertThat(twin.config().zoneNames()).containsExactly("us-east-1a", "us-east-1b");
    assertThat(twin.cloudWatch().alarms())
        .extracting(a -> a.alarmName())
        .containsExactly("cpu-high");
  }
}

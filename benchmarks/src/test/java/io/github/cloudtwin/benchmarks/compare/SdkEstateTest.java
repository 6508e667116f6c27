package io.github.cloudtwin.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The typical estate built on the twin through the SDK clients, and its read-back's checks. */
class SdkEstateTest {

  @Test
  void theEstateIsCreatedAndReadsBackWithEveryCount() {
    try (CloudTwin twin = SdkEstate.createAndReadBack(7)) {
      assertThat(twin.autoScaling().group(Estate.GROUP).instances()).hasSize(Estate.DESIRED);
      assertThat(twin.ecs().service(Estate.CLUSTER, Estate.SERVICE).desiredCount())
          .isEqualTo(Estate.TASKS);
    }
  }

  @Test
  void theReadBackFailsNamingTheSideAndTheCountThatDiffers() {
    try (CloudTwin twin =
        CloudTwin.builder()
            .seed(7)
            .availabilityZones(Estate.ZONES.toArray(String[]::new))
            .build()) {
      AwsSdkClients sdk = AwsSdkClients.of(twin);
      SdkEstate.Created c = SdkEstate.create(sdk);
      twin.advance(Duration.ofMinutes(1));
      sdk.cloudWatch().deleteAlarms(b -> b.alarmNames(Estate.ALARM_LOW));

      assertThatThrownBy(() -> SdkEstate.readBack(sdk, c))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("CloudTwin (SDK) read-back: alarms = 1, expected 2");
    }
  }
}

package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstanceAssertTest {

  private CloudTwin twin;
  private Instance instance;

  @BeforeEach
  void launch() {
    twin = CloudTwin.builder().seed(1).build();
    instance =
        twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1b").build());
  }

  @AfterEach
  void close() {
    twin.close();
  }

  @Test
  void isRunningPassesOnceBooted() {
    twin.advance(Duration.ofSeconds(30));
    assertThat(instance).isRunning().isInZone("us-east-1b");
    assertThat(twin).instance(instance.instanceId()).isRunning();
  }

  @Test
  void isRunningFailsShowingTheInstancesTimelineAndWhenItLastRan() {
    twin.advance(Duration.ofMinutes(2));
    twin.ec2().stopInstance(instance.instanceId());
    twin.advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> assertThat(twin).instance(instance.instanceId()).isRunning())
        .hasMessage(
            "Expecting instance i-0c3a11b03326a7bf5 (t3.micro, us-east-1b, stopped) to be running\n"
                + "but it is stopped (since +00:02:30).\n"
                + "Timeline (4 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  instance/i-0c3a11b03326a7bf5  launched t3.micro in us-east-1b (pending)\n"
                + "  +00:00:30  instance/i-0c3a11b03326a7bf5  pending -> running\n"
                + "  +00:02:00  instance/i-0c3a11b03326a7bf5  running -> stopping\n"
                + "  +00:02:30  instance/i-0c3a11b03326a7bf5  stopping -> stopped\n"
                + "It was running from +00:00:30 to +00:02:00.");
  }

  @Test
  void aLongHistoryShowsOnlyTheNewestTwelveEventsAndSaysSo() {
    for (int i = 0; i < 5; i++) {
      twin.advance(Duration.ofMinutes(1));
      twin.ec2().stopInstance(instance.instanceId());
      twin.advance(Duration.ofMinutes(1));
      twin.ec2().startInstance(instance.instanceId());
    }
    twin.advance(Duration.ofMinutes(1));
    twin.ec2().stopInstance(instance.instanceId());
    twin.advance(Duration.ofMinutes(1));
    String id = instance.instanceId();
    assertThatThrownBy(() -> assertThat(instance).in(twin).isRunning())
        .hasMessage(
            "Expecting instance "
                + id
                + " (t3.micro, us-east-1b, stopped) to be running\n"
                + "but it is stopped (since +00:11:30).\n"
                + "Timeline (last 12 of 24 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:06:00  instance/"
                + id
                + "  stopped -> pending\n"
                + "  +00:06:30  instance/"
                + id
                + "  pending -> running\n"
                + "  +00:07:00  instance/"
                + id
                + "  running -> stopping\n"
                + "  +00:07:30  instance/"
                + id
                + "  stopping -> stopped\n"
                + "  +00:08:00  instance/"
                + id
                + "  stopped -> pending\n"
                + "  +00:08:30  instance/"
                + id
                + "  pending -> running\n"
                + "  +00:09:00  instance/"
                + id
                + "  running -> stopping\n"
                + "  +00:09:30  instance/"
                + id
                + "  stopping -> stopped\n"
                + "  +00:10:00  instance/"
                + id
                + "  stopped -> pending\n"
                + "  +00:10:30  instance/"
                + id
                + "  pending -> running\n"
                + "  +00:11:00  instance/"
                + id
                + "  running -> stopping\n"
                + "  +00:11:30  instance/"
                + id
                + "  stopping -> stopped\n"
                + "It was running from +00:10:30 to +00:11:00.");
  }

  @Test
  void theInstanceAloneShowsOffsetsAndItsTimeline() {
    assertThatThrownBy(() -> assertThat(instance).isRunning())
        .hasMessageStartingWith(
            "Expecting instance i-0c3a11b03326a7bf5 (t3.micro, us-east-1b, pending) to be running\n"
                + "but it is pending (since +00:00:00).\n"
                + "Timeline (1 event, t0 = 2026-01-01T00:00:00Z):\n");
  }

  @Test
  void isInZoneFails() {
    assertThatThrownBy(() -> assertThat(instance).in(twin).isInZone("us-east-1a"))
        .hasMessage(
            "Expecting instance i-0c3a11b03326a7bf5 to be in us-east-1a\n"
                + "but it is in us-east-1b.\n"
                + "Timeline (1 event, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  instance/i-0c3a11b03326a7bf5  launched t3.micro in us-east-1b (pending)");
  }

  @Test
  void softAssertionsCollectEveryFailure() {
    CloudTwinSoftAssertions softly = new CloudTwinSoftAssertions();
    softly.assertThat(instance).in(twin).isRunning().isInZone("us-east-1c");
    softly
        .assertThat(twin.timeline())
        .hasEventAt(Duration.ZERO, "instance/" + instance.instanceId(), "launched");
    softly
        .assertThat(twin.timeline())
        .hasEventAt(Duration.ofMinutes(1), "instance/" + instance.instanceId(), "launched");
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(3);
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected().get(0))
        .hasMessageStartingWith(
            "Expecting instance i-0c3a11b03326a7bf5 (t3.micro, us-east-1b, pending) to be running");
    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected().get(1))
        .hasMessageStartingWith("Expecting instance i-0c3a11b03326a7bf5 to be in us-east-1c");
    assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (3 failures)");
  }
}

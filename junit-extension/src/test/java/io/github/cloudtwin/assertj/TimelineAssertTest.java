package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.assertj.CloudTwinAssertions.event;
import static io.github.cloudtwin.assertj.CloudTwinAssertions.fact;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.Ec2Fact;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimelineAssertTest {

  private CloudTwin twin;
  private Instance instance;

  @BeforeEach
  void story() {
    twin = CloudTwin.builder().seed(1).availabilityZones(2).build();
    instance =
        twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
    twin.advance(Duration.ofMinutes(2));
    twin.faults().failZone("us-east-1a");
    twin.advance(Duration.ofMinutes(3));
    twin.faults().restoreZone("us-east-1a");
    twin.ec2().terminateInstance(instance.instanceId());
    twin.advance(Duration.ofMinutes(1));
  }

  @AfterEach
  void close() {
    twin.close();
  }

  String id() {
    return instance.instanceId();
  }

  @Test
  void containsInOrderPasses() {
    assertThat(twin.timeline())
        .containsInOrder(
            event("instance/*", "launch", "pending"),
            event("instance/" + id(), "-> running"),
            event("zone/us-east-1a", "zone-impaired", ""),
            event("zone/us-east-1a", "IMPAIRED -> AVAILABLE"),
            event("instance/" + id(), "-> terminated"));
  }

  @Test
  void containsInOrderMatchesTypedFacts() {
    assertThat(twin.timeline())
        .containsInOrder(
            fact(Ec2Fact.InstanceLaunched.class, l -> l.availabilityZone().equals("us-east-1a")),
            fact(Ec2Fact.InstanceStateChanged.class, s -> s.to() == InstanceState.RUNNING)
                .of("instance/" + id()),
            fact(Ec2Fact.ZoneStateChanged.class, Ec2Fact.ZoneStateChanged::impaired),
            fact(Ec2Fact.ZoneStateChanged.class, z -> !z.impaired()).of("zone/us-east-1a"),
            fact(Ec2Fact.InstanceStateChanged.class, s -> s.to() == InstanceState.TERMINATED));
  }

  @Test
  void aFactPatternFailsNamingTheFactTypeAndTheClosestEvent() {
    assertThatThrownBy(
            () ->
                assertThat(twin.timeline())
                    .containsInOrder(
                        fact(Ec2Fact.ZoneStateChanged.class, z -> z.zone().equals("us-east-1b"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting the timeline to contain, in order:\n"
                + "  1. * Ec2Fact.ZoneStateChanged (with a condition)\n"
                + "but no event matched 1.\n")
        .hasMessageEndingWith(
            "\nClosest to 1.: #4 +00:05:00  zone/us-east-1a  IMPAIRED -> AVAILABLE  (fact"
                + " ZoneStateChanged[zone=us-east-1a, from=IMPAIRED, to=AVAILABLE] does not satisfy the condition)");
  }

  @Test
  void containsInOrderFailsNamingWhatMatchedTheSliceAndTheClosestEvent() {
    assertThatThrownBy(
            () ->
                assertThat(twin.timeline())
                    .containsInOrder(
                        event("zone/us-east-1a", "zone-impaired", ""),
                        event("instance/" + id(), "-> running")))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expecting the timeline to contain, in order:\n"
                + "  1. zone/us-east-1a [zone-impaired]  (found: #3 at +00:02:00)\n"
                + "  2. instance/i-0c3a11b03326a7bf5 \"-> running\"\n"
                + "but no event after +00:02:00 (#3) matched 2.\n"
                + "Timeline (6 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  instance/i-0c3a11b03326a7bf5  launched t3.micro in us-east-1a (pending)\n"
                + "  +00:00:30  instance/i-0c3a11b03326a7bf5  pending -> running\n"
                + "  +00:02:00  zone/us-east-1a  AVAILABLE -> IMPAIRED\n"
                + "  +00:05:00  zone/us-east-1a  IMPAIRED -> AVAILABLE\n"
                + "  +00:05:00  instance/i-0c3a11b03326a7bf5  running -> shutting-down\n"
                + "  +00:05:30  instance/i-0c3a11b03326a7bf5  shutting-down -> terminated\n"
                + "Closest to 2.: #2 +00:00:30  instance/i-0c3a11b03326a7bf5  pending -> running  (it matches, but happened before 1.)");
  }

  @Test
  void containsInOrderFailsWhenNothingMatchesTheFirst() {
    assertThatThrownBy(
            () ->
                assertThat(twin.timeline())
                    .containsInOrder(event("zone/us-east-1b", "zone-impaired", "")))
        .hasMessage(
            "Expecting the timeline to contain, in order:\n"
                + "  1. zone/us-east-1b [zone-impaired]\n"
                + "but no event matched 1.\n"
                + "Timeline (6 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  instance/i-0c3a11b03326a7bf5  launched t3.micro in us-east-1a (pending)\n"
                + "  +00:00:30  instance/i-0c3a11b03326a7bf5  pending -> running\n"
                + "  +00:02:00  zone/us-east-1a  AVAILABLE -> IMPAIRED\n"
                + "  +00:05:00  zone/us-east-1a  IMPAIRED -> AVAILABLE\n"
                + "  +00:05:00  instance/i-0c3a11b03326a7bf5  running -> shutting-down\n"
                + "  +00:05:30  instance/i-0c3a11b03326a7bf5  shutting-down -> terminated");
  }

  @Test
  void hasEventAtPasses() {
    assertThat(twin.timeline())
        .hasEventAt(Duration.ofMinutes(2), "zone/us-east-1a", "AVAILABLE -> IMPAIRED");
  }

  @Test
  void hasEventAtFailsShowingTheClosestMatch() {
    assertThatThrownBy(
            () ->
                assertThat(twin.timeline())
                    .hasEventAt(Duration.ofMinutes(3), "zone/us-east-1a", "AVAILABLE -> IMPAIRED"))
        .hasMessage(
            "Expecting an event of zone/us-east-1a containing \"AVAILABLE -> IMPAIRED\" at +00:03:00 (virtual time)\n"
                + "but there was none at that time.\n"
                + "Timeline (2 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:02:00  zone/us-east-1a  AVAILABLE -> IMPAIRED\n"
                + "  +00:05:00  zone/us-east-1a  IMPAIRED -> AVAILABLE\n"
                + "Closest: +00:02:00  zone/us-east-1a  AVAILABLE -> IMPAIRED  (1m earlier)");
  }

  @Test
  void hasEventAtFailsWhenThereIsNoSuchEvent() {
    assertThatThrownBy(
            () ->
                assertThat(twin.timeline())
                    .hasEventAt(Duration.ZERO, "zone/us-east-1b", "IMPAIRED"))
        .hasMessage(
            "Expecting an event of zone/us-east-1b containing \"IMPAIRED\" at +00:00:00 (virtual time)\n"
                + "but there was no such event at all.\n"
                + "Timeline (6 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:00  instance/i-0c3a11b03326a7bf5  launched t3.micro in us-east-1a (pending)\n"
                + "  +00:00:30  instance/i-0c3a11b03326a7bf5  pending -> running\n"
                + "  +00:02:00  zone/us-east-1a  AVAILABLE -> IMPAIRED\n"
                + "  +00:05:00  zone/us-east-1a  IMPAIRED -> AVAILABLE\n"
                + "  +00:05:00  instance/i-0c3a11b03326a7bf5  running -> shutting-down\n"
                + "  +00:05:30  instance/i-0c3a11b03326a7bf5  shutting-down -> terminated");
  }

  @Test
  void descriptionPrefixesTheMessage() {
    assertThatThrownBy(
            () ->
                assertThat(twin.timeline())
                    .as("story")
                    .hasEventAt(Duration.ZERO, "zone/us-east-1b", "IMPAIRED"))
        .hasMessageStartingWith("[story] Expecting an event of zone/us-east-1b");
  }
}

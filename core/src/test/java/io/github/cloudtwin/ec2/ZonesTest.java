package io.github.cloudtwin.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The zones of one EC2 without instances: states, capacity and what may launch where. */
class ZonesTest {

  private final Kernel kernel = new Kernel(Instant.parse("2026-01-01T00:00:00Z"), 1);
  private final Zones zones =
      new Zones(
          kernel,
          List.of(
              new AvailabilityZone("us-east-1a", "use1-az1", "us-east-1"),
              new AvailabilityZone("us-east-1b", "use1-az2", "us-east-1")));

  private List<Ec2Fact.ZoneStateChanged> stateChanges() {
    return kernel.timeline().events(Ec2Fact.ZoneStateChanged.class).stream()
        .map(e -> e.fact(Ec2Fact.ZoneStateChanged.class).orElseThrow())
        .toList();
  }

  @Test
  void zonesKeepTheirOrderAndStartAvailable() {
    assertThat(zones.all())
        .extracting(AvailabilityZone::name)
        .containsExactly("us-east-1a", "us-east-1b");
    assertThat(zones.state("us-east-1a")).isEqualTo(ZoneState.AVAILABLE);
    assertThat(zones.zone("us-east-1b").zoneId()).isEqualTo("use1-az2");
  }

  @Test
  void anUnknownZoneIsRefusedListingTheZones() {
    assertThatThrownBy(() -> zones.zone("us-west-2a"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("us-west-2a")
        .hasMessageContaining("[us-east-1a, us-east-1b]");
  }

  @Test
  void anOutageIsRecordedOnceAndItsEndOnce() {
    assertThat(zones.setState("us-east-1a", ZoneState.IMPAIRED)).isTrue();
    assertThat(zones.setState("us-east-1a", ZoneState.IMPAIRED)).isFalse();
    assertThat(zones.launchable("us-east-1a", "t3.micro")).isFalse();
    assertThat(zones.launchable("us-east-1b", "t3.micro")).isTrue();
    assertThat(zones.setState("us-east-1a", ZoneState.AVAILABLE)).isTrue();
    assertThat(zones.setState("us-east-1a", ZoneState.AVAILABLE)).isFalse();

    assertThat(stateChanges())
        .containsExactly(
            new Ec2Fact.ZoneStateChanged("us-east-1a", ZoneState.AVAILABLE, ZoneState.IMPAIRED),
            new Ec2Fact.ZoneStateChanged("us-east-1a", ZoneState.IMPAIRED, ZoneState.AVAILABLE));
    assertThat(zones.launchable("us-east-1a", "t3.micro")).isTrue();
  }

  @Test
  void missingCapacityBlocksOnlyThatTypeInThatZoneAndIsRecordedOnChangeOnly() {
    zones.setInsufficientCapacity("us-east-1a", "c5.large", true);
    zones.setInsufficientCapacity("us-east-1a", "c5.large", true);

    assertThat(zones.launchable("us-east-1a", "c5.large")).isFalse();
    assertThat(zones.launchable("us-east-1a", "t3.micro")).isTrue();
    assertThat(zones.launchable("us-east-1b", "c5.large")).isTrue();

    zones.setInsufficientCapacity("us-east-1a", "c5.large", false);
    zones.setInsufficientCapacity("us-east-1a", "c5.large", false);

    assertThat(zones.launchable("us-east-1a", "c5.large")).isTrue();
    List<TimelineEvent> changes = kernel.timeline().events(Ec2Fact.ZoneCapacityChanged.class);
    assertThat(changes)
        .extracting(e -> e.fact(Ec2Fact.ZoneCapacityChanged.class).orElseThrow().insufficient())
        .containsExactly(true, false);
  }
}

package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a task's containers count as unreachable (no Docker engine needed). */
class ZoneImpairmentsTest {

  private final ZoneImpairments zones = new ZoneImpairments();
  private final TaskContainers tc = new TaskContainers((task, container, code) -> {});

  @Test
  void aTaskInAnImpairedZoneIsUnreachableUntilTheZoneIsRestored() {
    assertThat(zones.unreachable("us-east-1a", tc)).isFalse();

    zones.zoneChanged("us-east-1a", true, Map.of());
    assertThat(zones.unreachable("us-east-1a", tc)).isTrue();
    assertThat(zones.unreachable("us-east-1b", tc)).isFalse();

    zones.zoneChanged("us-east-1a", false, Map.of());
    assertThat(zones.unreachable("us-east-1a", tc)).isFalse();
  }

  @Test
  void aZoneImpairedAtInstallCounts() {
    zones.impaired("us-east-1c");

    assertThat(zones.unreachable("us-east-1c", tc)).isTrue();
  }

  @Test
  void aTaskWhoseHostIsUnreachableStaysUnreachableInAHealthyZoneOrWithoutOne() {
    tc.hostUnreachable = true;

    assertThat(zones.unreachable("us-east-1a", tc)).isTrue();
    assertThat(zones.unreachable(null, tc)).isTrue();
  }

  @Test
  void aTaskWithoutAZoneIsReachableWhateverZoneIsImpaired() {
    zones.zoneChanged("us-east-1a", true, Map.of());

    assertThat(zones.unreachable(null, tc)).isFalse();
  }
}

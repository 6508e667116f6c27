package io.github.cloudtwin;

import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.kernel.Require;
import java.time.Instant;
import java.util.List;

/**
 * The validated configuration of a twin.
 *
 * @param region the region code
 * @param availabilityZones the zones, in name order
 * @param seed the seed of every random choice
 * @param start the instant virtual time starts at
 */
public record TwinConfig(String region, List<AvailabilityZone> availabilityZones, long seed, Instant start) {

  /**
   * Validates and copies.
   *
   * @param region the region code
   * @param availabilityZones the zones, in name order
   * @param seed the seed of every random choice
   * @param start the instant virtual time starts at
   */
  public TwinConfig {
    Require.name("region", region);
    availabilityZones = List.copyOf(Require.notNull("availabilityZones", availabilityZones));
    Require.notNull("start", start);
  }

  /** {@return the zone names, in order} */
  public List<String> zoneNames() {
    return availabilityZones.stream().map(AvailabilityZone::name).toList();
  }
}

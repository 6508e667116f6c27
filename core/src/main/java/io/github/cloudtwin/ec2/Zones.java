package io.github.cloudtwin.ec2;

import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Availability Zones of one EC2: the zones by name, each one's state (available or impaired by
 * an outage) and the zone and instance type pairs EC2 is short of capacity for; decides whether a
 * launch or start may go into a zone. The zones are fixed at construction; states and capacity
 * change on the simulation thread only.
 */
final class Zones {

  private final Kernel kernel;
  private final Map<String, AvailabilityZone> zones = new LinkedHashMap<>();
  private final Map<String, ZoneState> zoneStates = new HashMap<>();

  /** Zone and instance type pairs ({@code zone + " " + type}) EC2 has no capacity for. */
  private final Set<String> noCapacity = new HashSet<>();

  Zones(Kernel kernel, List<AvailabilityZone> zones) {
    this.kernel = kernel;
    for (AvailabilityZone z : zones) {
      this.zones.put(z.name(), z);
      zoneStates.put(z.name(), ZoneState.AVAILABLE);
    }
  }

  List<AvailabilityZone> all() {
    return List.copyOf(zones.values());
  }

  /** The zone named {@code name}, or a ValidationException listing the twin's zones. */
  AvailabilityZone zone(String name) {
    Require.name("availabilityZone", name);
    AvailabilityZone z = zones.get(name);
    if (z == null) {
      throw new ValidationException(
          "availabilityZone", name, "one of the twin's zones " + zones.keySet());
    }
    return z;
  }

  ZoneState state(String name) {
    return Objects.requireNonNull(zoneStates.get(name), () -> "no state for zone " + name);
  }

  /**
   * Sets a zone's state, recording {@code ZoneStateChanged} when it changes.
   *
   * @return whether the state changed
   */
  boolean setState(String name, ZoneState to) {
    ZoneState from = to == ZoneState.IMPAIRED ? ZoneState.AVAILABLE : ZoneState.IMPAIRED;
    if (zoneStates.put(name, to) == to) {
      return false;
    }
    kernel.timeline().record(new Ec2Fact.ZoneStateChanged(name, from, to));
    return true;
  }

  /** Makes the zone short of (or again have) capacity for the type, recording a change. */
  void setInsufficientCapacity(String zone, String instanceType, boolean insufficient) {
    boolean changed =
        insufficient
            ? noCapacity.add(zone + " " + instanceType)
            : noCapacity.remove(zone + " " + instanceType);
    if (changed) {
      kernel.timeline().record(new Ec2Fact.ZoneCapacityChanged(zone, instanceType, insufficient));
    }
  }

  /** Whether an instance of the type can be launched or started in the zone now. */
  boolean launchable(String zone, String instanceType) {
    return zoneStates.get(zone) != ZoneState.IMPAIRED
        && !noCapacity.contains(zone + " " + instanceType);
  }
}

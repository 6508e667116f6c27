package io.github.cloudtwin.whatif;

import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An Auto Scaling group's InService instances per zone from {@code time} until the next point.
 *
 * @param time when the count changed
 * @param groupName the group
 * @param inServiceByZone InService instances per zone, sorted by zone
 * @param inService their total
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record CapacityPoint(
    Instant time, String groupName, Map<String, Integer> inServiceByZone, int inService) {

  /**
   * Copies the map.
   *
   * @param time when the count changed
   * @param groupName the group
   * @param inServiceByZone InService instances per zone
   * @param inService their total
   */
  public CapacityPoint {
    inServiceByZone =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inServiceByZone));
  }
}

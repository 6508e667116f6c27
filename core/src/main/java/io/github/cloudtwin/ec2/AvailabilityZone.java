package io.github.cloudtwin.ec2;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * An Availability Zone: its name ({@code us-east-1a}), its zone id ({@code use1-az1}) and region.
 *
 * @param name the zone name: region code plus a letter
 * @param zoneId the physical zone id
 * @param region the region code
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record AvailabilityZone(String name, String zoneId, String region) {

  /**
   * Validates.
   *
   * @param name the zone name: region code plus a letter
   * @param zoneId the physical zone id
   * @param region the region code
   */
  public AvailabilityZone {
    Require.name("zoneName", name);
    Require.name("zoneId", zoneId);
    Require.name("region", region);
  }

  @Override
  public String toString() {
    return name;
  }
}

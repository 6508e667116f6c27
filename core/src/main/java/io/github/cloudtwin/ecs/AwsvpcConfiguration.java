package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A service's {@code networkConfiguration.awsvpcConfiguration}, as the twin models it: the zones of
 * its subnets (the twin has one subnet per zone) and whether tasks get a public IP. The service's
 * tasks are placed only in those zones: on container instances there (EC2) or there on Fargate.
 *
 * @param availabilityZones the zones of the service's subnets, 1 to 16, no repeats
 * @param assignPublicIp AssignPublicIp ENABLED (true) or DISABLED (false, the default); only
 *     Fargate tasks may get one
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record AwsvpcConfiguration(List<String> availabilityZones, boolean assignPublicIp) {

  /**
   * Validates.
   *
   * @param availabilityZones the zones of the service's subnets, 1 to 16, no repeats
   * @param assignPublicIp AssignPublicIp ENABLED (true) or DISABLED (false)
   */
  public AwsvpcConfiguration {
    availabilityZones =
        Require.elements("networkConfiguration.awsvpcConfiguration.subnets", availabilityZones);
    if (availabilityZones.isEmpty() || availabilityZones.size() > 16) {
      throw new ValidationException(
          "networkConfiguration.awsvpcConfiguration.subnets",
          availabilityZones,
          "between 1 and 16 subnets");
    }
    if (new LinkedHashSet<>(availabilityZones).size() != availabilityZones.size()) {
      throw new ValidationException(
          "networkConfiguration.awsvpcConfiguration.subnets",
          availabilityZones,
          "each zone at most once (the twin has one subnet per zone)");
    }
  }

  /**
   * Subnets in these zones, without a public IP.
   *
   * @param zones the zones
   * @return the configuration
   */
  public static AwsvpcConfiguration zones(String... zones) {
    return new AwsvpcConfiguration(
        Require.elements("networkConfiguration.awsvpcConfiguration.subnets", zones), false);
  }

  /**
   * This configuration with AssignPublicIp ENABLED or DISABLED.
   *
   * @param enabled true for ENABLED
   * @return this configuration with another AssignPublicIp
   */
  public AwsvpcConfiguration withAssignPublicIp(boolean enabled) {
    return new AwsvpcConfiguration(availabilityZones, enabled);
  }
}

package io.github.cloudtwin;

import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.Arns;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The validated configuration of a twin.
 *
 * @param region the region code
 * @param availabilityZones the zones, in name order
 * @param seed the seed of every random choice
 * @param start the instant virtual time starts at
 * @param accountId the 12-digit account id in every ARN (default {@value Arns#DEFAULT_ACCOUNT_ID})
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TwinConfig(
    String region,
    List<AvailabilityZone> availabilityZones,
    long seed,
    Instant start,
    String accountId) {

  /**
   * Validates and copies.
   *
   * @param region the region code
   * @param availabilityZones the zones, in name order
   * @param seed the seed of every random choice
   * @param start the instant virtual time starts at
   * @param accountId the 12-digit account id in every ARN
   */
  public TwinConfig {
    Require.name("region", region);
    availabilityZones = List.copyOf(Require.notNull("availabilityZones", availabilityZones));
    Require.notNull("start", start);
    Arns.accountId(accountId);
  }

  /**
   * A configuration in the default account ({@value Arns#DEFAULT_ACCOUNT_ID}).
   *
   * @param region the region code
   * @param availabilityZones the zones, in name order
   * @param seed the seed of every random choice
   * @param start the instant virtual time starts at
   */
  public TwinConfig(
      String region, List<AvailabilityZone> availabilityZones, long seed, Instant start) {
    this(region, availabilityZones, seed, start, Arns.DEFAULT_ACCOUNT_ID);
  }

  /** {@return the ARNs of this configuration's region and account} */
  public Arns arns() {
    return new Arns(region, accountId);
  }

  /** {@return the zone names, in order} */
  public List<String> zoneNames() {
    return availabilityZones.stream().map(AvailabilityZone::name).toList();
  }
}

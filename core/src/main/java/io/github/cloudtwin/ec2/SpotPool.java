package io.github.cloudtwin.ec2;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;

/**
 * One Spot capacity pool: the spare EC2 capacity of one instance type in one Availability Zone,
 * with its current Spot price. The twin's Spot market is a table of these, one per type and zone: a
 * test sets entries with {@code ec2.putSpotPool(...)}; an entry not set has seeded defaults ({@link
 * Ec2#spotPool(String, String)}).
 *
 * @param availabilityZone the zone
 * @param instanceType a catalogue instance type
 * @param spotPrice the current Spot price, USD per instance-hour, greater than 0 and at most 1,000
 * @param capacity how many Spot Instances the pool can hold at once (running and pending), 0 to
 *     1,000,000; a launch beyond it fails with InsufficientInstanceCapacity
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record SpotPool(
    String availabilityZone, String instanceType, double spotPrice, int capacity) {

  /**
   * Validates.
   *
   * @param availabilityZone the zone
   * @param instanceType a catalogue instance type
   * @param spotPrice USD per instance-hour, greater than 0 and at most 1,000
   * @param capacity 0 to 1,000,000 instances
   */
  public SpotPool {
    Require.name("availabilityZone", availabilityZone);
    InstanceType.of(instanceType);
    if (!(spotPrice > 0) || spotPrice > 1000) {
      throw new ValidationException(
          "spotPrice", spotPrice, "a price in USD per hour greater than 0 and at most 1000");
    }
    Require.between("capacity", capacity, 0, 1_000_000);
  }

  /**
   * This pool with another capacity.
   *
   * @param instances 0 to 1,000,000
   * @return this pool holding {@code instances}
   */
  public SpotPool withCapacity(int instances) {
    return new SpotPool(availabilityZone, instanceType, spotPrice, instances);
  }

  /**
   * This pool at another price.
   *
   * @param usdPerHour greater than 0 and at most 1,000
   * @return this pool at {@code usdPerHour}
   */
  public SpotPool withSpotPrice(double usdPerHour) {
    return new SpotPool(availabilityZone, instanceType, usdPerHour, capacity);
  }
}

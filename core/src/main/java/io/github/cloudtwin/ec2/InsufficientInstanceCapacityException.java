package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/**
 * EC2's {@code InsufficientInstanceCapacity} error: a launch into a zone that cannot take it (in
 * the twin: an impaired zone).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class InsufficientInstanceCapacityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The zone that could not take the launch. */
  private final String availabilityZone;

  /**
   * Creates the error for {@code instanceType} in {@code zone}.
   *
   * @param instanceType the instance type
   * @param zone the zone
   */
  public InsufficientInstanceCapacityException(String instanceType, String zone) {
    super(
        "InsufficientInstanceCapacity: We currently do not have sufficient "
            + instanceType
            + " capacity in the Availability Zone you requested ("
            + zone
            + ").");
    this.availabilityZone = zone;
  }

  /**
   * Creates the error with EC2's message for a Spot request no pool can take.
   *
   * @param zone the zone
   * @return the error: {@code InsufficientInstanceCapacity: There is no Spot capacity available
   *     that matches your request.}
   */
  public static InsufficientInstanceCapacityException noSpotCapacity(String zone) {
    return new InsufficientInstanceCapacityException(
        "InsufficientInstanceCapacity: There is no Spot capacity available that matches your request.",
        zone,
        true);
  }

  // "spot" only tells this constructor from the public (instanceType, zone) one.
  @SuppressWarnings("UnusedVariable")
  private InsufficientInstanceCapacityException(String message, String zone, boolean spot) {
    super(message);
    this.availabilityZone = zone;
  }

  /** {@return the zone that refused the launch} */
  public String availabilityZone() {
    return availabilityZone;
  }
}

package io.github.cloudtwin.ec2;

/**
 * EC2's {@code InsufficientInstanceCapacity} error: a launch into a zone that cannot take it (in
 * the twin: an impaired zone).
 */
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

  /** {@return the zone that refused the launch} */
  public String availabilityZone() {
    return availabilityZone;
  }
}

package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/** What a group does when launches into a zone fail ({@code AvailabilityZoneDistribution}). */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum CapacityDistributionStrategy {
  /** Launch in another healthy zone (the default). */
  BALANCED_BEST_EFFORT("balanced-best-effort"),
  /** Keep retrying the failing zone to stay balanced; capacity stays short meanwhile. */
  BALANCED_ONLY("balanced-only");

  private final String awsName;

  CapacityDistributionStrategy(String awsName) {
    this.awsName = awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}

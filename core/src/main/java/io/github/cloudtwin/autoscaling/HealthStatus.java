package io.github.cloudtwin.autoscaling;

/** The health of an instance as its Auto Scaling group sees it. */
public enum HealthStatus {
  /** Healthy (every instance starts so). */
  HEALTHY("Healthy"),
  /** Unhealthy: it will be replaced. */
  UNHEALTHY("Unhealthy");

  private final String awsName;

  HealthStatus(String awsName) {
    this.awsName = awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}

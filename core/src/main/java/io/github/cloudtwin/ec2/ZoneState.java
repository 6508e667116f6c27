package io.github.cloudtwin.ec2;

/** The state of an Availability Zone as the twin presents it. */
public enum ZoneState {
  /** Working normally. */
  AVAILABLE,
  /** Out: its instances stop answering and reporting metrics; launches into it fail. */
  IMPAIRED
}

package io.github.cloudtwin.ec2;

import org.apiguardian.api.API;

/** The state of an Availability Zone as the twin presents it. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ZoneState {
  /** Working normally. */
  AVAILABLE,
  /** Out: its instances stop answering and reporting metrics; launches into it fail. */
  IMPAIRED
}

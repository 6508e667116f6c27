package io.github.cloudtwin.cloudwatch;

import org.apiguardian.api.API;

/** How an alarm treats missing datapoints, with AWS's names ({@code missing} is the default). */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum TreatMissingData {
  /** Missing points are neither good nor bad; all missing gives INSUFFICIENT_DATA. */
  missing,
  /** Missing points count as within the threshold. */
  notBreaching,
  /** Missing points count as breaching. */
  breaching,
  /** Missing points keep the current state. */
  ignore
}

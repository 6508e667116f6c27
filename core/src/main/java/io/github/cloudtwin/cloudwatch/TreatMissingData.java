package io.github.cloudtwin.cloudwatch;

/** How an alarm treats missing datapoints, with AWS's names ({@code missing} is the default). */
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

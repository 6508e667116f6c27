package io.github.cloudtwin.cloudwatch;

/** The order of {@link CloudWatch#getMetricData} datapoints, as GetMetricData's {@code ScanBy}. */
public enum ScanBy {
  /** Newest first, AWS's default. */
  TIMESTAMP_DESCENDING,
  /** Oldest first. */
  TIMESTAMP_ASCENDING;

  /** {@return AWS's name: {@code TimestampDescending} or {@code TimestampAscending}} */
  public String awsName() {
    return this == TIMESTAMP_DESCENDING ? "TimestampDescending" : "TimestampAscending";
  }
}

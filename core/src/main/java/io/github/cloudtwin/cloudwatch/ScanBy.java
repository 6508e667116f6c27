package io.github.cloudtwin.cloudwatch;

import org.apiguardian.api.API;

/** The order of {@link CloudWatch#getMetricData} datapoints, as GetMetricData's {@code ScanBy}. */
@API(status = API.Status.STABLE, since = "0.1.0")
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

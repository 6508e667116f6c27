package io.github.cloudtwin.whatif;

import org.apiguardian.api.API;

/**
 * What a demand replay offers where the recording has no datapoint (a spacing longer than the
 * series' resolution).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Gaps {
  /**
   * No requests: right for request counts, which Elastic Load Balancing reports only while requests
   * flow (the default for request demand).
   */
  ZERO,
  /** The rate of the datapoint before the gap (the default for CPU demand). */
  HOLD,
  /** Refuse the recording, naming the datapoints around the first gap. */
  REJECT
}

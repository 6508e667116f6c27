package io.github.cloudtwin.whatif;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A recorded series and how the twin replays it: as a metric, datapoint by datapoint ({@link
 * MetricReplay}), or as a demand curve the traffic model serves ({@link DemandReplay}), so that
 * capacity changes feed back into the metrics. Immutable specs: one replay can run on any number of
 * twins.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface LoadReplay permits MetricReplay, DemandReplay {

  /** {@return the recording} */
  RecordedSeries series();

  /** {@return the recorded instant that plays at the moment the replay is applied} */
  Instant startingAt();

  /**
   * {@return how long the replay runs, from {@link #startingAt()} to the end of the last
   * datapoint's period}
   */
  Duration duration();

  /**
   * Validates everything, then starts the replay at the twin's current virtual time. Nothing is
   * applied when validation fails.
   *
   * @param twin the twin, with its estate already built
   * @return what was scheduled
   */
  ReplayStart applyTo(CloudTwin twin);

  /**
   * What applying a replay did.
   *
   * @param appliedAt the virtual instant the replay started
   * @param endsAt the virtual instant its last datapoint's period ends
   * @param replayed datapoints replayed from {@code appliedAt} on
   * @param history datapoints before {@link LoadReplay#startingAt()}: stored at once as history
   *     (metric replay) or not replayed (demand replay: traffic cannot flow in the past)
   */
  record ReplayStart(Instant appliedAt, Instant endsAt, int replayed, int history) {}
}

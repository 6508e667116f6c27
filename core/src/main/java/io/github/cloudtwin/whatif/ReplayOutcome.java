package io.github.cloudtwin.whatif;

import io.github.cloudtwin.cost.CostReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What happened when one estate played a recording: typed values, read from the twin's facts and
 * metrics; {@link Comparison#table()} renders them for people.
 *
 * @param estate the estate's name
 * @param seed the twin's seed
 * @param from when the replay started (virtual time)
 * @param to when it ended
 * @param groups per Auto Scaling group: capacity over time per zone, peak and mean, activities
 * @param peakInService the most InService instances of all groups at once
 * @param meanInService InService instances of all groups averaged over the replay
 * @param timeInAlarm per alarm, the time it spent in ALARM during the replay
 * @param breached per breach target, the time its statistic was above the threshold
 * @param unservedRequests requests that could not be served: beyond the targets' CPU capacity (the
 *     traffic model's saturation) or answered by the load balancer itself with a 5XX
 * @param recoveries per fault during the replay, how the capacity came back
 * @param cost what the estate cost during the whole run (warm-up included)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ReplayOutcome(
    String estate,
    long seed,
    Instant from,
    Instant to,
    Map<String, GroupOutcome> groups,
    int peakInService,
    double meanInService,
    Map<String, Duration> timeInAlarm,
    Map<String, Duration> breached,
    double unservedRequests,
    List<FaultRecovery> recoveries,
    CostReport cost) {

  /**
   * Copies the collections.
   *
   * @param estate the estate's name
   * @param seed the twin's seed
   * @param from when the replay started (virtual time)
   * @param to when it ended
   * @param groups per Auto Scaling group
   * @param peakInService the most InService instances of all groups at once
   * @param meanInService InService instances of all groups averaged over the replay
   * @param timeInAlarm per alarm, the time it spent in ALARM
   * @param breached per breach target, the time above the threshold
   * @param unservedRequests requests that could not be served
   * @param recoveries per fault, how the capacity came back
   * @param cost what the estate cost
   */
  public ReplayOutcome {
    groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
    timeInAlarm = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(timeInAlarm));
    breached = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(breached));
    recoveries = List.copyOf(recoveries);
  }

  /** {@return the time above all breach targets, added up} */
  public Duration totalBreached() {
    Duration d = Duration.ZERO;
    for (Duration b : breached.values()) d = d.plus(b);
    return d;
  }

  /** {@return the time all alarms spent in ALARM, added up} */
  public Duration totalTimeInAlarm() {
    Duration d = Duration.ZERO;
    for (Duration b : timeInAlarm.values()) d = d.plus(b);
    return d;
  }

  /** {@return the scaling activities of all groups during the replay} */
  public int activityCount() {
    int n = 0;
    for (GroupOutcome g : groups.values()) n += g.activities().size();
    return n;
  }

  /**
   * The time above one breach target.
   *
   * @param targetName the target's name
   * @return the time, or a ValidationException naming the targets
   */
  public Duration breached(String targetName) {
    Duration d = breached.get(targetName);
    if (d == null)
      throw new io.github.cloudtwin.kernel.ValidationException(
          "target", targetName, "one of " + breached.keySet());
    return d;
  }
}

package io.github.cloudtwin.cloudwatch;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an alarm action learns when it is invoked.
 *
 * @param alarmName the alarm
 * @param state the alarm's state now
 * @param previousState the state before the transition (equal to {@code state} on a re-invocation)
 * @param reinvocation true when a scaling action is invoked again because the alarm stayed in ALARM
 *     for another minute, false on the transition itself
 * @param time when the action runs (virtual time)
 * @param threshold the alarm's threshold
 * @param comparisonOperator the alarm's operator; null for a composite alarm
 * @param newestDatapoint the newest datapoint the evaluation used (NaN if it was missing); step
 *     policies select their step with it
 * @param reason the alarm's state reason
 * @param causeEventId the timeline event of the evaluation that triggered this invocation
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record AlarmActionContext(
    String alarmName,
    AlarmState state,
    AlarmState previousState,
    boolean reinvocation,
    Instant time,
    double threshold,
    @Nullable ComparisonOperator comparisonOperator,
    double newestDatapoint,
    String reason,
    long causeEventId) {}

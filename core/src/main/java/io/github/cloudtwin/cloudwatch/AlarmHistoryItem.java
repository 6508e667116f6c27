package io.github.cloudtwin.cloudwatch;

import java.time.Instant;

/**
 * One entry of an alarm's history, as {@code DescribeAlarmHistory} returns it.
 *
 * @param timestamp when it happened
 * @param type {@code StateUpdate}, {@code ConfigurationUpdate} or {@code Action}
 * @param summary AWS-style summary, such as "Alarm updated from OK to ALARM"
 * @param oldState the state before (state updates only, else null)
 * @param newState the state after (state updates only, else null)
 * @param reason the state reason (state updates), or the action's outcome
 */
public record AlarmHistoryItem(
    Instant timestamp, String type, String summary, AlarmState oldState, AlarmState newState, String reason) {}

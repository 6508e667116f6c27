package io.github.cloudtwin.cloudwatch;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an alarm's history, as {@code DescribeAlarmHistory} returns it.
 *
 * @param timestamp when it happened
 * @param type {@code StateUpdate}, {@code ConfigurationUpdate} or {@code Action}
 * @param summary AWS-style summary, such as "Alarm updated from OK to ALARM"
 * @param oldState the state before (state updates only, else null)
 * @param newState the state after (state updates only, else null)
 * @param reason the state reason (state updates), else null
 * @param stateReasonData the new state's reason data (state updates set by an evaluation), else
 *     null
 * @param historyData AWS's {@code HistoryData} JSON of a state update: {@code
 *     {"version":"1.0","oldState":{"stateValue":"OK","stateReason":"…"},"newState":{"stateValue":
 *     "ALARM","stateReason":"…","stateReasonData":{…}}}}; null for other types
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record AlarmHistoryItem(
    Instant timestamp,
    String type,
    String summary,
    @Nullable AlarmState oldState,
    @Nullable AlarmState newState,
    @Nullable String reason,
    @Nullable StateReasonData stateReasonData,
    @Nullable String historyData) {

  /** A configuration or action entry (no state, no data). */
  static AlarmHistoryItem of(Instant timestamp, String type, String summary) {
    return new AlarmHistoryItem(timestamp, type, summary, null, null, null, null, null);
  }

  /** A state update, with its HistoryData rendered as AWS writes it. */
  static AlarmHistoryItem stateUpdate(
      Instant timestamp,
      AlarmState from,
      String fromReason,
      @Nullable StateReasonData fromData,
      AlarmState to,
      String toReason,
      @Nullable StateReasonData toData) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"version\":\"1.0\",\"oldState\":");
    state(sb, from, fromReason, fromData);
    sb.append(",\"newState\":");
    state(sb, to, toReason, toData);
    sb.append('}');
    return new AlarmHistoryItem(
        timestamp,
        "StateUpdate",
        "Alarm updated from " + from + " to " + to,
        from,
        to,
        toReason,
        toData,
        sb.toString());
  }

  private static void state(
      StringBuilder sb, AlarmState state, String reason, @Nullable StateReasonData data) {
    sb.append("{\"stateValue\":\"").append(state.name()).append("\",\"stateReason\":");
    quote(sb, reason);
    if (data != null) {
      sb.append(",\"stateReasonData\":");
      data.appendJson(sb);
    }
    sb.append('}');
  }

  /** A JSON string literal. */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}

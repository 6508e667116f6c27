package io.github.cloudtwin.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The data behind a composite alarm's state, as {@code DescribeAlarms} returns it in {@code
 * StateReasonData}: the alarms whose states triggered the change. {@link #toJson()} renders it.
 *
 * @param triggeringAlarms the alarms, each with its ARN, state and when it entered that state
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CompositeStateReasonData(List<TriggeringAlarm> triggeringAlarms) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * Copies the list.
   *
   * @param triggeringAlarms the alarms, each with its ARN, state and when it entered that state
   */
  public CompositeStateReasonData {
    triggeringAlarms = List.copyOf(triggeringAlarms);
  }

  /**
   * One alarm that triggered a composite alarm's change.
   *
   * @param arn the alarm's ARN
   * @param state its state
   * @param timestamp when it entered that state
   */
  public record TriggeringAlarm(String arn, AlarmState state, Instant timestamp) {}

  /**
   * {@return the JSON: {@code {"triggeringAlarms":[{"arn":"…","state":{"value":"ALARM",
   * "timestamp":"2026-01-01T00:05:00.000+0000"}}]}}}
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\"triggeringAlarms\":[");
    for (int i = 0; i < triggeringAlarms.size(); i++) {
      TriggeringAlarm t = triggeringAlarms.get(i);
      if (i > 0) sb.append(',');
      sb.append("{\"arn\":");
      AlarmHistoryItem.quote(sb, t.arn());
      sb.append(",\"state\":{\"value\":\"")
          .append(t.state().name())
          .append("\",\"timestamp\":\"")
          .append(TIME.format(t.timestamp()))
          .append("\"}}");
    }
    return sb.append("]}").toString();
  }

  @Override
  public String toString() {
    return toJson();
  }
}

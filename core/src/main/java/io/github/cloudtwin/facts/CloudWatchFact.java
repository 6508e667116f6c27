package io.github.cloudtwin.facts;

import io.github.cloudtwin.cloudwatch.ActionsSuppressedBy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.CompositeStateReasonData;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Signal;
import io.github.cloudtwin.cloudwatch.StateReasonData;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What CloudWatch records: injections, metric and composite alarms created, updated, deleted, their
 * state changes and actions, and composite alarms' suppressed actions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface CloudWatchFact extends Fact {

  /**
   * A test injected values (or a gap) into a metric.
   *
   * @param metricName the metric name
   * @param signal what was injected
   * @param instanceId the instance it applies to, or null
   * @param groupName the Auto Scaling group it applies to, or null
   * @param metric the metric it applies to when neither an instance nor a group is named, or null
   * @param from when it starts, as an offset from the twin's start
   * @param to when it ends, as an offset from the twin's start, or null when it never ends
   */
  record MetricInjected(
      String metricName,
      Signal signal,
      @Nullable String instanceId,
      @Nullable String groupName,
      @Nullable MetricId metric,
      Duration from,
      @Nullable Duration to)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "metric/" + metricName;
    }

    @Override
    public String kind() {
      return "inject";
    }

    @Override
    public String message() {
      String target =
          instanceId != null
              ? "instance " + instanceId
              : groupName != null ? "group " + groupName : String.valueOf(metric);
      return "injected "
          + signal
          + " for "
          + target
          + " over "
          + TimelineFormat.offset(from)
          + (to == null ? " onwards" : " to " + TimelineFormat.offset(to));
    }
  }

  /**
   * A metric alarm was created (in INSUFFICIENT_DATA).
   *
   * @param alarmName the alarm name
   * @param spec its definition
   * @param definition the definition in words
   */
  record AlarmCreated(String alarmName, MetricAlarmSpec spec, String definition)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "created in INSUFFICIENT_DATA: " + definition;
    }

    @Override
    public Map<String, String> details() {
      MetricId metric = spec.metric();
      return metric == null
          ? Details.of(
              "threshold",
              Double.toString(spec.threshold()),
              "metrics",
              spec.returnedQuery().orElseThrow().id())
          : Details.of("threshold", Double.toString(spec.threshold()), "metric", metric.toString());
    }
  }

  /**
   * A metric alarm's definition was replaced ({@code PutMetricAlarm} on an existing name).
   *
   * @param alarmName the alarm name
   * @param spec the new definition
   * @param definition the definition in words
   */
  record AlarmUpdated(String alarmName, MetricAlarmSpec spec, String definition)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "update";
    }

    @Override
    public String message() {
      return "definition updated: " + definition;
    }
  }

  /**
   * A metric alarm was deleted.
   *
   * @param alarmName the alarm name
   */
  record AlarmDeleted(String alarmName) implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "deleted";
    }
  }

  /**
   * A metric alarm changed state, with AWS's reason and the datapoints it evaluated.
   *
   * @param alarmName the alarm name
   * @param from the state before
   * @param to the state after
   * @param reason AWS's {@code StateReason}
   * @param data AWS's {@code StateReasonData}: the datapoints evaluated, or null (for instance
   *     after {@code SetAlarmState})
   */
  record AlarmStateChanged(
      String alarmName,
      AlarmState from,
      AlarmState to,
      String reason,
      @Nullable StateReasonData data)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "state-change";
    }

    @Override
    public String message() {
      return from + " -> " + to + ": " + reason;
    }

    @Override
    public Map<String, String> details() {
      return Details.of("from", from.name(), "to", to.name());
    }
  }

  /**
   * An alarm invoked one of its actions.
   *
   * @param alarmName the alarm name
   * @param action the action's name
   */
  record AlarmActionInvoked(String alarmName, String action) implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "action";
    }

    @Override
    public String message() {
      return "invoked action " + action;
    }
  }

  /**
   * A composite alarm was created (in INSUFFICIENT_DATA, then evaluated at once).
   *
   * @param alarmName the alarm name
   * @param spec its definition
   */
  record CompositeAlarmCreated(String alarmName, CompositeAlarmSpec spec)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "composite alarm created in INSUFFICIENT_DATA: rule "
          + spec.alarmRule()
          + (spec.actionsSuppressor() == null
                  || spec.actionsSuppressorWaitPeriod() == null
                  || spec.actionsSuppressorExtensionPeriod() == null
              ? "" // the three come together
              : ", actions suppressed by "
                  + spec.actionsSuppressor()
                  + " (wait "
                  + spec.actionsSuppressorWaitPeriod().getSeconds()
                  + " s, extension "
                  + spec.actionsSuppressorExtensionPeriod().getSeconds()
                  + " s)");
    }

    @Override
    public Map<String, String> details() {
      return Details.of("rule", spec.alarmRule(), "actionsSuppressor", spec.actionsSuppressor());
    }
  }

  /**
   * A composite alarm's definition was replaced ({@code PutCompositeAlarm} on an existing name).
   *
   * @param alarmName the alarm name
   * @param spec the new definition
   */
  record CompositeAlarmUpdated(String alarmName, CompositeAlarmSpec spec)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "update";
    }

    @Override
    public String message() {
      return "composite alarm definition updated: rule " + spec.alarmRule();
    }
  }

  /**
   * A composite alarm changed state: its rule started or stopped holding.
   *
   * @param alarmName the alarm name
   * @param from the state before
   * @param to the state after
   * @param reason the state reason (which alarm's transition triggered it)
   * @param data the triggering alarms, or null (after {@code SetAlarmState})
   */
  record CompositeAlarmStateChanged(
      String alarmName,
      AlarmState from,
      AlarmState to,
      String reason,
      @Nullable CompositeStateReasonData data)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "state-change";
    }

    @Override
    public String message() {
      return from + " -> " + to + ": " + reason;
    }

    @Override
    public Map<String, String> details() {
      return Details.of("from", from.name(), "to", to.name(), "composite", "true");
    }
  }

  /**
   * A composite alarm's actions for its new state are held back by its actions suppressor.
   *
   * @param alarmName the composite alarm
   * @param state the state whose actions are held back
   * @param by why: the wait period, the extension period or the suppressor in ALARM
   * @param suppressor the suppressor alarm's name
   * @param period how long the wait or extension period holds them from now, or null for ALARM
   */
  record CompositeActionsSuppressed(
      String alarmName,
      AlarmState state,
      ActionsSuppressedBy by,
      String suppressor,
      @Nullable Duration period)
      implements CloudWatchFact {
    @Override
    public String resource() {
      return "alarm/" + alarmName;
    }

    @Override
    public String kind() {
      return "actions-suppressed";
    }

    @Override
    public String message() {
      return state
          + " actions suppressed by "
          + by.awsName()
          + (period == null
              ? " (alarm " + suppressor + " is in ALARM)"
              : " for " + period.getSeconds() + " s (suppressor alarm " + suppressor + ")");
    }
  }
}

package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The definition of a composite alarm, as {@code PutCompositeAlarm} takes it.
 *
 * @param alarmName unique among the twin's alarms, metric and composite
 * @param alarmDescription free text, may be null
 * @param alarmRule the rule, such as {@code ALARM(error-rate) AND ALARM(latency)}: at most 10,240
 *     characters and 100 alarms
 * @param actionsEnabled whether actions run (states change either way), default true
 * @param alarmActions run on the transition to ALARM (notifications: composite alarms take no
 *     scaling actions)
 * @param okActions run on the transition to OK
 * @param insufficientDataActions run on the transition to INSUFFICIENT_DATA
 * @param actionsSuppressor the alarm (name or ARN) whose ALARM state suppresses the actions, or
 *     null
 * @param actionsSuppressorWaitPeriod how long actions wait for the suppressor to go into ALARM;
 *     required with a suppressor, null without
 * @param actionsSuppressorExtensionPeriod how long actions stay suppressed after the suppressor
 *     leaves ALARM; required with a suppressor, null without
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CompositeAlarmSpec(
    String alarmName,
    @Nullable String alarmDescription,
    String alarmRule,
    boolean actionsEnabled,
    List<AlarmAction> alarmActions,
    List<AlarmAction> okActions,
    List<AlarmAction> insufficientDataActions,
    @Nullable String actionsSuppressor,
    @Nullable Duration actionsSuppressorWaitPeriod,
    @Nullable Duration actionsSuppressorExtensionPeriod) {

  /**
   * Validates every field the way PutCompositeAlarm does (the rule's syntax included; the alarms it
   * names are checked when the alarm is put).
   *
   * @param alarmName unique among the twin's alarms, metric and composite
   * @param alarmDescription free text, may be null
   * @param alarmRule the rule
   * @param actionsEnabled whether actions run
   * @param alarmActions run on the transition to ALARM
   * @param okActions run on the transition to OK
   * @param insufficientDataActions run on the transition to INSUFFICIENT_DATA
   * @param actionsSuppressor the suppressor alarm, or null
   * @param actionsSuppressorWaitPeriod the wait period; required with a suppressor
   * @param actionsSuppressorExtensionPeriod the extension period; required with a suppressor
   */
  public CompositeAlarmSpec {
    Require.name("AlarmName", alarmName);
    Require.notNull("AlarmRule", alarmRule);
    if (alarmRule.isBlank() || alarmRule.length() > 10_240) {
      throw new ValidationException("AlarmRule", alarmRule, "a rule of 1 to 10240 characters");
    }
    int alarms = AlarmRule.alarms(AlarmRule.parse(alarmRule)).size();
    if (alarms > 100) {
      throw new ValidationException(
          "AlarmRule", alarms + " alarms", "a rule naming at most 100 alarms");
    }
    alarmActions = actions("AlarmActions", alarmActions);
    okActions = actions("OKActions", okActions);
    insufficientDataActions = actions("InsufficientDataActions", insufficientDataActions);
    if (actionsSuppressor != null) {
      Require.name("ActionsSuppressor", actionsSuppressor);
      if (actionsSuppressorWaitPeriod == null || actionsSuppressorExtensionPeriod == null) {
        throw new ValidationException(
            actionsSuppressorWaitPeriod == null
                ? "ActionsSuppressorWaitPeriod"
                : "ActionsSuppressorExtensionPeriod",
            null,
            "required when ActionsSuppressor is specified");
      }
      Require.notNegative("ActionsSuppressorWaitPeriod", actionsSuppressorWaitPeriod);
      Require.notNegative("ActionsSuppressorExtensionPeriod", actionsSuppressorExtensionPeriod);
      if (actionsSuppressorWaitPeriod.getNano() != 0
          || actionsSuppressorExtensionPeriod.getNano() != 0) {
        throw new ValidationException(
            "ActionsSuppressorWaitPeriod",
            actionsSuppressorWaitPeriod.getNano() != 0
                ? actionsSuppressorWaitPeriod
                : actionsSuppressorExtensionPeriod,
            "a whole number of seconds");
      }
    } else if (actionsSuppressorWaitPeriod != null || actionsSuppressorExtensionPeriod != null) {
      throw new ValidationException(
          actionsSuppressorWaitPeriod != null
              ? "ActionsSuppressorWaitPeriod"
              : "ActionsSuppressorExtensionPeriod",
          actionsSuppressorWaitPeriod != null
              ? actionsSuppressorWaitPeriod
              : actionsSuppressorExtensionPeriod,
          "only with an ActionsSuppressor");
    }
  }

  private static List<AlarmAction> actions(String field, List<AlarmAction> actions) {
    Require.notNull(field, actions);
    if (actions.size() > 5) {
      throw new ValidationException(field, actions.size() + " actions", "at most 5 actions");
    }
    for (AlarmAction a : actions) {
      Require.notNull(field, a);
      if (a.isScalingAction()) {
        throw new ValidationException(
            field,
            a.name(),
            "a notification: composite alarms take no scaling actions (SNS, Lambda, OpsItems, incidents only)");
      }
    }
    return List.copyOf(actions);
  }

  /** {@return a builder; {@code alarmName} and {@code alarmRule} are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this spec's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.alarmName = alarmName;
    b.alarmDescription = alarmDescription;
    b.alarmRule = alarmRule;
    b.actionsEnabled = actionsEnabled;
    b.alarmActions.addAll(alarmActions);
    b.okActions.addAll(okActions);
    b.insufficientDataActions.addAll(insufficientDataActions);
    b.actionsSuppressor = actionsSuppressor;
    b.waitPeriod = actionsSuppressorWaitPeriod;
    b.extensionPeriod = actionsSuppressorExtensionPeriod;
    return b;
  }

  /** Builds {@link CompositeAlarmSpec}s with AWS's defaults. Not thread-safe. */
  public static final class Builder {
    private @Nullable String alarmName;
    private @Nullable String alarmDescription;
    private @Nullable String alarmRule;
    private boolean actionsEnabled = true;
    private final List<AlarmAction> alarmActions = new ArrayList<>();
    private final List<AlarmAction> okActions = new ArrayList<>();
    private final List<AlarmAction> insufficientDataActions = new ArrayList<>();
    private @Nullable String actionsSuppressor;
    private @Nullable Duration waitPeriod;
    private @Nullable Duration extensionPeriod;

    private Builder() {}

    /**
     * The alarm's unique name.
     *
     * @param alarmName the name
     * @return this builder
     */
    public Builder alarmName(String alarmName) {
      this.alarmName = alarmName;
      return this;
    }

    /**
     * Free text.
     *
     * @param alarmDescription the description, or null for none
     * @return this builder
     */
    public Builder alarmDescription(@Nullable String alarmDescription) {
      this.alarmDescription = alarmDescription;
      return this;
    }

    /**
     * The rule, such as {@code ALARM(error-rate) AND NOT ALARM(deploying)}.
     *
     * @param alarmRule the rule
     * @return this builder
     */
    public Builder alarmRule(String alarmRule) {
      this.alarmRule = alarmRule;
      return this;
    }

    /**
     * Whether actions run (default true).
     *
     * @param actionsEnabled whether actions run
     * @return this builder
     */
    public Builder actionsEnabled(boolean actionsEnabled) {
      this.actionsEnabled = actionsEnabled;
      return this;
    }

    /**
     * Adds actions run on the transition to ALARM.
     *
     * @param actions the actions
     * @return this builder
     */
    public Builder alarmActions(AlarmAction... actions) {
      alarmActions.addAll(Arrays.asList(Require.notNull("AlarmActions", actions)));
      return this;
    }

    /**
     * Adds actions run on the transition to OK.
     *
     * @param actions the actions
     * @return this builder
     */
    public Builder okActions(AlarmAction... actions) {
      okActions.addAll(Arrays.asList(Require.notNull("OKActions", actions)));
      return this;
    }

    /**
     * Adds actions run on the transition to INSUFFICIENT_DATA.
     *
     * @param actions the actions
     * @return this builder
     */
    public Builder insufficientDataActions(AlarmAction... actions) {
      insufficientDataActions.addAll(
          Arrays.asList(Require.notNull("InsufficientDataActions", actions)));
      return this;
    }

    /**
     * Suppresses the actions while {@code alarm} is in ALARM, as {@code ActionsSuppressor}, with
     * its {@code ActionsSuppressorWaitPeriod} and {@code ActionsSuppressorExtensionPeriod}.
     *
     * @param alarm the suppressor alarm's name or ARN
     * @param waitPeriod how long a transition's actions wait for the suppressor to go into ALARM
     * @param extensionPeriod how long actions stay suppressed after the suppressor leaves ALARM
     * @return this builder
     */
    public Builder actionsSuppressor(
        @Nullable String alarm, @Nullable Duration waitPeriod, @Nullable Duration extensionPeriod) {
      this.actionsSuppressor = alarm;
      this.waitPeriod = waitPeriod;
      this.extensionPeriod = extensionPeriod;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public CompositeAlarmSpec build() {
      return new CompositeAlarmSpec(
          // the canonical constructor's first two checks, made here where the builder may hold null
          Require.name("AlarmName", alarmName),
          alarmDescription,
          Require.notNull("AlarmRule", alarmRule),
          actionsEnabled,
          alarmActions,
          okActions,
          insufficientDataActions,
          actionsSuppressor,
          waitPeriod,
          extensionPeriod);
    }
  }
}

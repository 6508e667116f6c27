package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The composite alarms of one CloudWatch: their validation (the alarms a rule names exist, no
 * cycle), their evaluation (at once when put, and whenever an alarm their rule names changes state)
 * and the suppression of their actions ("Alarm suppression": {@code ActionsSuppressor}, {@code
 * WaitPeriod}, {@code ExtensionPeriod}). Simulation thread only.
 */
final class CompositeAlarms {

  private static final DateTimeFormatter REASON_TIME =
      DateTimeFormatter.ofPattern("EEEE dd MMMM, yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Kernel kernel;
  private final Function<String, MetricAlarm> metricAlarms;
  private final Map<String, CompositeAlarm> alarms = new LinkedHashMap<>();

  CompositeAlarms(Kernel kernel, Function<String, MetricAlarm> metricAlarms) {
    this.kernel = kernel;
    this.metricAlarms = metricAlarms;
  }

  Timeline timeline() {
    return kernel.timeline();
  }

  boolean isEmpty() {
    return alarms.isEmpty();
  }

  @Nullable CompositeAlarm get(String name) {
    return alarms.get(name);
  }

  List<CompositeAlarm> all() {
    return List.copyOf(alarms.values());
  }

  private String arnPrefix() {
    return kernel.arns().of("cloudwatch", "alarm:");
  }

  String arn(String name) {
    return arnPrefix() + name;
  }

  /** The alarm name a rule's reference (a name or this account's ARN) stands for. */
  private String nameOf(String ref) {
    return ref.startsWith("arn:") && ref.startsWith(arnPrefix())
        ? ref.substring(arnPrefix().length())
        : ref;
  }

  private boolean exists(String name) {
    return alarms.containsKey(name) || metricAlarms.apply(name) != null;
  }

  private AlarmState stateOf(String name) {
    CompositeAlarm c = alarms.get(name);
    if (c != null) return c.state();
    return metricAlarms.apply(name).state();
  }

  private Instant stateTimestampOf(String name) {
    CompositeAlarm c = alarms.get(name);
    return c != null ? c.stateUpdatedTimestamp() : metricAlarms.apply(name).stateUpdatedTimestamp();
  }

  // ------------------------------------------------------------------ put

  CompositeAlarm put(CompositeAlarmSpec spec) {
    String name = spec.alarmName();
    if (metricAlarms.apply(name) != null) {
      throw new ValidationException(
          "AlarmName",
          name,
          "a name no metric alarm has: alarm names are unique across metric and composite alarms");
    }
    AlarmRule.Node rule = AlarmRule.parse(spec.alarmRule());
    for (String ref : AlarmRule.alarms(rule)) {
      String n = nameOf(ref);
      if (n.equals(name)) {
        throw new ValidationException(
            "AlarmRule", spec.alarmRule(), "a rule that does not name its own alarm (" + ref + ")");
      }
      if (ref.startsWith("arn:") && !ref.startsWith(arnPrefix())) {
        throw new ValidationException(
            "AlarmRule",
            ref,
            "the name or ARN of an alarm in this account and Region (" + arnPrefix() + "<name>)");
      }
      if (!exists(n)) {
        throw new ValidationException(
            "AlarmRule", ref, "the name or ARN of an existing alarm (" + ref + " does not exist)");
      }
    }
    List<String> cycle = cycleThrough(name, rule);
    if (cycle != null) {
      throw new ValidationException(
          "AlarmRule",
          spec.alarmRule(),
          "a rule without a cycle between composite alarms: " + String.join(" -> ", cycle));
    }
    if (spec.actionsSuppressor() != null) {
      String s = nameOf(spec.actionsSuppressor());
      if (s.equals(name) || !exists(s)) {
        throw new ValidationException(
            "ActionsSuppressor",
            spec.actionsSuppressor(),
            "the name or ARN of an existing alarm other than this one");
      }
    }
    Instant now = kernel.clock().now();
    CompositeAlarm existing = alarms.get(name);
    if (existing != null) {
      existing.spec(spec, rule);
      existing.addHistory(
          AlarmHistoryItem.of(now, "ConfigurationUpdate", "Alarm \"" + name + "\" updated"));
      long id = kernel.timeline().record(new CloudWatchFact.CompositeAlarmUpdated(name, spec));
      kernel.runWithCause(id, () -> evaluate(existing, null));
      return existing;
    }
    CompositeAlarm c = new CompositeAlarm(this, spec, rule, now);
    alarms.put(name, c);
    c.addHistory(AlarmHistoryItem.of(now, "ConfigurationUpdate", "Alarm \"" + name + "\" created"));
    long id = kernel.timeline().record(new CloudWatchFact.CompositeAlarmCreated(name, spec));
    kernel.runWithCause(id, () -> evaluate(c, null));
    return c;
  }

  /** The path back to {@code name} through composite alarms' rules, if {@code rule} closes one. */
  private @Nullable List<String> cycleThrough(String name, AlarmRule.Node rule) {
    for (String ref : AlarmRule.alarms(rule)) {
      List<String> path = new ArrayList<>(List.of(name));
      if (reaches(nameOf(ref), name, path)) return path;
    }
    return null;
  }

  private boolean reaches(String from, String target, List<String> path) {
    path.add(from);
    if (from.equals(target)) return true;
    CompositeAlarm c = alarms.get(from);
    if (c != null) {
      for (String ref : AlarmRule.alarms(c.rule)) {
        if (reaches(nameOf(ref), target, path)) return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  // ------------------------------------------------------------------ delete

  /**
   * The composite alarms outside {@code deleting} that name {@code name} in their rule or as
   * suppressor.
   */
  List<String> dependents(String name, Set<String> deleting) {
    List<String> out = new ArrayList<>();
    for (CompositeAlarm c : alarms.values()) {
      if (deleting.contains(c.alarmName())) continue;
      boolean refers =
          c.spec().actionsSuppressor() != null && nameOf(c.spec().actionsSuppressor()).equals(name);
      for (String ref : AlarmRule.alarms(c.rule)) {
        if (nameOf(ref).equals(name)) refers = true;
      }
      if (refers) out.add(c.alarmName());
    }
    return out;
  }

  void delete(String name) {
    CompositeAlarm c =
        Objects.requireNonNull(alarms.remove(name), () -> "no composite alarm " + name);
    c.deleted(kernel.clock().now());
    kernel.timeline().record(new CloudWatchFact.AlarmDeleted(name));
  }

  // ------------------------------------------------------------------ evaluation

  /**
   * An alarm (metric or composite) changed state: re-evaluate the rules and suppressions naming it.
   */
  void alarmChanged(String name, AlarmState from, AlarmState to) {
    if (alarms.isEmpty()) return;
    for (CompositeAlarm c : List.copyOf(alarms.values())) {
      if (c.isDeleted()) continue;
      String suppressor = c.spec().actionsSuppressor();
      if (suppressor != null && nameOf(suppressor).equals(name)) suppressorChanged(c, from, to);
      for (String ref : AlarmRule.alarms(c.rule)) {
        if (nameOf(ref).equals(name)) {
          evaluate(c, name);
          break;
        }
      }
    }
  }

  /** Evaluates the rule; {@code triggeredBy} is the alarm whose change caused it, or null. */
  private void evaluate(CompositeAlarm c, @Nullable String triggeredBy) {
    boolean holds = AlarmRule.holds(c.rule, ref -> stateOf(nameOf(ref)));
    AlarmState to = holds ? AlarmState.ALARM : AlarmState.OK;
    if (to == c.state()) return;
    String trigger = triggeredBy;
    if (trigger == null) {
      for (String ref : AlarmRule.alarms(c.rule)) {
        trigger = nameOf(ref);
        break;
      }
    }
    String reason;
    CompositeStateReasonData data;
    if (trigger == null) {
      reason =
          "Composite alarm rule "
              + c.spec().alarmRule()
              + " evaluated to "
              + (holds ? "TRUE" : "FALSE")
              + ".";
      data = new CompositeStateReasonData(List.of());
    } else {
      AlarmState s = stateOf(trigger);
      Instant at = stateTimestampOf(trigger);
      reason = arn(trigger) + " transitioned to " + s + " at " + REASON_TIME.format(at);
      data =
          new CompositeStateReasonData(
              List.of(new CompositeStateReasonData.TriggeringAlarm(arn(trigger), s, at)));
    }
    transition(c, to, reason, data);
  }

  private void transition(
      CompositeAlarm c, AlarmState to, String reason, @Nullable CompositeStateReasonData data) {
    AlarmState from = c.state();
    String fromReason = c.stateReason();
    Instant now = kernel.clock().now();
    long id =
        kernel
            .timeline()
            .record(
                new CloudWatchFact.CompositeAlarmStateChanged(
                    c.alarmName(), from, to, reason, data));
    c.state(to, reason, data, now, id);
    c.addHistory(AlarmHistoryItem.stateUpdate(now, from, fromReason, null, to, reason, null));
    kernel.runWithCause(
        id,
        () -> {
          actionsOnTransition(c, from);
          alarmChanged(c.alarmName(), from, to);
        });
  }

  /**
   * Sets a composite alarm's state until its next evaluation, as {@code SetAlarmState}.
   *
   * @param c the alarm
   * @param to the state
   * @param reason the reason
   */
  void setState(CompositeAlarm c, AlarmState to, String reason) {
    if (c.state() != to) transition(c, to, reason, null);
  }

  // ------------------------------------------------------------------ actions and suppression

  private void actionsOnTransition(CompositeAlarm c, AlarmState from) {
    CompositeAlarmSpec spec = c.spec();
    if (!spec.actionsEnabled()) return;
    String suppressor = spec.actionsSuppressor();
    if (suppressor == null) {
      runActions(c, from);
      return;
    }
    ActionsSuppressedBy by;
    Duration wait =
        Objects.requireNonNull(spec.actionsSuppressorWaitPeriod(), "required with a suppressor");
    Instant now = kernel.clock().now();
    if (stateOf(nameOf(suppressor)) == AlarmState.ALARM) {
      by = ActionsSuppressedBy.ALARM;
    } else if (c.extensionUntil != null && now.isBefore(c.extensionUntil)) {
      by = ActionsSuppressedBy.EXTENSION_PERIOD;
    } else if (wait.isZero()) {
      runActions(c, from);
      return;
    } else {
      by = ActionsSuppressedBy.WAIT_PERIOD;
      c.waitUntil = now.plus(wait);
      long generation = ++c.waitGeneration;
      kernel
          .scheduler()
          .at(c.waitUntil, c.lastTransitionEventId(), () -> waitPeriodEnded(c, generation));
    }
    c.pending = true;
    c.pendingFrom = from;
    suppress(c, by);
  }

  private void suppress(CompositeAlarm c, ActionsSuppressedBy by) {
    c.suppressedBy(by);
    Duration period =
        by == ActionsSuppressedBy.WAIT_PERIOD
            ? c.spec().actionsSuppressorWaitPeriod()
            : by == ActionsSuppressedBy.EXTENSION_PERIOD
                ? Duration.between(kernel.clock().now(), c.extensionUntil)
                : null;
    kernel
        .timeline()
        .record(
            new CloudWatchFact.CompositeActionsSuppressed(
                c.alarmName(), c.state(), by, nameOf(suppressor(c)), period));
  }

  private void waitPeriodEnded(CompositeAlarm c, long generation) {
    if (c.isDeleted() || generation != c.waitGeneration) return;
    c.waitUntil = null;
    if (!c.pending) return;
    if (stateOf(nameOf(suppressor(c))) == AlarmState.ALARM) {
      if (c.actionsSuppressedBy().orElse(null) != ActionsSuppressedBy.ALARM)
        suppress(c, ActionsSuppressedBy.ALARM);
      return;
    }
    if (c.extensionUntil != null) return; // released when the extension period ends
    release(c);
  }

  private void suppressorChanged(CompositeAlarm c, AlarmState from, AlarmState to) {
    if (to == AlarmState.ALARM) {
      c.extensionUntil = null;
      c.extensionGeneration++;
      if (c.pending && c.actionsSuppressedBy().orElse(null) != ActionsSuppressedBy.ALARM)
        suppress(c, ActionsSuppressedBy.ALARM);
      return;
    }
    if (from != AlarmState.ALARM) return;
    Duration extension = c.spec().actionsSuppressorExtensionPeriod();
    c.extensionUntil = kernel.clock().now().plus(extension);
    long generation = ++c.extensionGeneration;
    kernel
        .scheduler()
        .at(c.extensionUntil, kernel.currentCause(), () -> extensionPeriodEnded(c, generation));
    if (c.pending) suppress(c, ActionsSuppressedBy.EXTENSION_PERIOD);
  }

  private void extensionPeriodEnded(CompositeAlarm c, long generation) {
    if (c.isDeleted() || generation != c.extensionGeneration) return;
    c.extensionUntil = null;
    if (c.pending && c.waitUntil == null && stateOf(nameOf(suppressor(c))) != AlarmState.ALARM) {
      release(c);
    }
  }

  /** The suppressor of an alarm whose actions are held back (only an alarm with one holds them). */
  private static String suppressor(CompositeAlarm c) {
    return Objects.requireNonNull(
        c.spec().actionsSuppressor(), "only an alarm with a suppressor holds its actions back");
  }

  /** The suppression is over: the actions of the current state run, as AWS takes them then. */
  private void release(CompositeAlarm c) {
    c.pending = false;
    c.suppressedBy(null);
    AlarmState from = Objects.requireNonNull(c.pendingFrom, "set when the actions were held back");
    kernel.runWithCause(c.lastTransitionEventId(), () -> runActions(c, from));
  }

  private void runActions(CompositeAlarm c, AlarmState from) {
    CompositeAlarmSpec spec = c.spec();
    if (!spec.actionsEnabled()) return;
    AlarmState state = c.state();
    List<AlarmAction> actions =
        state == AlarmState.ALARM
            ? spec.alarmActions()
            : state == AlarmState.OK ? spec.okActions() : spec.insufficientDataActions();
    if (actions.isEmpty()) return;
    Instant now = kernel.clock().now();
    AlarmActionContext ctx =
        new AlarmActionContext(
            c.alarmName(),
            state,
            from,
            false,
            now,
            Double.NaN,
            null,
            Double.NaN,
            c.stateReason(),
            c.lastTransitionEventId());
    for (AlarmAction action : actions) {
      c.addHistory(
          AlarmHistoryItem.of(now, "Action", "Successfully executed action " + action.name()));
      kernel.timeline().record(new CloudWatchFact.AlarmActionInvoked(c.alarmName(), action.name()));
      action.invoke(ctx);
    }
  }
}

package io.github.cloudtwin.experiments;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.facts.ExperimentFact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.internal.kernel.Cancellable;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One run of an experiment on a twin: schedules its actions' starts and ends and watches its stop
 * conditions. What the actions do is {@link FaultEffects}'s; the minute samples are {@link
 * MinuteSampler}'s; the targets are checked by {@link TargetValidation} before anything runs.
 */
final class ExperimentRun {

  private final CloudTwin twin;
  private final Kernel kernel;
  private final Experiment experiment;
  private final FaultEffects effects;
  private final MinuteSampler sampler;
  private Instant start = Instant.EPOCH; // set when the run starts
  private final List<Scheduler.Task> pending = new ArrayList<>();
  private final Map<String, Runnable> active = new LinkedHashMap<>();
  private final Map<String, Duration> started = new LinkedHashMap<>();
  private final Map<String, Duration> ended = new HashMap<>();
  private @Nullable String stoppedBy;
  private @Nullable Duration stopOffset;
  private long firstEvent;

  ExperimentRun(CloudTwin twin, Experiment experiment) {
    this.twin = twin;
    this.kernel = Kernel.of(twin);
    this.experiment = experiment;
    this.effects =
        new FaultEffects(
            twin, experiment.name(), kernel.randomness().stream("experiment/" + experiment.name()));
    this.sampler = new MinuteSampler(twin);
  }

  ExperimentResult run() {
    if (kernel.isAdvancing()) {
      throw new ValidationException(
          "experiment",
          experiment.name(),
          "a run started from the test, not from inside the simulation");
    }
    Consumer<TimelineEvent> watcher =
        e -> {
          sampler.watch(e);
          stopConditionWatch(e);
        };
    Cancellable sampling =
        kernel.call(
            () -> {
              new TargetValidation(twin).validate(experiment);
              start = kernel.clock().now();
              firstEvent =
                  kernel
                      .timeline()
                      .record(
                          new ExperimentFact.ExperimentStarted(
                              experiment.name(),
                              experiment.actions().stream()
                                  .sorted(Comparator.comparing(ExperimentAction::startOffset))
                                  .map(ExperimentAction::name)
                                  .toList(),
                              experiment.stopConditions()));
              kernel.timeline().addListener(watcher);
              sampler.begin();
              twin.ec2().addCpuLoadModel(effects::stressCpu);
              kernel.runWithCause(
                  firstEvent,
                  () -> {
                    for (ExperimentAction a : experiment.actions()) {
                      pending.add(
                          kernel.scheduler().at(start.plus(a.startOffset()), () -> begin(a)));
                    }
                  });
              return kernel.every(Duration.ofMinutes(1), Phase.ACT, this::sample);
            });
    try {
      twin.advance(experiment.runFor());
    } finally {
      kernel.run(
          () -> {
            sampling.cancel();
            kernel.timeline().removeListener(watcher);
            for (String name : new ArrayList<>(active.keySet()))
              end(name, false); // due at the run's last instant
            kernel
                .timeline()
                .record(
                    new ExperimentFact.ExperimentEnded(
                        experiment.name(), stoppedBy == null ? "completed" : "stopped"));
          });
    }
    return new ExperimentResult(
        experiment,
        start,
        stoppedBy,
        stopOffset,
        windows(),
        sampler.samples(),
        effects.tasksLost(),
        effects.tasksReplaced(),
        twin.timeline(),
        firstEvent);
  }

  // ------------------------------------------------------------------ actions

  private Duration offset() {
    return Duration.between(start, kernel.clock().now());
  }

  private void begin(ExperimentAction a) {
    if (stoppedBy != null) return;
    FaultAction f = a.action();
    List<String> targets = new ArrayList<>();
    @Nullable Runnable undo = effects.start(a, targets);
    long id =
        kernel
            .timeline()
            .record(
                new ExperimentFact.ActionStarted(
                    experiment.name(), a.name(), f.actionId(), targets));
    started.put(a.name(), offset());
    if (a.duration() == null) ended.put(a.name(), offset());
    kernel.runWithCause(
        id,
        () -> {
          if (a.duration() == null) {
            kernel
                .timeline()
                .record(
                    new ExperimentFact.ActionEnded(
                        experiment.name(), a.name(), f.actionId(), false));
            return;
          }
          active.put(a.name(), undo == null ? () -> {} : undo);
          pending.add(
              kernel
                  .scheduler()
                  .at(kernel.clock().now().plus(a.duration()), () -> end(a.name(), false)));
        });
    // the fault's consequences are caused by the action's start
    kernel.runWithCause(id, () -> effects.apply(a, targets, kernel.clock().now()));
  }

  private void end(String name, boolean early) {
    @Nullable Runnable undo = active.remove(name);
    if (undo == null && !started.containsKey(name)) return;
    ExperimentAction a =
        experiment.actions().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    if (undo != null) undo.run();
    if (a.action() instanceof FaultAction.CpuStress) effects.endStress(kernel.clock().now());
    ended.put(name, offset());
    kernel
        .timeline()
        .record(
            new ExperimentFact.ActionEnded(experiment.name(), name, a.action().actionId(), early));
  }

  /** The actions that started, in the experiment's order, with their actual windows. */
  private List<ActionWindow> windows() {
    List<ActionWindow> out = new ArrayList<>();
    for (ExperimentAction a : experiment.actions()) {
      Duration from = started.get(a.name());
      if (from == null) continue;
      out.add(
          new ActionWindow(
              a.name(), a.action().actionId(), from, ended.getOrDefault(a.name(), from)));
    }
    return out;
  }

  // ------------------------------------------------------------------ stop conditions

  /**
   * A stop condition is met when its alarm, metric or composite, enters ALARM (read from the
   * alarms' typed facts).
   */
  private void stopConditionWatch(TimelineEvent e) {
    Fact f = e.fact();
    String name;
    if (f instanceof CloudWatchFact.AlarmStateChanged a && a.to() == AlarmState.ALARM)
      name = a.alarmName();
    else if (f instanceof CloudWatchFact.CompositeAlarmStateChanged c && c.to() == AlarmState.ALARM)
      name = c.alarmName();
    else return;
    if (stoppedBy != null || !experiment.stopConditions().contains(name)) return;
    kernel.scheduler().at(kernel.clock().now(), () -> stop(name));
  }

  private void stop(String alarmName) {
    if (stoppedBy != null) return;
    stoppedBy = alarmName;
    stopOffset = offset();
    long id =
        kernel.timeline().record(new ExperimentFact.StopConditionMet(experiment.name(), alarmName));
    kernel.runWithCause(
        id,
        () -> {
          for (Scheduler.Task t : pending) t.cancel();
          for (String name : new ArrayList<>(active.keySet())) end(name, true);
        });
  }

  // ------------------------------------------------------------------ observation

  private void sample() {
    Instant now = kernel.clock().now();
    if (!now.isAfter(start)) return;
    sampler.sample(now, offset());
  }
}

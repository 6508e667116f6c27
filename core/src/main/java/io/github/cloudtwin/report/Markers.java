package io.github.cloudtwin.report;

import io.github.cloudtwin.autoscaling.ActivityStatus;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.ecs.HealthStatus;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.CloudWatchFact;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.facts.ExperimentFact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.facts.ServiceScalingFact;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import io.github.cloudtwin.report.Marker.Kind;
import io.github.cloudtwin.report.Marker.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the markers from the timeline's facts (never its text) and merges those of one kind that
 * would overlap at the charts' scale into one marker listing them all. Stateless.
 */
final class Markers {

  /** Events of one lane closer than this many pixels share a marker. */
  static final double MERGE_PX = 8;

  /** Ancestors listed in a tooltip's cause chain (the nearest ones). */
  static final int CHAIN_DEPTH = 6;

  /** Events listed by name in a merged marker's tooltip. */
  static final int LISTED = 5;

  private Markers() {}

  /** A classified event. */
  record Classified(Kind kind, Tone tone) {}

  /** The lane and tone of a fact, or null when it is not drawn. */
  static @Nullable Classified classify(Fact f) {
    if (f instanceof CloudWatchFact.AlarmStateChanged a) {
      return new Classified(
          Kind.ALARM,
          a.to() == AlarmState.ALARM
              ? Tone.BAD
              : a.to() == AlarmState.OK ? Tone.GOOD : Tone.NEUTRAL);
    }
    if (f instanceof CloudWatchFact.CompositeAlarmStateChanged a) {
      return new Classified(
          Kind.ALARM,
          a.to() == AlarmState.ALARM
              ? Tone.BAD
              : a.to() == AlarmState.OK ? Tone.GOOD : Tone.NEUTRAL);
    }
    if (f instanceof AutoScalingFact.PolicyExecuted
        || f instanceof ServiceScalingFact.ServiceScalingActivity
        || f instanceof EcsFact.ManagedScalingTriggered
        || f instanceof AutoScalingFact.ScheduledActionStarted) {
      return new Classified(Kind.POLICY, Tone.NEUTRAL);
    }
    if (f instanceof AutoScalingFact.ScalingActivityStarted)
      return new Classified(Kind.ACTIVITY, Tone.NEUTRAL);
    if (f instanceof AutoScalingFact.ScalingActivityEnded e) {
      return e.status() == ActivityStatus.Successful
          ? null
          : new Classified(Kind.ACTIVITY, Tone.BAD);
    }
    if (f instanceof ElbFact.TargetHealthChanged h) {
      return new Classified(
          Kind.HEALTH,
          h.to() == TargetHealthState.HEALTHY
              ? Tone.GOOD
              : h.to() == TargetHealthState.UNHEALTHY || h.to() == TargetHealthState.UNAVAILABLE
                  ? Tone.BAD
                  : Tone.NEUTRAL);
    }
    if (f instanceof EcsFact.TaskHealthChanged h) {
      return new Classified(
          Kind.HEALTH,
          h.to() == HealthStatus.HEALTHY
              ? Tone.GOOD
              : h.to() == HealthStatus.UNHEALTHY ? Tone.BAD : Tone.NEUTRAL);
    }
    if (f instanceof AutoScalingFact.InstanceMarkedUnhealthy)
      return new Classified(Kind.HEALTH, Tone.BAD);
    if (f instanceof EcsFact.DeploymentStarted
        || f instanceof AutoScalingFact.LaunchTemplateUpdated) {
      return new Classified(Kind.DEPLOYMENT, Tone.NEUTRAL);
    }
    if (f instanceof EcsFact.DeploymentRolledBack) return new Classified(Kind.DEPLOYMENT, Tone.BAD);
    if (f instanceof Ec2Fact.ZoneStateChanged z)
      return new Classified(Kind.FAULT, z.impaired() ? Tone.BAD : Tone.GOOD);
    if (f instanceof Ec2Fact.InstanceCrashed || f instanceof Ec2Fact.SpotInstanceInterrupted)
      return new Classified(Kind.FAULT, Tone.BAD);
    if (f instanceof Ec2Fact.SpotInterruptionNoticed || f instanceof Ec2Fact.RebalanceRecommended) {
      return new Classified(Kind.FAULT, Tone.NEUTRAL);
    }
    if (f instanceof AutoScalingFact.MaxInstanceLifetimeReached)
      return new Classified(Kind.DEPLOYMENT, Tone.NEUTRAL);
    if (f instanceof ExperimentFact.ActionStarted) return new Classified(Kind.FAULT, Tone.BAD);
    if (f instanceof ExperimentFact.ActionEnded) return new Classified(Kind.FAULT, Tone.GOOD);
    if (f instanceof ExperimentFact.StopConditionMet)
      return new Classified(Kind.FAULT, Tone.NEUTRAL);
    if (f instanceof Ec2Fact.InstanceRecovered) return new Classified(Kind.FAULT, Tone.GOOD);
    if (f instanceof Ec2Fact.ZoneCapacityChanged c)
      return new Classified(Kind.FAULT, c.insufficient() ? Tone.BAD : Tone.GOOD);
    if (f instanceof CloudWatchFact.MetricInjected) return new Classified(Kind.FAULT, Tone.NEUTRAL);
    if (f instanceof ElbFact.TargetBehaviourChanged b)
      return new Classified(Kind.FAULT, b.reset() ? Tone.GOOD : Tone.BAD);
    return null;
  }

  /**
   * The markers of {@code timeline}, lane by lane in time order, merged at {@code msPerPx}.
   *
   * @param timeline the timeline (for cause chains)
   * @param events its events, as the report took them
   * @param msPerPx virtual milliseconds per pixel of the main plots
   */
  static List<Marker> from(Timeline timeline, List<TimelineEvent> events, double msPerPx) {
    Instant t0 = timeline.t0();
    Map<Kind, List<TimelineEvent>> lanes = new EnumMap<>(Kind.class);
    Map<Long, Tone> tones = new java.util.HashMap<>();
    for (TimelineEvent e : events) {
      Classified c = classify(e.fact());
      if (c == null) continue;
      lanes.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(e);
      tones.put(e.id(), c.tone());
    }
    List<Marker> out = new ArrayList<>();
    for (Map.Entry<Kind, List<TimelineEvent>> lane : lanes.entrySet()) {
      List<TimelineEvent> group = new ArrayList<>();
      double groupStart = 0;
      for (TimelineEvent e : lane.getValue()) {
        double ms = Duration.between(t0, e.time()).toMillis();
        if (!group.isEmpty() && (ms - groupStart) / msPerPx >= MERGE_PX) {
          out.add(marker(timeline, lane.getKey(), group, tones));
          group = new ArrayList<>();
        }
        if (group.isEmpty()) groupStart = ms;
        group.add(e);
      }
      if (!group.isEmpty()) out.add(marker(timeline, lane.getKey(), group, tones));
    }
    return List.copyOf(out);
  }

  private static Marker marker(
      Timeline timeline, Kind kind, List<TimelineEvent> group, Map<Long, Tone> tones) {
    Instant t0 = timeline.t0();
    Tone tone = Tone.GOOD;
    List<Long> ids = new ArrayList<>(group.size());
    for (TimelineEvent e : group) {
      ids.add(e.id());
      Tone t = tones.get(e.id());
      if (t == Tone.BAD) tone = Tone.BAD;
      else if (t == Tone.NEUTRAL && tone == Tone.GOOD) tone = Tone.NEUTRAL;
    }
    TimelineEvent first = group.get(0);
    StringBuilder text = new StringBuilder();
    if (group.size() == 1) {
      text.append(offset(t0, first))
          .append("  ")
          .append(first.resource())
          .append('\n')
          .append(first.message());
    } else {
      TimelineEvent last = group.get(group.size() - 1);
      text.append(group.size())
          .append(' ')
          .append(kind.lane())
          .append(" events, ")
          .append(offset(t0, first))
          .append(" to ")
          .append(offset(t0, last));
      for (int i = 0; i < Math.min(LISTED, group.size()); i++) {
        TimelineEvent e = group.get(i);
        text.append("\n#")
            .append(e.id())
            .append(' ')
            .append(offset(t0, e))
            .append(' ')
            .append(e.resource())
            .append(": ")
            .append(e.message());
      }
      if (group.size() > LISTED)
        text.append("\n… and ").append(group.size() - LISTED).append(" more");
    }
    List<TimelineEvent> chain = timeline.causeChain(first.id());
    if (chain.size() > 1) {
      text.append("\ncause chain")
          .append(group.size() > 1 ? " of #" + first.id() : "")
          .append(", oldest first:");
      int from = Math.max(0, chain.size() - 1 - CHAIN_DEPTH);
      if (from > 0) text.append("\n  … ").append(from).append(" earlier");
      for (int i = from; i < chain.size() - 1; i++) {
        TimelineEvent c = chain.get(i);
        text.append("\n  #")
            .append(c.id())
            .append(' ')
            .append(offset(t0, c))
            .append(' ')
            .append(c.resource())
            .append(": ")
            .append(c.message());
      }
    }
    return new Marker(kind, tone, Duration.between(t0, first.time()), ids, text.toString());
  }

  /**
   * The ancestors a tooltip names for {@code marker}: the rows the report must hold to link them.
   */
  static List<Long> chainIds(Timeline timeline, Marker marker) {
    List<TimelineEvent> chain = timeline.causeChain(marker.firstEventId());
    List<Long> ids = new ArrayList<>();
    for (int i = Math.max(0, chain.size() - 1 - CHAIN_DEPTH); i < chain.size(); i++)
      ids.add(chain.get(i).id());
    return ids;
  }

  private static String offset(Instant t0, TimelineEvent e) {
    return TimelineFormat.offset(Duration.between(t0, e.time()));
  }
}

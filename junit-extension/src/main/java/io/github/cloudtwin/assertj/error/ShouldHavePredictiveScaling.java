package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.AutoScalingFact.PredictiveForecastCreated;
import io.github.cloudtwin.facts.AutoScalingFact.PredictiveScalingActionRun;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A predictive scaling policy of an Auto Scaling group forecast another capacity for an hour than
 * expected, or did not raise the group's desired capacity far enough in time. The message shows the
 * policy's capacity forecast hour by hour (the newest forecast for each hour, as {@code
 * GetPredictiveScalingForecast} answers it) and the policy's slice of the timeline.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldHavePredictiveScaling extends CloudTwinErrorMessage {

  private ShouldHavePredictiveScaling(String text) {
    super(text);
  }

  /**
   * The message for {@code hasPredictiveCapacityForecast}.
   *
   * @param group the group
   * @param policyName the predictive scaling policy
   * @param hour the forecast hour, as an offset from the twin's start
   * @param expected the expected capacity forecast
   * @param actual the capacity forecast for the hour, or null when there is none
   * @return the message
   */
  public static ShouldHavePredictiveScaling shouldHaveCapacityForecast(
      AutoScalingGroup group,
      String policyName,
      Duration hour,
      int expected,
      @Nullable Integer actual) {
    Instant t0 = group.timeline().t0();
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting predictive scaling policy ")
        .append(ScalingFacts.quoted(policyName))
        .append(" of Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to forecast capacity ")
        .append(expected)
        .append(" for the hour at ")
        .append(TimelineSlice.offset(t0, t0.plus(hour)))
        .append('\n')
        .append(
            actual == null
                ? "but it has no forecast for that hour.\n"
                : "but it forecast " + actual + ".\n");
    return new ShouldHavePredictiveScaling(tail(sb, group, policyName));
  }

  /**
   * The message for {@code hasPredictiveScalingRaisedDesiredCapacity}.
   *
   * @param group the group
   * @param policyName the predictive scaling policy
   * @param expected the desired capacity expected
   * @param by the latest time, as an offset from the twin's start
   * @return the message
   */
  public static ShouldHavePredictiveScaling shouldHaveRaisedDesiredCapacity(
      AutoScalingGroup group, String policyName, int expected, Duration by) {
    Instant t0 = group.timeline().t0();
    Instant deadline = t0.plus(by);
    @Nullable TimelineEvent best = null;
    for (TimelineEvent e : group.timeline().events(PredictiveScalingActionRun.class)) {
      PredictiveScalingActionRun r = e.fact(PredictiveScalingActionRun.class).orElseThrow();
      if (!r.groupName().equals(group.name())
          || !r.policyName().equals(policyName)
          || e.time().isAfter(deadline)) continue;
      if (best == null || r.to() > ((PredictiveScalingActionRun) best.fact()).to()) best = e;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting predictive scaling policy ")
        .append(ScalingFacts.quoted(policyName))
        .append(" to have raised the desired capacity of Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to ")
        .append(expected)
        .append(" by ")
        .append(TimelineSlice.offset(t0, deadline))
        .append('\n');
    if (best == null) {
      sb.append("but it ran no capacity action by then");
    } else {
      PredictiveScalingActionRun r = (PredictiveScalingActionRun) best.fact();
      sb.append("but by then it raised it to at most ")
          .append(r.to())
          .append(" (at ")
          .append(TimelineSlice.offset(t0, best.time()))
          .append(", for the hour at ")
          .append(TimelineSlice.offset(t0, r.hour()))
          .append(", forecast ")
          .append(r.capacityForecast())
          .append(')');
    }
    if (group.timeline().now().isBefore(deadline)) {
      sb.append("; the clock is only at ").append(TimelineSlice.offset(t0, group.timeline().now()));
    }
    sb.append(".\n");
    return new ShouldHavePredictiveScaling(tail(sb, group, policyName));
  }

  /**
   * The policy's capacity forecast by hour: the newest forecast's value for each hour.
   *
   * @param group the group
   * @param policyName the predictive scaling policy
   * @return hour start to capacity forecast, oldest first
   */
  public static TreeMap<Instant, Integer> capacityForecast(
      AutoScalingGroup group, String policyName) {
    TreeMap<Instant, Integer> hours = new TreeMap<>();
    for (TimelineEvent e : group.timeline().events(PredictiveForecastCreated.class)) {
      PredictiveForecastCreated f = e.fact(PredictiveForecastCreated.class).orElseThrow();
      if (f.groupName().equals(group.name()) && f.policyName().equals(policyName)) {
        f.forecast().forEach(h -> hours.put(h.timestamp(), h.capacityForecast()));
      }
    }
    return hours;
  }

  /** The forecast in runs of equal capacity, then the policy's timeline slice. */
  private static String tail(StringBuilder sb, AutoScalingGroup group, String policyName) {
    Instant t0 = group.timeline().t0();
    TreeMap<Instant, Integer> hours = capacityForecast(group, policyName);
    sb.append("Capacity forecast of ").append(ScalingFacts.quoted(policyName)).append(": ");
    if (hours.isEmpty()) {
      sb.append("none.\n");
    } else {
      StringBuilder runs = new StringBuilder();
      Instant start = hours.firstKey();
      Instant last = start;
      int value = hours.firstEntry().getValue();
      for (Map.Entry<Instant, Integer> h : hours.tailMap(start, false).entrySet()) {
        boolean contiguous = h.getKey().equals(last.plus(Duration.ofHours(1)));
        if (h.getValue() != value || !contiguous) {
          run(runs, t0, start, last, value);
          start = h.getKey();
          value = h.getValue();
        }
        last = h.getKey();
      }
      run(runs, t0, start, last, value);
      sb.append(runs).append(".\n");
    }
    sb.append(
        TimelineSlice.of(
            group.timeline(),
            e -> e.fact() instanceof AutoScalingFact f && policyFact(f, group.name(), policyName)));
    return sb.toString().stripTrailing();
  }

  private static void run(StringBuilder runs, Instant t0, Instant from, Instant to, int value) {
    if (runs.length() > 0) runs.append(", ");
    runs.append(TimelineSlice.offset(t0, from));
    if (!to.equals(from)) runs.append("..").append(TimelineSlice.offset(t0, to));
    runs.append(' ').append(value);
  }

  private static boolean policyFact(AutoScalingFact f, String group, String policy) {
    if (f instanceof PredictiveForecastCreated c) {
      return c.groupName().equals(group) && c.policyName().equals(policy);
    }
    if (f instanceof AutoScalingFact.PredictiveForecastNotCreated c) {
      return c.groupName().equals(group) && c.policyName().equals(policy);
    }
    if (f instanceof PredictiveScalingActionRun c) {
      return c.groupName().equals(group) && c.policyName().equals(policy);
    }
    return false;
  }
}

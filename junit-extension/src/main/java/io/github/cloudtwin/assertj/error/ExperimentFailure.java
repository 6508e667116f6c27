package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.experiments.ExperimentResult;
import io.github.cloudtwin.experiments.MinuteSample;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An experiment's verdict failed: what was expected, what happened, and the worst minute with its
 * timeline.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ExperimentFailure extends CloudTwinErrorMessage {

  private ExperimentFailure(String text) {
    super(text.stripTrailing());
  }

  /**
   * An error rate at or above the limit.
   *
   * @param r the result
   * @param scope "" or " during action x" / " after action x"
   * @param limit the limit
   * @param actual the rate measured
   * @param requests requests in the scope
   * @param errors failed requests in the scope
   * @return the message
   */
  public static ExperimentFailure errorRate(
      ExperimentResult r,
      String scope,
      double limit,
      double actual,
      double requests,
      double errors) {
    return new ExperimentFailure(
        "Expecting experiment "
            + ScalingFacts.quoted(r.experiment().name())
            + " to have an error rate below "
            + limit
            + scope
            + "\nbut it was "
            + rate(actual)
            + " ("
            + whole(errors)
            + " of "
            + whole(requests)
            + " requests failed).\n"
            + worst(r, "Worst minute", r.worstMinute()));
  }

  /**
   * A mean response time at or above the limit.
   *
   * @param r the result
   * @param limit the limit
   * @return the message
   */
  public static ExperimentFailure responseTime(ExperimentResult r, Duration limit) {
    return responseTime(r, "", limit, r.meanResponseSeconds(), r.slowestMinute());
  }

  /**
   * A mean response time at or above the limit in a scope, or none because no target answered.
   *
   * @param r the result
   * @param scope "" or " during action x" / " after action x"
   * @param limit the limit
   * @param mean the mean measured in seconds, NaN without answers
   * @param slowest the minute with the highest mean in the scope
   * @return the message
   */
  public static ExperimentFailure responseTime(
      ExperimentResult r,
      String scope,
      Duration limit,
      double mean,
      Optional<MinuteSample> slowest) {
    return new ExperimentFailure(
        "Expecting experiment "
            + ScalingFacts.quoted(r.experiment().name())
            + " to have a mean response time below "
            + TimelineSlice.shortText(limit)
            + scope
            + "\nbut "
            + (Double.isNaN(mean) ? "no target answered a request" : "it was " + seconds(mean))
            + ".\n"
            + worst(r, "Slowest minute", slowest));
  }

  /**
   * A response-time percentile at or above the limit, or none because no target answered.
   *
   * @param r the result
   * @param scope "" or " during action x" / " after action x"
   * @param percentile the percentile, such as 99
   * @param limit the limit
   * @param actual the percentile measured, empty without answers
   * @param slowest the minute with the highest percentile in the scope
   * @return the message
   */
  public static ExperimentFailure responseTimePercentile(
      ExperimentResult r,
      String scope,
      double percentile,
      Duration limit,
      Optional<Duration> actual,
      Optional<MinuteSample> slowest) {
    String p =
        "p"
            + (percentile == Math.rint(percentile)
                ? String.valueOf((long) percentile)
                : String.valueOf(percentile));
    String label =
        slowest
            .flatMap(m -> m.responseTime(percentile))
            .map(d -> "Slowest minute by " + p + " (" + seconds(d.toNanos() / 1e9) + ")")
            .orElse("Slowest minute");
    return new ExperimentFailure(
        "Expecting experiment "
            + ScalingFacts.quoted(r.experiment().name())
            + " to have a "
            + p
            + " response time below "
            + TimelineSlice.shortText(limit)
            + scope
            + "\nbut "
            + actual
                .map(d -> "it was " + seconds(d.toNanos() / 1e9))
                .orElse("no target answered a request")
            + ".\n"
            + worst(r, label, slowest));
  }

  /**
   * A count that did not recover in time, or dipped too low.
   *
   * @param r the result
   * @param expectation what was expected, such as "target-group/web-tg back at 6 within 10m"
   * @param actual what happened
   * @param worst the minute to show
   * @return the message
   */
  public static ExperimentFailure capacity(
      ExperimentResult r, String expectation, String actual, Optional<MinuteSample> worst) {
    return new ExperimentFailure(
        "Expecting experiment "
            + ScalingFacts.quoted(r.experiment().name())
            + " to have "
            + expectation
            + "\nbut "
            + actual
            + ".\n"
            + worst(r, "Lowest minute", worst));
  }

  /**
   * A state or task count other than expected.
   *
   * @param r the result
   * @param expectation what was expected
   * @param actual what happened
   * @return the message
   */
  public static ExperimentFailure other(ExperimentResult r, String expectation, String actual) {
    return new ExperimentFailure(
        "Expecting experiment "
            + ScalingFacts.quoted(r.experiment().name())
            + " to "
            + expectation
            + "\nbut "
            + actual
            + ".\n"
            + TimelineSlice.of(
                r.timeline(), e -> e.resource().equals("experiment/" + r.experiment().name())));
  }

  /** The worst minute's numbers, then its timeline slice. */
  static String worst(ExperimentResult r, String label, Optional<MinuteSample> minute) {
    if (minute.isEmpty()) return "No minute of the experiment had requests.";
    MinuteSample m = minute.get();
    Duration end = m.end();
    StringBuilder sb =
        new StringBuilder(label)
            .append(": the one ending at ")
            .append(io.github.cloudtwin.kernel.TimelineFormat.offset(end))
            .append(" of the experiment: ")
            .append(whole(m.errors()))
            .append(" of ")
            .append(whole(m.requests()))
            .append(" requests failed, ")
            .append(rate(m.errorRate()))
            .append(", mean response ")
            .append(seconds(m.meanResponseSeconds()))
            .append(", InService ")
            .append(m.inService())
            .append(", healthy targets ")
            .append(m.healthyTargets());
    if (!m.runningTasks().isEmpty()) sb.append(", running tasks ").append(m.runningTasks());
    sb.append(".\n");
    sb.append(TimelineSlice.format(r.eventsOfMinute(end), r.timeline().t0()));
    return sb.toString();
  }

  static String rate(double r) {
    return String.format(Locale.ROOT, "%.4f", r)
        + " ("
        + String.format(Locale.ROOT, "%.2f", r * 100)
        + " %)";
  }

  static String whole(double n) {
    return String.format(Locale.ROOT, "%,d", Math.round(n));
  }

  static String seconds(double s) {
    return Double.isNaN(s) ? "none" : String.format(Locale.ROOT, "%.3f s", s);
  }
}

package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.error.ShouldCompare.shouldCompare;

import io.github.cloudtwin.assertj.error.ShouldCostLessThan;
import io.github.cloudtwin.assertj.error.TimelineSlice;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.whatif.Comparison;
import io.github.cloudtwin.whatif.ReplayOutcome;
import java.time.Duration;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a what-if {@link Comparison}: pick an estate with {@link #estate(String)}, then
 * compare it with another. Failures print the whole comparison table.
 *
 * <pre>{@code
 * assertThat(comparison).estate("target-60").costsNoMoreThan("step").breachesNoLongerThan("step");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class ComparisonAssert extends AbstractObjectAssert<ComparisonAssert, Comparison> {

  /** The estate {@link #estate(String)} chose; null until then. */
  private @Nullable String estate;

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public ComparisonAssert(@Nullable Comparison actual) {
    super(actual, ComparisonAssert.class);
  }

  /**
   * Chooses the estate the next assertions are about.
   *
   * @param name the estate's name
   * @return this assertion
   */
  public ComparisonAssert estate(String name) {
    isNotNull();
    actual.outcome(name); // refuses an unknown name, listing the estates
    this.estate = name;
    return myself;
  }

  /**
   * Verifies that the chosen estate cost no more than {@code other}.
   *
   * @param other another estate's name
   * @return this assertion
   */
  public ComparisonAssert costsNoMoreThan(String other) {
    ReplayOutcome me = chosen();
    ReplayOutcome them = actual.outcome(other);
    if (me.cost().totalUsd() > them.cost().totalUsd()) {
      throw assertionError(
          shouldCompare(
              actual,
              chosenEstate(),
              "to cost no more than \"" + other + "\"",
              "it cost "
                  + ShouldCostLessThan.usd(me.cost().totalUsd())
                  + " and \""
                  + other
                  + "\" "
                  + ShouldCostLessThan.usd(them.cost().totalUsd())));
    }
    return myself;
  }

  /**
   * Verifies that the chosen estate spent no longer above the breach targets than {@code other}.
   *
   * @param other another estate's name
   * @return this assertion
   */
  public ComparisonAssert breachesNoLongerThan(String other) {
    ReplayOutcome me = chosen();
    ReplayOutcome them = actual.outcome(other);
    requireTargets(me);
    if (me.totalBreached().compareTo(them.totalBreached()) > 0) {
      throw assertionError(
          shouldCompare(
              actual,
              chosenEstate(),
              "to breach no longer than \"" + other + "\"",
              "it breached for "
                  + TimelineSlice.shortText(me.totalBreached())
                  + " and \""
                  + other
                  + "\" for "
                  + TimelineSlice.shortText(them.totalBreached())));
    }
    return myself;
  }

  /**
   * Verifies that the chosen estate spent at most {@code limit} above the breach targets.
   *
   * @param limit the longest acceptable time
   * @return this assertion
   */
  public ComparisonAssert breachedAtMost(Duration limit) {
    Require.notNull("limit", limit);
    ReplayOutcome me = chosen();
    requireTargets(me);
    if (me.totalBreached().compareTo(limit) > 0) {
      throw assertionError(
          shouldCompare(
              actual,
              chosenEstate(),
              "to breach for at most " + TimelineSlice.shortText(limit),
              "it breached for " + TimelineSlice.shortText(me.totalBreached())));
    }
    return myself;
  }

  private void requireTargets(ReplayOutcome me) {
    if (me.breached().isEmpty()) {
      throw assertionError(
          shouldCompare(
              actual,
              chosenEstate(),
              "to be measured against a breach target",
              "the what-if had none, so \"no breach\" would prove nothing (add WhatIf.target(...))"));
    }
  }

  private ReplayOutcome chosen() {
    return actual.outcome(chosenEstate());
  }

  private String chosenEstate() {
    isNotNull();
    String name = estate;
    if (name == null) {
      throw new io.github.cloudtwin.kernel.ValidationException(
          "estate", null, "an estate chosen with estate(name) first");
    }
    return name;
  }
}

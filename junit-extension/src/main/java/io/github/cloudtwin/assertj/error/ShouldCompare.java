package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.whatif.Comparison;
import org.apiguardian.api.API;

/** One estate of a what-if comparison did worse than another on cost or breach time. */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ShouldCompare extends CloudTwinErrorMessage {

  private ShouldCompare(String text) {
    super(text);
  }

  /**
   * The message.
   *
   * @param comparison the comparison
   * @param estate the estate under test
   * @param expectation what it should do, such as {@code to cost no more than "step"}
   * @param actual what it did, such as {@code it cost $12.34, "step" $10.00}
   * @return the message
   */
  public static ShouldCompare shouldCompare(
      Comparison comparison, String estate, String expectation, String actual) {
    return new ShouldCompare(
        "Expecting estate "
            + ScalingFacts.quoted(estate)
            + " "
            + expectation
            + "\nbut "
            + actual
            + ".\n"
            + "Comparison (same recording, seed "
            + comparison.outcome(estate).seed()
            + "):\n"
            + comparison.table().stripTrailing());
  }
}

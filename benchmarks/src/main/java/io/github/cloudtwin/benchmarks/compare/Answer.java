package io.github.cloudtwin.benchmarks.compare;

/**
 * What one system answered to one behaviour question.
 *
 * @param verdict the short answer derived from what the system returned ("yes", "no", "never", "not
 *     measured")
 * @param evidence what the system's API actually returned, in a few words
 */
public record Answer(String verdict, String evidence) {

  /** The answer of a system that could not be asked, and why. */
  public static Answer notMeasured(String why) {
    return new Answer("not measured", why);
  }

  /** "verdict: evidence" for a table cell. */
  public String cell() {
    return evidence == null || evidence.isEmpty() ? verdict : "**" + verdict + "**: " + evidence;
  }
}

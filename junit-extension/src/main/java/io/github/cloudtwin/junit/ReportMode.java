package io.github.cloudtwin.junit;

/** When {@link CloudTwinExtension} writes the HTML report of a test. */
public enum ReportMode {
  /** Only for a failed test (the default). */
  ON_FAILURE,
  /** For every test. */
  ALWAYS,
  /** Never; the timeline of a failed test is still printed and published as a report entry. */
  NEVER
}

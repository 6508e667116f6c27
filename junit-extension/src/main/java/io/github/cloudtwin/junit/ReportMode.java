package io.github.cloudtwin.junit;

import org.apiguardian.api.API;

/** When {@link CloudTwinExtension} writes the HTML report of a test. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ReportMode {
  /** Only for a failed test (the default). */
  ON_FAILURE,
  /** For every test. */
  ALWAYS,
  /** Never; the timeline of a failed test is still printed and published as a report entry. */
  NEVER
}

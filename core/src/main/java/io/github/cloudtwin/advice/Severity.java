package io.github.cloudtwin.advice;

import org.apiguardian.api.API;

/** How bad a finding's predicted failure is. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Severity {
  /** The estate works, but worse than it could (wasted launches, slower recovery). */
  WARNING,
  /** The estate will fail its users or stop scaling when the predicted situation arrives. */
  CRITICAL
}

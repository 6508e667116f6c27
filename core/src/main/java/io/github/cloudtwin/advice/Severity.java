package io.github.cloudtwin.advice;

/** How bad a finding's predicted failure is. */
public enum Severity {
  /** The estate works, but worse than it could (wasted launches, slower recovery). */
  WARNING,
  /** The estate will fail its users or stop scaling when the predicted situation arrives. */
  CRITICAL
}

package io.github.cloudtwin.junit;

/** How long one twin lives under {@link CloudTwinExtension}. */
public enum TwinLifecycle {
  /** A fresh twin for every test method (the default): tests cannot see each other's state. */
  PER_METHOD,
  /**
   * One twin for the whole test class, shared by its test methods in execution order and by its
   * {@code @Nested} classes; virtual time keeps running from test to test.
   */
  PER_CLASS
}

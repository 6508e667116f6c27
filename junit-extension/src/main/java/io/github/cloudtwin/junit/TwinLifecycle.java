package io.github.cloudtwin.junit;

import org.apiguardian.api.API;

/** How long one twin lives under {@link CloudTwinExtension}. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum TwinLifecycle {
  /** A fresh twin for every test method (the default): tests cannot see each other's state. */
  PER_METHOD,
  /**
   * One twin for the whole test class, shared by its test methods in execution order and by its
   * {@code @Nested} classes; virtual time keeps running from test to test.
   */
  PER_CLASS
}

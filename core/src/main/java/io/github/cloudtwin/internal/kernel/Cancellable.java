package io.github.cloudtwin.internal.kernel;

import org.apiguardian.api.API;

/** Something scheduled or subscribed that can be stopped. */
@FunctionalInterface
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface Cancellable {
  /** Stops it; harmless when already stopped. */
  void cancel();
}

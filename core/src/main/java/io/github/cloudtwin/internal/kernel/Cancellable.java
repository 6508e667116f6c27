package io.github.cloudtwin.internal.kernel;

/** Something scheduled or subscribed that can be stopped. */
@FunctionalInterface
public interface Cancellable {
  /** Stops it; harmless when already stopped. */
  void cancel();
}

package io.github.cloudtwin.autoscaling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scaling activity listeners of one Auto Scaling service, called on the simulation thread as
 * activities of any of its groups start and end. Adding and removing are thread-safe.
 */
final class ActivityListeners {

  private final List<ScalingActivityListener> listeners = new CopyOnWriteArrayList<>();

  void add(ScalingActivityListener listener) {
    listeners.add(listener);
  }

  void remove(ScalingActivityListener listener) {
    listeners.remove(listener);
  }

  void started(ScalingActivity a) {
    for (ScalingActivityListener l : listeners) l.activityStarted(a);
  }

  void completed(ScalingActivity a) {
    for (ScalingActivityListener l : listeners) l.activityCompleted(a);
  }
}

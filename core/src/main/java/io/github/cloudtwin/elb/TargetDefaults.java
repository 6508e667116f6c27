package io.github.cloudtwin.elb;

import java.time.Duration;

/**
 * The behaviour of targets that have none of their own: healthy, answering 200 after the default
 * latency (20 ms unless set). Read without the lock by the HTTP data plane.
 */
final class TargetDefaults {

  private volatile TargetBehavior behavior = TargetBehavior.healthy(Duration.ofMillis(20));
  private volatile Duration latency = Duration.ofMillis(20);

  TargetBehavior behavior() {
    return behavior;
  }

  Duration latency() {
    return latency;
  }

  void set(Duration latency, TargetBehavior behavior) {
    this.latency = latency;
    this.behavior = behavior;
  }
}

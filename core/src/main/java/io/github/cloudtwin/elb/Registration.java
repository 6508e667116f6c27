package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One target's membership of one target group: its health state and counters. */
final class Registration {

  final TargetRuntime target;
  final TgState group;
  final int port;

  /** Null only until the group's {@code startFresh} gives the new registration its first state. */
  @Nullable TargetHealthState state;

  @Nullable String reason;
  @Nullable String description;
  int passes;
  int fails;
  long healthySince = -1;

  /** When this target's slow start ends, or -1 when it is not in slow start. */
  long slowStartEnd = -1;

  boolean checked;

  /** The health check's request to this target, built on the first check. */
  @Nullable Request healthProbe;

  /** The zone list {@link #zoneIndex} was found in (a load balancer's zones), or null. */
  @Nullable List<String> zoneIndexIn;

  /** The target's zone's index in {@link #zoneIndexIn} (-1: not there). */
  int zoneIndex = -1;

  /** The target's zone's index in a load balancer's zone list (-1: not there), found once. */
  int zoneIndex(List<String> zones) {
    if (zoneIndexIn != zones) {
      zoneIndex = zones.indexOf(target.zone);
      zoneIndexIn = zones;
    }
    return zoneIndex;
  }

  Scheduler.@Nullable Task drainTask;
  final List<Runnable> onDrained = new ArrayList<>();

  Registration(TargetRuntime target, TgState group, int port) {
    this.target = target;
    this.group = group;
    this.port = port;
  }

  TargetHealth health() {
    return new TargetHealth(
        Objects.requireNonNull(state, "a registration has a state from startFresh on"),
        reason,
        description);
  }

  /** Whether the load balancer may route to it (healthy, or failing open). */
  boolean routable() {
    return state == TargetHealthState.INITIAL
        || state == TargetHealthState.HEALTHY
        || state == TargetHealthState.UNHEALTHY
        || state == TargetHealthState.UNAVAILABLE;
  }

  boolean healthy() {
    return state == TargetHealthState.HEALTHY || state == TargetHealthState.UNAVAILABLE;
  }
}

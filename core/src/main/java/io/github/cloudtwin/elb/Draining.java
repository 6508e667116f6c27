package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Deregistration and draining: a target leaves its group at once when nothing is in flight to it,
 * else it drains until its requests are answered or the deregistration delay ends; a terminated
 * instance drains for the whole delay. Callbacks run when it has left.
 */
final class Draining {

  private final Kernel kernel;
  private final RoutingSnapshots routing;
  private final FluidModel fluid;

  Draining(Kernel kernel, RoutingSnapshots routing, FluidModel fluid) {
    this.kernel = kernel;
    this.routing = routing;
    this.fluid = fluid;
  }

  /** Deregisters a registered target; {@code drained} (if not null) runs when it has left. */
  void deregister(TgState g, String id, @Nullable Runnable drained) {
    Registration r =
        Objects.requireNonNull(g.registrations.get(id), "the caller checked it is registered");
    if (drained != null) r.onDrained.add(drained);
    if (r.state == TargetHealthState.DRAINING) return;
    boolean wasInUse = r.routable();
    long now = kernel.clock().now().toEpochMilli();
    if (!wasInUse || !inFlight(r.target, now)) {
      // AWS: with no in-flight requests and no active connections, deregistration completes at once
      finishDrain(g, r);
      return;
    }
    startDrain(g, r, true);
  }

  /**
   * A terminated instance's registration: draining for the deregistration delay, whatever its state
   * was.
   */
  void drainGone(TgState g, Registration r) {
    if (r.state != TargetHealthState.DRAINING) startDrain(g, r, false);
  }

  /**
   * Draining (a delay of 0: at once), then the target leaves the group: when nothing is in flight
   * any more if {@code untilNothingInFlight}, and at the latest when the deregistration delay ends.
   */
  private void startDrain(TgState g, Registration r, boolean untilNothingInFlight) {
    if (g.deregistrationDelay.isZero()) {
      finishDrain(g, r);
      return;
    }
    g.set(
        r,
        TargetHealthState.DRAINING,
        "Target.DeregistrationInProgress",
        g.lbType == LoadBalancerType.CLASSIC
            ? "Instance deregistration currently in progress"
            : "Target deregistration is in progress");
    long now = kernel.clock().now().toEpochMilli();
    long deadline = now + g.deregistrationDelay.toMillis();
    long until = Math.max(r.target.sentInFlightUntil, fluid.inFlightUntil(r.target.id, now));
    long at =
        untilNothingInFlight
            ? Math.min(Math.max(until, now + (r.target.inFlight.get() > 0 ? 1_000 : 0)), deadline)
            : deadline;
    scheduleDrainCheck(g, r, at, deadline);
  }

  /**
   * Whether requests are in flight to the target: sent with {@code send} and not yet answered, of a
   * workload routed to it now, or real HTTP requests through the listener.
   */
  private boolean inFlight(TargetRuntime t, long now) {
    return t.sentInFlightUntil > now
        || fluid.inFlightUntil(t.id, now) > now
        || t.inFlight.get() > 0;
  }

  /**
   * Ends draining at {@code at} if nothing is in flight then, or at the deadline; real HTTP
   * requests (whose end is wall-clock time) are checked again every virtual second.
   */
  private void scheduleDrainCheck(TgState g, Registration r, long at, long deadline) {
    r.drainTask =
        kernel
            .scheduler()
            .at(
                Instant.ofEpochMilli(at),
                () -> {
                  long now = kernel.clock().now().toEpochMilli();
                  if (now >= deadline
                      || (r.target.sentInFlightUntil <= now && r.target.inFlight.get() == 0)) {
                    finishDrain(g, r);
                    routing.healthChanged(g);
                    return;
                  }
                  long next =
                      r.target.sentInFlightUntil > now ? r.target.sentInFlightUntil : now + 1_000;
                  scheduleDrainCheck(g, r, Math.min(next, deadline), deadline);
                });
  }

  /** The target leaves the group ({@code unused}, not registered) and its drained callbacks run. */
  void finishDrain(TgState g, Registration r) {
    if (g.registrations.get(r.target.id) != r) return;
    g.registrations.remove(r.target.id);
    g.set(
        r,
        TargetHealthState.UNUSED,
        "Target.NotRegistered",
        "Target is not registered to the target group");
    for (Runnable cb : r.onDrained) cb.run();
    r.onDrained.clear();
  }
}

package io.github.cloudtwin.elb;

import io.github.cloudtwin.ec2.Instance;
import java.net.URI;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** One target (instance or IP) as the twin runs it: its behaviour and in-flight requests. */
final class TargetRuntime {

  final String id;
  final String zone;

  /** The instance, or null for an IP target. */
  final @Nullable Instance instance;

  /** The real address the HTTP data plane proxies to, or null to answer with the behaviour. */
  volatile @Nullable URI endpoint;

  /** How it answers, or null for the twin's default behaviour. */
  volatile @Nullable TargetBehavior behavior;

  volatile boolean zoneImpaired;

  /**
   * Latency a network impairment toward the target's zone adds to every answer, in ms (0: none).
   */
  volatile long addedLatencyMillis;

  /** The fraction of offered requests a network impairment toward the target's zone loses. */
  volatile double lossFraction;

  final AtomicInteger inFlight = new AtomicInteger();

  /** Virtual completion instants of requests sent with {@code send}; guarded by the kernel lock. */
  final PriorityQueue<Long> virtualCompletions = new PriorityQueue<>();

  /** The latest virtual instant a request sent with {@code send} is answered; kernel lock only. */
  long sentInFlightUntil = Long.MIN_VALUE;

  /** The traffic model's slot for the target, found once; kernel lock only. */
  FluidTargets.@Nullable Slot fluidSlot;

  TargetRuntime(String id, String zone, @Nullable Instance instance) {
    this.id = id;
    this.zone = zone;
    this.instance = instance;
  }

  boolean reachable() {
    return instance != null ? instance.isReachable() : !zoneImpaired;
  }

  /**
   * The answer at virtual {@code now} (epoch ms): 503 while the application on the instance is
   * still starting ({@code applicationStartMillis} after the instance entered running), else what
   * the behaviour answers; a network impairment adds its latency.
   */
  Response answer(Request r, TargetBehavior fallback, long now, long applicationStartMillis) {
    Response resp;
    if (starting(now, applicationStartMillis)) {
      resp = STARTING;
    } else {
      TargetBehavior b = behavior;
      resp = (b != null ? b : fallback).handle(r);
      if (resp == null) resp = Response.noResponse();
    }
    long added = addedLatencyMillis;
    if (added > 0 && resp.kind() == Response.Kind.ANSWERED) {
      resp =
          new Response(
              Response.Kind.ANSWERED, resp.status(), resp.latency().plusMillis(added), resp.body());
    }
    return resp;
  }

  /** What an instance answers while its application starts. */
  static final Response STARTING = Response.of(503, java.time.Duration.ofMillis(1));

  /** Whether the instance's application is still starting at {@code now}. */
  boolean starting(long now, long applicationStartMillis) {
    if (applicationStartMillis <= 0) return false;
    long since = applicationStartedAt();
    return since != Long.MIN_VALUE && since + applicationStartMillis > now;
  }

  /**
   * An IP target (an awsvpc task): when it was registered while in no target group, the moment its
   * application starts (epoch ms); Long.MIN_VALUE before. Set under the kernel lock.
   */
  volatile long registeredAt = Long.MIN_VALUE;

  /**
   * When the application started (epoch ms): an instance's entering running, an IP target's first
   * registration; Long.MIN_VALUE for an instance that is not running.
   */
  private long applicationStartedAt() {
    if (instance == null) return registeredAt;
    return instance.state() == io.github.cloudtwin.ec2.InstanceState.RUNNING
        ? instance.stateSince().toEpochMilli()
        : Long.MIN_VALUE;
  }

  /** When the target's application has started (epoch ms), or Long.MIN_VALUE if it has not. */
  long readyAt(long applicationStartMillis) {
    long since = applicationStartedAt();
    return since == Long.MIN_VALUE ? Long.MIN_VALUE : since + applicationStartMillis;
  }

  int virtualOutstanding(long now) {
    while (!virtualCompletions.isEmpty() && virtualCompletions.peek() <= now) {
      virtualCompletions.poll();
    }
    return virtualCompletions.size();
  }
}

package io.github.cloudtwin.elb;

import io.github.cloudtwin.ec2.Instance;
import java.net.URI;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** One target (instance or IP) as the twin runs it: its behaviour and in-flight requests. */
final class TargetRuntime {

  final String id;
  final String zone;
  final Instance instance;
  volatile URI endpoint;
  volatile TargetBehavior behavior;
  volatile boolean zoneImpaired;
  final AtomicInteger inFlight = new AtomicInteger();
  /** Virtual completion instants of requests sent with {@code send}; guarded by the kernel lock. */
  final PriorityQueue<Long> virtualCompletions = new PriorityQueue<>();
  /** The latest virtual instant a request sent with {@code send} is answered; kernel lock only. */
  long sentInFlightUntil = Long.MIN_VALUE;

  TargetRuntime(String id, String zone, Instance instance) {
    this.id = id;
    this.zone = zone;
    this.instance = instance;
  }

  boolean reachable() {
    return instance != null ? instance.isReachable() : !zoneImpaired;
  }

  Response answer(Request r, TargetBehavior fallback) {
    TargetBehavior b = behavior;
    Response resp = (b != null ? b : fallback).handle(r);
    return resp == null ? Response.noResponse() : resp;
  }

  int virtualOutstanding(long now) {
    while (!virtualCompletions.isEmpty() && virtualCompletions.peek() <= now) {
      virtualCompletions.poll();
    }
    return virtualCompletions.size();
  }
}

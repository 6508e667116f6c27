package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The data plane of single requests: routes one request through a load balancer's snapshot ({@code
 * send}, the real HTTP listener) and answers it as the load balancer would, from the target's
 * behaviour, its network and the idle timeout, with the headers the target sees.
 */
final class RequestRouting {

  private final Kernel kernel;
  private final ElbRegistry registry;
  private final RoutingSnapshots routing;
  private final TargetDefaults defaults;
  private final SplittableRandom lossDraws;
  private final AtomicLong ephemeralPort = new AtomicLong();

  RequestRouting(
      Kernel kernel, ElbRegistry registry, RoutingSnapshots routing, TargetDefaults defaults) {
    this.kernel = kernel;
    this.registry = registry;
    this.routing = routing;
    this.defaults = defaults;
    this.lossDraws = kernel.randomness().stream("elb.network-loss");
  }

  /**
   * Sends one request at the current virtual instant and counts it (see {@code
   * LoadBalancing.send}).
   */
  RoutedResponse send(String loadBalancerName, Request request) {
    Require.notNull("request", request);
    return kernel.call(
        () -> {
          LbState lb = registry.lb(loadBalancerName);
          RoutingSnapshot s = routing.snapshot(lb);
          RoutingSnapshot.ListenerSnap l = s.listener(request.listenerPort());
          if (l == null) {
            throw new ValidationException(
                "listenerPort",
                request.listenerPort(),
                "a listener port of " + loadBalancerName + " " + lb.listeners.keySet());
          }
          Request r =
              request.sourcePort() == 0
                  ? request.from(
                      request.sourceIp(), 1024 + (int) (ephemeralPort.getAndIncrement() % 64000))
                  : request;
          long now = kernel.clock().now().toEpochMilli();
          RoutingSnapshot.Decision d = s.route(l, r, true, now);
          RoutedResponse resp = answer(s, l, d, r, now, true);
          lb.count(resp, d.group == null ? null : d.group.name);
          return resp;
        });
  }

  /**
   * The request as the target receives it: {@code X-Forwarded-*} headers, a Classic listener's
   * instance port.
   */
  static Request forwarded(Request r, RoutingSnapshot.ListenerSnap l) {
    Request f =
        r.withLowerCaseHeaders(
            "x-forwarded-for", forwardedFor(r),
            "x-forwarded-proto", l.forwardedProto,
            "x-forwarded-port", l.forwardedPort);
    return l.instancePort == 0
        ? f
        : f.toListener(l.instancePort); // Classic: the instance port, as a health check's
  }

  /** {@return the X-Forwarded-For a target receives: the client's list with its address added} */
  static String forwardedFor(Request r) {
    String xff = r.headers().get("x-forwarded-for");
    return xff == null ? r.sourceIp() : xff + ", " + r.sourceIp();
  }

  /**
   * The answer to a routed request: the load balancer's own (no node, no target, a fixed response),
   * a timeout or refusal, or the target's; {@code virtual} requests keep the target busy for their
   * latency (draining waits for them).
   */
  RoutedResponse answer(
      RoutingSnapshot s,
      RoutingSnapshot.ListenerSnap l,
      RoutingSnapshot.Decision d,
      Request r,
      long now,
      boolean virtual) {
    String nodeZone = d.node == null ? null : d.node.zone;
    String group = d.group == null ? null : d.group.name;
    if (d.elbStatus == 0)
      return new RoutedResponse(0, Duration.ZERO, null, null, null, nodeZone, true, null);
    if (d.elbStatus > 0)
      return new RoutedResponse(
          d.elbStatus,
          Duration.ZERO,
          null,
          group,
          null,
          nodeZone,
          true,
          "503 Service Temporarily Unavailable");
    if (d.target == null) {
      RuleAction a =
          Objects.requireNonNull(d.action, "a routed request without a target had an action")
              .action;
      return new RoutedResponse(
          a.fixedStatusCode(),
          Duration.ZERO,
          null,
          null,
          null,
          nodeZone,
          true,
          a.fixedMessageBody());
    }
    TargetRuntime t = d.target;
    if (!t.reachable()) {
      return new RoutedResponse(
          504,
          Duration.ofMillis(FluidModel.CONNECT_TIMEOUT_MILLIS),
          t.id,
          group,
          t.zone,
          nodeZone,
          true,
          "504 Gateway Time-out");
    }
    double loss = t.lossFraction;
    if (loss > 0 && lossDraw() < loss) {
      return new RoutedResponse(
          504,
          Duration.ofMillis(FluidModel.CONNECT_TIMEOUT_MILLIS),
          t.id,
          group,
          t.zone,
          nodeZone,
          true,
          "504 Gateway Time-out");
    }
    Response resp =
        t.answer(
            forwarded(r, l),
            defaults.behavior(),
            now,
            d.group == null ? 0 : d.group.applicationStartMillis);
    Duration idle = Duration.ofMillis(s.idleTimeoutMillis);
    RoutedResponse out;
    switch (resp.kind()) {
      case NO_RESPONSE:
        out =
            new RoutedResponse(
                504, idle, t.id, group, t.zone, nodeZone, true, "504 Gateway Time-out");
        break;
      case REFUSED:
        out =
            new RoutedResponse(
                502, Duration.ZERO, t.id, group, t.zone, nodeZone, true, "502 Bad Gateway");
        break;
      default:
        out =
            resp.latency().compareTo(idle) >= 0
                ? new RoutedResponse(
                    504, idle, t.id, group, t.zone, nodeZone, true, "504 Gateway Time-out")
                : new RoutedResponse(
                    resp.status(),
                    resp.latency(),
                    t.id,
                    group,
                    t.zone,
                    nodeZone,
                    false,
                    resp.body());
    }
    if (virtual && out.latency().toMillis() > 0) {
      t.sentInFlightUntil = Math.max(t.sentInFlightUntil, now + out.latency().toMillis());
      if (usesLeastOutstanding(s, l, d.group))
        t.virtualCompletions.add(now + out.latency().toMillis());
    }
    return out;
  }

  private double lossDraw() {
    synchronized (lossDraws) { // request threads of the HTTP listener draw too
      return lossDraws.nextDouble();
    }
  }

  private static boolean usesLeastOutstanding(
      RoutingSnapshot s, RoutingSnapshot.ListenerSnap l, @Nullable TgState g) {
    if (s.type == LoadBalancerType.CLASSIC) return l.protocol.isHttp();
    return s.type == LoadBalancerType.APPLICATION
        && g != null
        && g.spec.algorithm() == LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS;
  }
}

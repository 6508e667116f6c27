package io.github.cloudtwin.elb;

import io.github.cloudtwin.http.HttpOutcome;
import io.github.cloudtwin.http.HttpRouter;
import io.github.cloudtwin.http.IncomingRequest;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Routes real HTTP requests of one load-balancer listener from the current routing snapshot,
 * without the simulation lock: answered by the target's behaviour, or proxied to its real address.
 */
final class HttpDataPlane implements HttpRouter {

  private final RequestRouting routing;
  private final Kernel kernel;
  private final LbState lb;
  private final int listenerPort;

  HttpDataPlane(RequestRouting routing, Kernel kernel, LbState lb, int listenerPort) {
    this.routing = routing;
    this.kernel = kernel;
    this.lb = lb;
    this.listenerPort = listenerPort;
  }

  @Override
  public HttpOutcome route(IncomingRequest in) {
    RoutingSnapshot s =
        Objects.requireNonNull(lb.snapshot, "built before the listener opened (HttpListeners)");
    RoutingSnapshot.ListenerSnap l =
        Objects.requireNonNull(
            s.listener(listenerPort), "the listener existed when the HTTP listener opened");
    TreeMap<String, String> headers = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : in.headers().entrySet()) {
      List<String> v = e.getValue();
      if (!v.isEmpty()) headers.put(e.getKey(), v.size() == 1 ? v.get(0) : String.join(", ", v));
    }
    String host = in.header("host");
    if (host != null && host.indexOf(':') > 0) host = host.substring(0, host.indexOf(':'));
    Request r =
        new Request(
            in.method(),
            host == null ? Request.DEFAULT_HOST : host,
            in.path(),
            Request.lowerCaseHeaders(headers),
            in.clientIp(),
            in.clientPort(),
            l.port,
            false);
    long now = kernel.clock().now().toEpochMilli();
    RoutingSnapshot.Decision d = s.route(l, r, false, now);
    String group = d.group == null ? null : d.group.name;
    String nodeZone = d.node == null ? "" : d.node.zone;
    if (d.elbStatus == 0) {
      Map<String, String> h =
          Map.of(
              "X-CloudTwin-Node-Zone",
              nodeZone,
              "X-CloudTwin-Error",
              "load balancer node unreachable");
      return HttpOutcome.abort(
          h,
          st ->
              lb.count(
                  new RoutedResponse(0, Duration.ZERO, null, null, null, nodeZone, true, null),
                  null));
    }
    Map<String, String> rh = new LinkedHashMap<>();
    rh.put("X-CloudTwin-Node-Zone", nodeZone);
    TargetRuntime t = d.target;
    if (t != null) {
      rh.put("X-CloudTwin-Target", t.id);
      rh.put("X-CloudTwin-Target-Zone", t.zone);
      URI endpoint = t.endpoint;
      if (endpoint != null && t.reachable()) {
        t.inFlight.incrementAndGet();
        Map<String, String> add = new LinkedHashMap<>();
        add.put("x-forwarded-for", RequestRouting.forwardedFor(r));
        add.put("x-forwarded-proto", l.forwardedProto);
        add.put("x-forwarded-port", l.forwardedPort);
        return HttpOutcome.proxy(
            endpoint,
            add,
            rh,
            status -> {
              t.inFlight.decrementAndGet();
              boolean elb = status == 502;
              lb.count(
                  new RoutedResponse(
                      status, Duration.ZERO, t.id, group, t.zone, nodeZone, elb, null),
                  group);
            });
      }
      t.inFlight.incrementAndGet();
    }
    RoutedResponse resp;
    try {
      resp = routing.answer(s, l, d, r, now, false);
    } catch (RuntimeException e) {
      if (t != null) t.inFlight.decrementAndGet();
      throw e;
    }
    RoutedResponse counted = resp;
    rh.put("X-CloudTwin-Latency-Millis", Long.toString(resp.latency().toMillis()));
    String body =
        resp.body() != null
            ? resp.body()
            : resp.status() == 200 ? "OK from " + resp.targetId() + "\n" : "";
    return HttpOutcome.respond(
        resp.status(),
        body,
        rh,
        status -> {
          if (t != null) t.inFlight.decrementAndGet();
          lb.count(counted, group);
        });
  }
}

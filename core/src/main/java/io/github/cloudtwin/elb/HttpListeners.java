package io.github.cloudtwin.elb;

import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real HTTP listeners of one twin's load balancers: each started on 127.0.0.1 and an ephemeral
 * port for one listener, routing through {@link HttpDataPlane}; closed with their load balancer or
 * with the twin.
 */
final class HttpListeners {

  private final Kernel kernel;
  private final ElbRegistry registry;
  private final RoutingSnapshots routing;
  private final RequestRouting requests;
  private final List<HttpListener> listeners = new ArrayList<>();

  /** The load balancer each real HTTP listener serves (closed when it is deleted). */
  private final Map<HttpListener, LbState> owners = new HashMap<>();

  HttpListeners(
      Kernel kernel, ElbRegistry registry, RoutingSnapshots routing, RequestRouting requests) {
    this.kernel = kernel;
    this.registry = registry;
    this.routing = routing;
    this.requests = requests;
  }

  HttpListener start(String loadBalancerName, int listenerPort) {
    LbState lb =
        kernel.call(
            () -> {
              LbState l = registry.lb(loadBalancerName);
              if (routing.snapshot(l).listener(listenerPort) == null) {
                throw new ValidationException(
                    "listenerPort",
                    listenerPort,
                    "a listener port of " + loadBalancerName + " " + l.listeners.keySet());
              }
              return l;
            });
    HttpListener h =
        HttpListener.start(
            loadBalancerName, new HttpDataPlane(requests, kernel, lb, listenerPort), 16);
    try {
      kernel.run(
          () -> {
            listeners.add(h);
            owners.put(h, lb);
            kernel.timeline().record(new ElbFact.HttpListenerStarted(lb.spec.name(), h.uri()));
          });
    } catch (RuntimeException e) {
      h.close(); // the twin closed while the socket was bound: nothing it owns outlives it
      throw e;
    }
    return h;
  }

  /**
   * Forgets the listeners of a deleted load balancer (under the lock) and returns them, for closing
   * after it.
   */
  List<HttpListener> detach(LbState lb) {
    List<HttpListener> out = new ArrayList<>();
    for (HttpListener h : listeners) if (owners.get(h) == lb) out.add(h);
    listeners.removeAll(out);
    for (HttpListener h : out) owners.remove(h);
    return out;
  }

  /** Closes every listener (the twin closes). */
  void closeAll() {
    List<HttpListener> all = kernel.call(() -> new ArrayList<>(listeners));
    for (HttpListener h : all) h.close();
  }
}

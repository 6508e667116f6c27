package io.github.cloudtwin.elb;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.internal.kernel.Hex;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Load balancers and target groups coming and going: {@code CreateLoadBalancer} (a Classic one with
 * its own group of instances), {@code CreateTargetGroup}, {@code DeleteLoadBalancer} (its
 * listeners, HTTP listeners and offered traffic go, its target groups stay) and {@code
 * DeleteTargetGroup} (refused while in use). Names their CloudWatch dimensions.
 */
final class LoadBalancerLifecycle {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final ElbRegistry registry;
  private final TargetGroupContext groups;
  private final ListenerRules listeners;
  private final Draining draining;
  private final HttpListeners http;
  private final FluidModel fluid;
  private final SplittableRandom ids;

  LoadBalancerLifecycle(
      Kernel kernel,
      Ec2 ec2,
      ElbRegistry registry,
      TargetGroupContext groups,
      ListenerRules listeners,
      Draining draining,
      HttpListeners http,
      FluidModel fluid) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.registry = registry;
    this.groups = groups;
    this.listeners = listeners;
    this.draining = draining;
    this.http = http;
    this.fluid = fluid;
    this.ids = kernel.randomness().stream("elb.ids");
  }

  LbState createLoadBalancer(LoadBalancerSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          if (registry.lbs.containsKey(spec.name())) {
            throw new ValidationException(
                "Name",
                spec.name(),
                "a name not used by another load balancer",
                "DuplicateLoadBalancerName: A load balancer with the same name '"
                    + spec.name()
                    + "' exists");
          }
          for (String z : spec.availabilityZones()) ec2.zone(z);
          String hex = hex16();
          TgState classic = null;
          if (spec.type() == LoadBalancerType.CLASSIC) {
            HealthCheckSpec given = spec.healthCheck();
            HealthCheckSpec hc =
                (given == null ? HealthCheckSpec.classicTarget("TCP:80").build() : given)
                    .resolve(LoadBalancerType.CLASSIC, Protocol.TCP);
            Duration delay =
                spec.connectionDrainingEnabled() ? spec.connectionDrainingTimeout() : Duration.ZERO;
            TargetGroupSpec tgSpec =
                new TargetGroupSpec(
                    spec.name(),
                    Protocol.TCP,
                    80,
                    TargetType.INSTANCE,
                    HealthCheckSpec.builder().build(), // the constructor's default, as null was
                    delay,
                    Duration.ZERO,
                    LoadBalancingAlgorithm.ROUND_ROBIN, // the constructor's default
                    null,
                    1);
            classic = new TgState(groups, tgSpec, hc, LoadBalancerType.CLASSIC, delay, spec.name());
          }
          String dim =
              spec.type() == LoadBalancerType.CLASSIC
                  ? spec.name()
                  : spec.type().prefix() + "/" + spec.name() + "/" + hex;
          LbState lb = new LbState(spec, dim, classic);
          if (classic != null) classic.loadBalancers.add(lb);
          registry.lbs.put(spec.name(), lb);
          kernel
              .timeline()
              .record(
                  new ElbFact.LoadBalancerCreated(
                      spec.name(), spec.type(), spec.availabilityZones(), spec.crossZone()));
          groups.routing().rebuild(lb);
          if (classic != null) classic.ensureChecking();
          return lb;
        });
  }

  TgState createTargetGroup(TargetGroupSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          if (registry.tgs.containsKey(spec.name())) {
            throw new ValidationException(
                "Name",
                spec.name(),
                "a name not used by another target group",
                "DuplicateTargetGroupName: A target group with the same name '"
                    + spec.name()
                    + "' exists");
          }
          TgState tg =
              new TgState(
                  groups,
                  spec,
                  spec.healthCheck(),
                  spec.loadBalancerType(),
                  spec.deregistrationDelay(),
                  "targetgroup/" + spec.name() + "/" + hex16());
          registry.tgs.put(spec.name(), tg);
          HealthCheckSpec hc = spec.healthCheck();
          kernel
              .timeline()
              .record(
                  new ElbFact.TargetGroupCreated(
                      spec.name(),
                      spec.loadBalancerType(),
                      spec.protocol(),
                      spec.port(),
                      hc.classicTarget(spec.port())
                          + " every "
                          + Objects.requireNonNull(hc.interval(), "resolved interval").toSeconds()
                          + "s, timeout "
                          + Objects.requireNonNull(hc.timeout(), "resolved timeout").toSeconds()
                          + "s, healthy "
                          + hc.healthyThresholdCount()
                          + ", unhealthy "
                          + hc.unhealthyThresholdCount()
                          + (hc.matcher() == null ? "" : ", matcher " + hc.matcher())));
          return tg;
        });
  }

  void deleteLoadBalancer(String name) {
    List<HttpListener> toClose = new ArrayList<>();
    kernel.run(
        () -> {
          LbState lb = registry.lb(name);
          int count = lb.listeners.size();
          lb.listeners.clear();
          registry.lbs.remove(name);
          lb.deleted = true;
          kernel.timeline().record(new ElbFact.LoadBalancerDeleted(name, count));
          listeners.listenersChanged(lb);
          groups.routing().forget(lb);
          toClose.addAll(http.detach(lb));
          fluid.recompute();
        });
    for (HttpListener h : toClose) h.close();
  }

  void deleteTargetGroup(String name) {
    kernel.run(
        () -> {
          TgState g = registry.tg(name);
          if (g.inUse()) {
            throw new ValidationException(
                "TargetGroupArn",
                name,
                "a target group no listener or rule forwards to (used by "
                    + g.loadBalancers.stream().map(l -> l.spec.name()).toList()
                    + ")",
                "ResourceInUse: Target group '"
                    + name
                    + "' is currently in use by a listener or a rule");
          }
          registry.tgs.remove(name);
          long id =
              kernel
                  .timeline()
                  .record(new ElbFact.TargetGroupDeleted(name, g.registrations.size()));
          kernel.runWithCause(
              id,
              () -> {
                for (Registration r : new ArrayList<>(g.registrations.values())) {
                  if (r.drainTask != null) r.drainTask.cancel();
                  draining.finishDrain(g, r);
                }
              });
        });
  }

  private String hex16() {
    return Hex.of16(ids.nextLong());
  }
}

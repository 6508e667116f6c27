package io.github.cloudtwin.elb;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.internal.kernel.Kernel;

/**
 * The collaborators of one twin's load balancing, each given what it needs, and their hooks into
 * the kernel, EC2 and the timeline: what {@link LoadBalancing} delegates to and the views ({@link
 * LoadBalancer}, {@link TargetGroup}) call. No logic of its own.
 */
final class ElbWiring {

  final Kernel kernel;
  final ElbRegistry registry = new ElbRegistry();
  final TargetHealthListeners healthListeners;
  final RoutingSnapshots routing;
  final LoadBalancerLifecycle lifecycle;
  final ListenerRules listenerRules;
  final Registrations registrations;
  final TargetHealthReports health;
  final NetworkImpairments network;
  final TargetBehaviours behaviours;
  final RequestRouting requests;
  final RequestCounts counts;
  final OfferedTraffic traffic;
  final HttpListeners http;

  ElbWiring(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch) {
    this.kernel = kernel;
    this.healthListeners = new TargetHealthListeners(kernel);
    TargetDefaults defaults = new TargetDefaults();
    this.routing = new RoutingSnapshots(kernel, ec2, registry);
    FluidModel fluid = new FluidModel(kernel, routing, defaults);
    routing.onRebuilt(fluid::markDirty);
    Draining draining = new Draining(kernel, routing, fluid);
    this.network = new NetworkImpairments(kernel, ec2, registry, fluid);
    this.registrations =
        new Registrations(kernel, ec2, registry, routing, network, draining, fluid);
    this.listenerRules = new ListenerRules(kernel, registry, routing);
    this.requests = new RequestRouting(kernel, registry, routing, defaults);
    this.http = new HttpListeners(kernel, registry, routing, requests);
    TargetGroupContext groups = new TargetGroupContext(kernel, defaults, routing, healthListeners);
    this.lifecycle =
        new LoadBalancerLifecycle(
            kernel, ec2, registry, groups, listenerRules, draining, http, fluid);
    this.health = new TargetHealthReports(kernel, registry, fluid);
    this.behaviours = new TargetBehaviours(kernel, registry, defaults, fluid);
    this.counts = new RequestCounts(kernel, registry, fluid);
    this.traffic = new OfferedTraffic(kernel, registry, routing, fluid);
    kernel.onSettle(routing::rebuildStale);
    new ElbMetrics(kernel, cloudWatch, registry, fluid);
    ec2.addListener(
        new InstanceListener() {
          @Override
          public void stateChanged(Instance instance, InstanceState from) {
            registrations.instanceChanged(instance);
          }

          @Override
          public void reachabilityChanged(Instance instance, boolean reachable) {
            registrations.instanceChanged(instance);
          }
        });
    kernel.timeline().addListener(registrations::timelineEvent);
  }
}

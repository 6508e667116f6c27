package io.github.cloudtwin.elb;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Elastic Load Balancing of one twin: Application, Network and Classic Load Balancers, listeners
 * and rules, target groups, health checks that ask each target's {@link TargetBehavior}, routing by
 * zone, cross-zone setting and algorithm, draining, fail-open, DNS failover on zone loss, single
 * requests ({@link #send}), how targets answer ({@link #target}), metrics, and a real HTTP listener
 * per load balancer. Per load balancer reads (request counts, DNS zones, expected shares) are on
 * its {@link LoadBalancer} view; offered traffic comes from {@code twin.traffic()}.
 *
 * <p>Obtain it from {@code twin.loadBalancing()}. Thread-safe: every method runs under the
 * simulation lock, except the HTTP data plane, which routes from an immutable snapshot. This class
 * is the API: each method delegates to one of the package's internal collaborators.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class LoadBalancing implements AutoCloseable {

  /** How long clients keep a node's address after it left DNS (the DNS TTL). */
  public static final Duration DNS_TTL = Duration.ofSeconds(60);

  private final ElbWiring elb;

  /**
   * Creates the service; the twin does this, tests use {@code twin.loadBalancing()}.
   *
   * @param kernel the kernel
   * @param ec2 the ec 2
   * @param cloudWatch the cloud watch
   * @param wiring the twin's connections (this service offers its offered traffic there)
   */
  LoadBalancing(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch, Wiring wiring) {
    this.elb =
        new ElbWiring(
            Require.notNull("kernel", kernel),
            Require.notNull("ec2", ec2),
            Require.notNull("cloudWatch", cloudWatch));
    Require.notNull("wiring", wiring).loadBalancerTraffic(elb.traffic);
  }

  /**
   * Creates a load balancer, as {@code CreateLoadBalancer}.
   *
   * @param spec the spec
   * @return the new load balancer, a live view
   */
  public LoadBalancer createLoadBalancer(LoadBalancerSpec spec) {
    return new LoadBalancer(elb, elb.lifecycle.createLoadBalancer(spec));
  }

  /**
   * Creates a target group, as {@code CreateTargetGroup}.
   *
   * @param spec the spec
   * @return the new target group, a live view
   */
  public TargetGroup createTargetGroup(TargetGroupSpec spec) {
    return new TargetGroup(elb, elb.lifecycle.createTargetGroup(spec));
  }

  /**
   * Creates a listener with its rules, as {@code CreateListener} + {@code CreateRule}.
   *
   * @param spec the spec
   */
  public void createListener(ListenerSpec spec) {
    elb.listenerRules.createListener(spec);
  }

  /**
   * Adds a rule to an Application Load Balancer's listener, as {@code CreateRule}. The priority
   * must be free on that listener ({@code PriorityInUse} otherwise); the rule's target groups must
   * exist and suit the load balancer.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param rule the rule
   */
  public void createRule(String loadBalancerName, int listenerPort, RuleSpec rule) {
    elb.listenerRules.createRule(loadBalancerName, listenerPort, rule);
  }

  /**
   * Replaces the conditions and action of the rule with {@code rule.priority()}, as {@code
   * ModifyRule}.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param rule the rule's new conditions and action, at its priority
   */
  public void modifyRule(String loadBalancerName, int listenerPort, RuleSpec rule) {
    elb.listenerRules.modifyRule(loadBalancerName, listenerPort, rule);
  }

  /**
   * Replaces a listener's default action, as {@code ModifyListener} with {@code DefaultActions}.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param defaultAction the new default action
   */
  public void modifyListenerDefaultAction(
      String loadBalancerName, int listenerPort, RuleAction defaultAction) {
    elb.listenerRules.modifyListenerDefaultAction(loadBalancerName, listenerPort, defaultAction);
  }

  /**
   * Deletes the rule with {@code priority}, as {@code DeleteRule}.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param priority the rule's priority
   */
  public void deleteRule(String loadBalancerName, int listenerPort, int priority) {
    elb.listenerRules.deleteRule(loadBalancerName, listenerPort, priority);
  }

  /**
   * Changes rule priorities, as {@code SetRulePriorities}: all at once, so two rules may swap; the
   * resulting priorities must be unique ({@code PriorityInUse} otherwise).
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param newPriorityByOld the new priority of each rule, by its current priority
   */
  public void setRulePriorities(
      String loadBalancerName, int listenerPort, Map<Integer, Integer> newPriorityByOld) {
    elb.listenerRules.setRulePriorities(loadBalancerName, listenerPort, newPriorityByOld);
  }

  /**
   * Deletes a listener and its rules, as {@code DeleteListener}; target groups no load balancer
   * forwards to any more become unused.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   */
  public void deleteListener(String loadBalancerName, int listenerPort) {
    elb.listenerRules.deleteListener(loadBalancerName, listenerPort);
  }

  /**
   * Deletes a load balancer, as {@code DeleteLoadBalancer}: its listeners and rules go, its real
   * HTTP listeners close and its offered traffic stops. Its target groups and their targets stay
   * (AWS: deleting a load balancer does not affect its registered targets); a target group no load
   * balancer forwards to any more becomes unused.
   *
   * @param name the load balancer
   */
  public void deleteLoadBalancer(String name) {
    elb.lifecycle.deleteLoadBalancer(name);
  }

  /**
   * Deletes a target group, as {@code DeleteTargetGroup}: refused with {@code ResourceInUse} while
   * a listener or rule forwards to it; its targets are deregistered at once (nothing routes to
   * them).
   *
   * @param name the target group
   */
  public void deleteTargetGroup(String name) {
    elb.lifecycle.deleteTargetGroup(name);
  }

  /**
   * Registers targets by id: instance ids, or IPs already known to the twin with their zone.
   *
   * @param targetGroupName the target group name
   * @param targetIds the target ids
   */
  public void registerTargets(String targetGroupName, String... targetIds) {
    elb.registrations.registerTargets(targetGroupName, targetIds);
  }

  /**
   * Registers targets, as {@code RegisterTargets}. All are validated before any is registered.
   *
   * @param targetGroupName the target group name
   * @param descriptions the descriptions
   */
  public void registerTargets(String targetGroupName, TargetDescription... descriptions) {
    elb.registrations.registerTargets(targetGroupName, descriptions);
  }

  /**
   * Classic: registers instances, as {@code RegisterInstancesWithLoadBalancer}.
   *
   * @param loadBalancerName the load balancer name
   * @param instanceIds the instance ids
   */
  public void registerInstancesWithLoadBalancer(String loadBalancerName, String... instanceIds) {
    elb.registrations.registerInstancesWithLoadBalancer(loadBalancerName, instanceIds);
  }

  /**
   * Models the application's start on the targets of a target group: for {@code startTime} after an
   * instance enters running (an IP target, such as an awsvpc task: after its first registration),
   * it answers every request and health check with 503 (a JVM warming its caches), then as its
   * behaviour says. Zero (the default) turns it off. Applies to targets that start from now on and
   * to those still within their start.
   *
   * @param targetGroupName the target group name
   * @param startTime how long the application takes to start, 0 to 1 hour
   */
  public void setApplicationStartTime(String targetGroupName, Duration startTime) {
    elb.health.setApplicationStartTime(targetGroupName, startTime);
  }

  /**
   * {@return how long the application behind a target group takes to start ({@link
   * #setApplicationStartTime}); zero when not modelled}
   *
   * @param targetGroupName the target group name
   */
  public Duration applicationStartTime(String targetGroupName) {
    return elb.health.applicationStartTime(targetGroupName);
  }

  /**
   * Makes every health check of a target group fail (each target answers it 500) or pass again as
   * the targets answer; traffic is served as before. This is the twin's fault for a broken health
   * endpoint across a whole target group, including targets registered while it lasts.
   *
   * @param targetGroupName the target group name
   * @param failing true to fail every check, false to end it
   */
  public void setHealthChecksFailing(String targetGroupName, boolean failing) {
    elb.health.setHealthChecksFailing(targetGroupName, failing);
  }

  /**
   * What the target group's health check gets from each registered, reachable target's behaviour
   * once its application has started, without recording anything: target id to the failure as
   * {@code reasonCode: description} (AWS's words), for the targets whose answer fails the check
   * (path, port, timeout or matcher). Targets that pass are absent; draining and unreachable ones
   * are not asked.
   *
   * @param targetGroupName the target group name
   * @return the failing targets, in target id order
   */
  public Map<String, String> healthCheckFailures(String targetGroupName) {
    return elb.health.healthCheckFailures(targetGroupName);
  }

  /**
   * Impairs the network toward a zone's targets now, until {@link #restoreNetwork(String)}: every
   * answer of a target in the zone takes {@code addedLatency} longer (health checks included), and
   * {@code lossFraction} of the requests routed to them are lost (the load balancer answers 504;
   * health checks are not lost). This is what FIS's network latency and packet loss faults do to
   * the instances of a zone.
   *
   * @param zone the zone
   * @param addedLatency latency added to each answer, 0 to 1 hour
   * @param lossFraction the fraction of requests lost, 0 to 1
   */
  public void impairNetwork(String zone, Duration addedLatency, double lossFraction) {
    elb.network.impair(zone, addedLatency, lossFraction);
  }

  /**
   * Ends a network impairment toward a zone now (no-op when there is none).
   *
   * @param zone the zone
   */
  public void restoreNetwork(String zone) {
    elb.network.restore(zone);
  }

  /**
   * Deregisters targets, as {@code DeregisterTargets}: each drains for the deregistration delay.
   *
   * @param targetGroupName the target group name
   * @param targetIds the target ids
   */
  public void deregisterTargets(String targetGroupName, String... targetIds) {
    elb.registrations.deregisterTargets(targetGroupName, targetIds);
  }

  /**
   * Classic: deregisters instances, as {@code DeregisterInstancesFromLoadBalancer}.
   *
   * @param loadBalancerName the load balancer name
   * @param instanceIds the instance ids
   */
  public void deregisterInstancesFromLoadBalancer(String loadBalancerName, String... instanceIds) {
    elb.registrations.deregisterInstancesFromLoadBalancer(loadBalancerName, instanceIds);
  }

  /**
   * {@return the health of a target, as {@code DescribeTargetHealth}; {@code unused} if not
   * registered}
   *
   * @param targetGroupName the target group name
   * @param targetId the target id
   */
  public TargetHealth targetHealth(String targetGroupName, String targetId) {
    return elb.health.targetHealth(targetGroupName, targetId);
  }

  /**
   * {@return the health of every registered target, in registration order}
   *
   * @param targetGroupName the target group name
   */
  public Map<String, TargetHealth> targetHealths(String targetGroupName) {
    return elb.health.targetHealths(targetGroupName);
  }

  /**
   * {@return a view of the target {@code targetId}: how it answers requests and health checks, and
   * whether it is registered}
   *
   * @param targetId an instance id or an IP
   */
  public Target target(String targetId) {
    Require.name("targetId", targetId);
    elb.kernel.checkOpen();
    return new Target(elb, targetId);
  }

  /**
   * The latency of the default behaviour (healthy, 200), default 20 ms.
   *
   * @param latency the latency
   */
  public void setDefaultLatency(Duration latency) {
    elb.behaviours.setDefaultLatency(latency);
  }

  /**
   * Sends {@code GET /} to the load balancer's first listener.
   *
   * @param loadBalancerName the load balancer name
   * @return where the request went and what it answered
   */
  public RoutedResponse send(String loadBalancerName) {
    return send(loadBalancerName, Request.get());
  }

  /**
   * Sends one request at the current virtual instant, routed exactly as the load balancer does:
   * client to node (round robin over the addresses in DNS), rules, weighted target groups, then the
   * target group's algorithm over the node's pool. Counted for {@link LoadBalancer#requestCount}.
   *
   * @param loadBalancerName the load balancer name
   * @param request the request
   * @return where the request went and what it answered
   */
  public RoutedResponse send(String loadBalancerName, Request request) {
    return elb.requests.send(loadBalancerName, request);
  }

  /**
   * {@return the load balancer named {@code name}}
   *
   * @param name the name
   */
  public LoadBalancer loadBalancer(String name) {
    return elb.kernel.call(() -> new LoadBalancer(elb, elb.registry.lb(name)));
  }

  /**
   * {@return the target group named {@code name}}
   *
   * @param name the name
   */
  public TargetGroup targetGroup(String name) {
    return elb.kernel.call(() -> new TargetGroup(elb, elb.registry.tg(name)));
  }

  /** {@return every load balancer, in creation order} */
  public List<LoadBalancer> loadBalancers() {
    return elb.kernel.call(
        () -> elb.registry.lbs.values().stream().map(l -> new LoadBalancer(elb, l)).toList());
  }

  /** {@return every target group, in creation order} */
  public List<TargetGroup> targetGroups() {
    return elb.kernel.call(
        () -> elb.registry.tgs.values().stream().map(g -> new TargetGroup(elb, g)).toList());
  }

  /**
   * Starts a real HTTP listener on 127.0.0.1 for the load balancer's first listener.
   *
   * @param loadBalancerName the load balancer name
   * @return the started listener; close it to stop
   */
  public HttpListener startHttpListener(String loadBalancerName) {
    return startHttpListener(loadBalancerName, 0);
  }

  /**
   * Starts a real HTTP listener on 127.0.0.1 and an ephemeral port for the listener on {@code
   * listenerPort} (0: the first). Closed with the twin.
   *
   * @param loadBalancerName the load balancer name
   * @param listenerPort the listener port
   * @return the started listener; close it to stop
   */
  public HttpListener startHttpListener(String loadBalancerName, int listenerPort) {
    return elb.http.start(loadBalancerName, listenerPort);
  }

  /**
   * Calls {@code listener} on every target health change (on the simulation thread).
   *
   * @param listener the listener
   */
  public void addTargetHealthListener(TargetHealthListener listener) {
    elb.healthListeners.add(Require.notNull("listener", listener));
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeTargetHealthListener(TargetHealthListener listener) {
    elb.healthListeners.remove(listener);
  }

  /** Closes every HTTP listener (the twin calls this when it closes). */
  @Override
  public void close() {
    elb.http.closeAll();
  }
}

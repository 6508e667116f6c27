package io.github.cloudtwin.elb;

import io.github.cloudtwin.kernel.Timeline;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A live view of one load balancer. For a Classic Load Balancer it also registers instances
 * directly (the same three calls an Auto Scaling group needs from a target group).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class LoadBalancer {

  private final ElbWiring elb;
  private final LbState state;

  LoadBalancer(ElbWiring elb, LbState state) {
    this.elb = elb;
    this.state = state;
  }

  /** {@return the name} */
  public String name() {
    return state.spec.name();
  }

  /** {@return the type} */
  public LoadBalancerType type() {
    return state.spec.type();
  }

  /** {@return what it was created with} */
  public LoadBalancerSpec spec() {
    return state.spec;
  }

  /**
   * {@return the CloudWatch {@code LoadBalancer} dimension value, such as {@code
   * app/web/0123456789abcdef}}
   */
  public String dimensionValue() {
    return state.dimension;
  }

  /** {@return the listener ports, ascending} */
  public List<Integer> listenerPorts() {
    return elb.kernel.call(() -> List.copyOf(state.listeners.keySet()));
  }

  /** {@return the listeners as they were created (with their rules), by ascending port} */
  public List<ListenerSpec> listeners() {
    return elb.kernel.call(() -> List.copyOf(state.listeners.values()));
  }

  /**
   * The target response times this load balancer counted in the minutes that start in {@code [from,
   * to)}, as a distribution with percentiles: what {@code TargetResponseTime} ({@code Latency} for
   * a Classic Load Balancer) would give with a percentile statistic. The minutes are those of its
   * metrics (kept 15 days); a Network Load Balancer has none.
   *
   * @param from the first minute's start, inclusive
   * @param to the end, exclusive
   * @return the distribution, {@link ResponseTimes#NONE} when no target answered
   */
  public ResponseTimes responseTimes(java.time.Instant from, java.time.Instant to) {
    io.github.cloudtwin.internal.kernel.Require.notNull("from", from);
    io.github.cloudtwin.internal.kernel.Require.notNull("to", to);
    return elb.kernel.call(
        () -> state.responseTimes.between(from.toEpochMilli(), to.toEpochMilli()));
  }

  /** {@return the zones whose node is in DNS now (a zone outage or DNS failover removes one)} */
  public List<String> dnsZones() {
    return elb.routing.dnsZones(name());
  }

  /** {@return requests answered by each target since creation (or the last reset), by target id} */
  public Map<String, Long> requestCounts() {
    return elb.counts.requestCounts(name());
  }

  /** {@return requests answered by targets in each zone since creation (or the last reset)} */
  public Map<String, Long> requestCountByZone() {
    return elb.counts.requestCountByZone(name());
  }

  /**
   * {@return requests routed to the target through this load balancer since creation or the last
   * reset: those sent one by one ({@code send}, the HTTP listener) and those of workloads ({@code
   * twin.traffic()}, integrated from their rates and rounded to the nearest request)}
   *
   * @param targetId the target id
   */
  public long requestCount(String targetId) {
    return elb.counts.requestCount(name(), targetId);
  }

  /** {@return requests whose connection failed because the node the client reached was down} */
  public long failedConnectionCount() {
    return elb.counts.failedConnectionCount(name());
  }

  /** Resets the request counts ({@link #requestCount}, {@link #requestCountByZone}, failures). */
  public void resetRequestCounts() {
    elb.counts.reset(name());
  }

  /**
   * {@return the expected fraction of requests shaped like {@code request} that each target
   * receives now, by zone, cross-zone setting, rules, weights and algorithm (answered or not),
   * sorted by id} Multiply by a request count to get the expected requests per target.
   *
   * @param request the request
   */
  public Map<String, Double> expectedShares(Request request) {
    return elb.traffic.expectedShares(name(), request);
  }

  /**
   * Classic: registers an instance (as {@code RegisterInstancesWithLoadBalancer}).
   *
   * @param instanceId the instance id
   */
  public void register(String instanceId) {
    elb.registrations.registerInstancesWithLoadBalancer(name(), instanceId);
  }

  /**
   * Classic: deregisters an instance; {@code drained} runs when connection draining has ended (at
   * once when draining is off).
   *
   * @param instanceId the instance id
   * @param drained runs when it has drained, or null
   */
  public void deregister(String instanceId, @Nullable Runnable drained) {
    elb.registrations.deregisterInstance(name(), instanceId, drained);
  }

  /**
   * Classic: whether the instance is registered and OutOfService because it failed its checks.
   *
   * @param instanceId the instance id
   * @return classic: whether the instance is registered and OutOfService because it failed its
   *     checks
   */
  public boolean isUnhealthy(String instanceId) {
    return elb.health.isUnhealthy(
        Objects.requireNonNull(state.classicGroup, "isUnhealthy is for a Classic Load Balancer"),
        instanceId);
  }

  /**
   * Classic: the instance's health.
   *
   * @param instanceId the instance id
   * @return classic: the instance's health
   */
  public TargetHealth instanceHealth(String instanceId) {
    return elb.health.describeInstanceHealth(name(), instanceId);
  }

  /**
   * {@return the twin's timeline, where this resource's events ({@code lb/<name>}) are recorded}
   */
  public Timeline timeline() {
    return elb.kernel.timeline();
  }

  @Override
  public String toString() {
    return "LoadBalancer[" + name() + ", " + type() + ", " + state.spec.availabilityZones() + "]";
  }
}

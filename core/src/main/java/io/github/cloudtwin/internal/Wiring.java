package io.github.cloudtwin.internal;

import io.github.cloudtwin.autoscaling.LoadBalancerTargets;
import io.github.cloudtwin.spi.TaskRuntimeSlot;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Internal, not API: the connections between one twin's services. The twin creates one per twin and
 * hands it to each service's (package-private) constructor; a service or the twin's wiring offers a
 * connection once, and services read it when they first need it, so services created earlier can
 * reach services created later. Instance state of one twin, never shared. Each connection is set
 * once: setting it again is a bug in the twin and throws.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Wiring {

  private @Nullable MetricOverrides metricOverrides;
  private @Nullable InjectionTargets injectionTargets;
  private @Nullable InstanceIndex instanceIndex;
  private @Nullable GroupIndex groupIndex;
  private @Nullable Function<String, LoadBalancerTargets> targetGroups;
  private @Nullable Function<String, LoadBalancerTargets> loadBalancers;
  private @Nullable TargetRegistration targetRegistration;
  private @Nullable LoadBalancerTraffic loadBalancerTraffic;
  private @Nullable ManagedScalingPolicies managedScalingPolicies;
  private @Nullable WarmPoolInstances warmPoolInstances;
  private @Nullable TaskRuntimeSlot taskRuntimeSlot;
  private @Nullable FargateSpotInterruptions fargateSpotInterruptions;
  private @Nullable PooledMinutes pooledMinutes;

  /** Creates a board with no connections yet. */
  public Wiring() {}

  /**
   * Offers CloudWatch's injections to the metric publishers.
   *
   * @param overrides CloudWatch's injections
   */
  public synchronized void metricOverrides(MetricOverrides overrides) {
    metricOverrides = once("metricOverrides", metricOverrides, overrides);
  }

  /** {@return CloudWatch's injections, as the publishers ask them} */
  public synchronized MetricOverrides metricOverrides() {
    return get("metricOverrides", metricOverrides);
  }

  /**
   * Offers what an injection may name (EC2's instances, Auto Scaling's groups).
   *
   * @param targets the instances and groups that exist
   */
  public synchronized void injectionTargets(InjectionTargets targets) {
    injectionTargets = once("injectionTargets", injectionTargets, targets);
  }

  /** {@return what an injection may name} */
  public synchronized InjectionTargets injectionTargets() {
    return get("injectionTargets", injectionTargets);
  }

  /**
   * Offers EC2's index of the instances it launched.
   *
   * @param index the index
   */
  public synchronized void instanceIndex(InstanceIndex index) {
    instanceIndex = once("instanceIndex", instanceIndex, index);
  }

  /** {@return EC2's index of the instances it launched} */
  public synchronized InstanceIndex instanceIndex() {
    return get("instanceIndex", instanceIndex);
  }

  /**
   * Offers Auto Scaling's index of its groups by name.
   *
   * @param index the index
   */
  public synchronized void groupIndex(GroupIndex index) {
    groupIndex = once("groupIndex", groupIndex, index);
  }

  /** {@return Auto Scaling's index of its groups by name} */
  public synchronized GroupIndex groupIndex() {
    return get("groupIndex", groupIndex);
  }

  /**
   * Offers how target group names resolve to targets (Elastic Load Balancing, for Auto Scaling).
   *
   * @param resolver name to targets; unknown names throw a ValidationException
   */
  public synchronized void targetGroups(Function<String, LoadBalancerTargets> resolver) {
    targetGroups = once("targetGroups", targetGroups, resolver);
  }

  /** {@return how target group names resolve to targets} */
  public synchronized Function<String, LoadBalancerTargets> targetGroups() {
    return get("targetGroups", targetGroups);
  }

  /**
   * Offers how Classic Load Balancer names resolve to targets (for Auto Scaling).
   *
   * @param resolver name to targets; a name that is not a Classic Load Balancer throws a
   *     ValidationException
   */
  public synchronized void loadBalancers(Function<String, LoadBalancerTargets> resolver) {
    loadBalancers = once("loadBalancers", loadBalancers, resolver);
  }

  /** {@return how Classic Load Balancer names resolve to targets} */
  public synchronized Function<String, LoadBalancerTargets> loadBalancers() {
    return get("loadBalancers", loadBalancers);
  }

  /**
   * Offers Elastic Load Balancing's target registration to ECS.
   *
   * @param registration the registration
   */
  public synchronized void targetRegistration(TargetRegistration registration) {
    targetRegistration = once("targetRegistration", targetRegistration, registration);
  }

  /** {@return Elastic Load Balancing's target registration, for ECS} */
  public synchronized TargetRegistration targetRegistration() {
    return get("targetRegistration", targetRegistration);
  }

  /**
   * Offers EC2 Auto Scaling's channel for ECS managed scaling.
   *
   * @param policies the channel
   */
  public synchronized void managedScalingPolicies(ManagedScalingPolicies policies) {
    managedScalingPolicies = once("managedScalingPolicies", managedScalingPolicies, policies);
  }

  /** {@return EC2 Auto Scaling's channel for ECS managed scaling} */
  public synchronized ManagedScalingPolicies managedScalingPolicies() {
    return get("managedScalingPolicies", managedScalingPolicies);
  }

  /**
   * Offers Elastic Load Balancing's offered traffic to the workloads and the CPU models.
   *
   * @param traffic the offered traffic
   */
  public synchronized void loadBalancerTraffic(LoadBalancerTraffic traffic) {
    loadBalancerTraffic = once("loadBalancerTraffic", loadBalancerTraffic, traffic);
  }

  /** {@return Elastic Load Balancing's offered traffic} */
  public synchronized LoadBalancerTraffic loadBalancerTraffic() {
    return get("loadBalancerTraffic", loadBalancerTraffic);
  }

  /**
   * Offers EC2 Auto Scaling's warm pool membership to the metric publishers.
   *
   * @param instances which instances are in a warm pool
   */
  public synchronized void warmPoolInstances(WarmPoolInstances instances) {
    warmPoolInstances = once("warmPoolInstances", warmPoolInstances, instances);
  }

  /** {@return which instances are in a warm pool; none before Auto Scaling wires its pools} */
  public synchronized WarmPoolInstances warmPoolInstances() {
    WarmPoolInstances w = warmPoolInstances;
    return w == null ? WarmPoolInstances.NONE : w;
  }

  /**
   * Offers ECS's task runtime slot to the twin, which hands it to task runtime extensions.
   *
   * @param slot where ECS takes the runtime its tasks run on
   */
  public synchronized void taskRuntimeSlot(TaskRuntimeSlot slot) {
    taskRuntimeSlot = once("taskRuntimeSlot", taskRuntimeSlot, slot);
  }

  /** {@return where ECS takes the runtime its tasks run on} */
  public synchronized TaskRuntimeSlot taskRuntimeSlot() {
    return get("taskRuntimeSlot", taskRuntimeSlot);
  }

  /**
   * Offers ECS's Fargate Spot interruptions to the fault injector.
   *
   * @param interruptions the interruptions
   */
  public synchronized void fargateSpotInterruptions(FargateSpotInterruptions interruptions) {
    fargateSpotInterruptions =
        once("fargateSpotInterruptions", fargateSpotInterruptions, interruptions);
  }

  /** {@return ECS's Fargate Spot interruptions} */
  public synchronized FargateSpotInterruptions fargateSpotInterruptions() {
    return get("fargateSpotInterruptions", fargateSpotInterruptions);
  }

  /**
   * Offers CloudWatch's pooled 1-minute values to the metric publishers.
   *
   * @param minutes the pooled values
   */
  public synchronized void pooledMinutes(PooledMinutes minutes) {
    pooledMinutes = once("pooledMinutes", pooledMinutes, minutes);
  }

  /** {@return CloudWatch's pooled 1-minute values, or null before CloudWatch offers them} */
  public synchronized @Nullable PooledMinutes pooledMinutes() {
    return pooledMinutes;
  }

  private static <T> T once(String name, @Nullable T current, T value) {
    Objects.requireNonNull(value, name);
    if (current != null) throw new IllegalStateException("the twin wired " + name + " twice");
    return value;
  }

  private static <T> T get(String name, @Nullable T value) {
    if (value == null) throw new IllegalStateException("the twin has not wired " + name + " yet");
    return value;
  }
}

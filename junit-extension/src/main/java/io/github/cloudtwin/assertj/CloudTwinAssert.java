package io.github.cloudtwin.assertj;

import io.github.cloudtwin.CloudTwin;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/** The way into assertions on a twin's resources, with the twin's timeline attached. */
@API(status = API.Status.STABLE, since = "0.1.0")
public class CloudTwinAssert extends AbstractObjectAssert<CloudTwinAssert, CloudTwin> {

  /**
   * Assertions on {@code actual}.
   *
   * @param actual the object under test
   */
  public CloudTwinAssert(@Nullable CloudTwin actual) {
    super(actual, CloudTwinAssert.class);
  }

  /** {@return assertions on the timeline} */
  public TimelineAssert timeline() {
    isNotNull();
    return new TimelineAssert(actual.timeline());
  }

  /**
   * Assertions on the alarm with that name.
   *
   * @param alarmName the alarm name
   * @return assertions on the alarm with that name
   */
  public MetricAlarmAssert alarm(String alarmName) {
    isNotNull();
    return new MetricAlarmAssert(actual.cloudWatch().alarm(alarmName)).in(actual);
  }

  /**
   * Assertions on the composite alarm with that name.
   *
   * @param alarmName the alarm name
   * @return assertions on the composite alarm with that name
   */
  public CompositeAlarmAssert compositeAlarm(String alarmName) {
    isNotNull();
    return new CompositeAlarmAssert(actual.cloudWatch().compositeAlarm(alarmName)).in(actual);
  }

  /**
   * Assertions on the instance with that id.
   *
   * @param instanceId the instance id
   * @return assertions on the instance with that id
   */
  public InstanceAssert instance(String instanceId) {
    isNotNull();
    return new InstanceAssert(actual.ec2().instance(instanceId)).in(actual);
  }

  /**
   * Assertions on the Auto Scaling group with that name.
   *
   * @param name the name
   * @return assertions on the Auto Scaling group with that name
   */
  public AutoScalingGroupAssert group(String name) {
    isNotNull();
    return new AutoScalingGroupAssert(actual.autoScaling().group(name));
  }

  /**
   * Assertions on the target group with that name.
   *
   * @param name the name
   * @return assertions on the target group with that name
   */
  public TargetGroupAssert targetGroup(String name) {
    isNotNull();
    return new TargetGroupAssert(actual.loadBalancing().targetGroup(name));
  }

  /**
   * Assertions on the load balancer with that name.
   *
   * @param name the name
   * @return assertions on the load balancer with that name
   */
  public LoadBalancerAssert loadBalancer(String name) {
    isNotNull();
    return new LoadBalancerAssert(actual.loadBalancing().loadBalancer(name));
  }

  /**
   * Assertions on the ECS service {@code serviceName} of {@code cluster}.
   *
   * @param cluster the cluster
   * @param serviceName the service name
   * @return assertions on the ECS service {@code serviceName} of {@code cluster}
   */
  public EcsServiceAssert service(String cluster, String serviceName) {
    isNotNull();
    return new EcsServiceAssert(actual.ecs().service(cluster, serviceName));
  }

  /**
   * Verifies that {@code twin.advice()} has no finding about the configuration as it stands.
   *
   * @return this assertion
   */
  public CloudTwinAssert hasNoConfigurationWarnings() {
    return hasNoConfigurationWarningsExcept();
  }

  /**
   * Verifies that {@code twin.advice()} has no finding but those of the accepted rules (by id, such
   * as {@code flapping-thresholds}).
   *
   * @param acceptedRuleIds the ids of the rules whose findings are accepted
   * @return this assertion
   */
  public CloudTwinAssert hasNoConfigurationWarningsExcept(String... acceptedRuleIds) {
    isNotNull();
    AdviceAssert a = new AdviceAssert(actual.advice());
    for (String id : acceptedRuleIds) a.accepting(id);
    a.hasNoConfigurationWarnings();
    return myself;
  }

  /** {@return assertions on what the scenario has cost so far, at the built-in On-Demand prices} */
  public CostReportAssert cost() {
    return cost(io.github.cloudtwin.cost.PriceTable.awsOnDemand());
  }

  /**
   * Assertions on what the scenario has cost so far, at {@code prices}.
   *
   * @param prices the price table
   * @return assertions on the cost report, quoting this twin's timeline in failures
   */
  public CostReportAssert cost(io.github.cloudtwin.cost.PriceTable prices) {
    isNotNull();
    return new CostReportAssert(io.github.cloudtwin.cost.Costs.of(actual, prices)).in(actual);
  }
}

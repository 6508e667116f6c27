package io.github.cloudtwin.assertj;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.kernel.Timeline;
import org.apiguardian.api.API;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ soft assertions with CloudTwin's entry points: every failure is collected and reported
 * together by {@link #assertAll()}. One instance per test; not thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class CloudTwinSoftAssertions extends SoftAssertions {

  /** Creates an empty collector of soft assertions. */
  public CloudTwinSoftAssertions() {}

  /**
   * Soft verdicts on a resilience experiment's run.
   *
   * @param actual the result under test
   * @return soft assertions on the run
   */
  public ExperimentResultAssert assertThat(
      io.github.cloudtwin.experiments.@Nullable ExperimentResult actual) {
    return proxy(
        ExperimentResultAssert.class,
        io.github.cloudtwin.experiments.ExperimentResult.class,
        actual);
  }

  /**
   * Soft assertions on a twin's advice.
   *
   * @param actual the advice under test
   * @return soft assertions on the advice
   */
  public AdviceAssert assertThat(io.github.cloudtwin.advice.@Nullable Advice actual) {
    return proxy(AdviceAssert.class, io.github.cloudtwin.advice.Advice.class, actual);
  }

  /**
   * Soft assertions on a twin's timeline.
   *
   * @param actual the object under test
   * @return soft assertions on a twin's timeline
   */
  public TimelineAssert assertThat(@Nullable Timeline actual) {
    return proxy(TimelineAssert.class, Timeline.class, actual);
  }

  /**
   * Soft assertions on an alarm; add {@code .in(twin)} for offsets and timeline slices.
   *
   * @param actual the object under test
   * @return soft assertions on an alarm; add {@code .in(twin)} for offsets and timeline slices
   */
  public MetricAlarmAssert assertThat(@Nullable MetricAlarm actual) {
    return proxy(MetricAlarmAssert.class, MetricAlarm.class, actual);
  }

  /**
   * Soft assertions on a composite alarm.
   *
   * @param actual the object under test
   * @return soft assertions on a composite alarm
   */
  public CompositeAlarmAssert assertThat(
      io.github.cloudtwin.cloudwatch.@Nullable CompositeAlarm actual) {
    return proxy(
        CompositeAlarmAssert.class, io.github.cloudtwin.cloudwatch.CompositeAlarm.class, actual);
  }

  /**
   * Soft assertions on an instance; add {@code .in(twin)} for timeline slices in failures.
   *
   * @param actual the object under test
   * @return soft assertions on an instance; add {@code .in(twin)} for timeline slices in failures
   */
  public InstanceAssert assertThat(@Nullable Instance actual) {
    return proxy(InstanceAssert.class, Instance.class, actual);
  }

  /**
   * Soft assertions on an Auto Scaling group.
   *
   * @param actual the object under test
   * @return soft assertions on an Auto Scaling group
   */
  public AutoScalingGroupAssert assertThat(@Nullable AutoScalingGroup actual) {
    return proxy(AutoScalingGroupAssert.class, AutoScalingGroup.class, actual);
  }

  /**
   * Soft assertions on a load balancer.
   *
   * @param actual the object under test
   * @return soft assertions on a load balancer
   */
  public LoadBalancerAssert assertThat(@Nullable LoadBalancer actual) {
    return proxy(LoadBalancerAssert.class, LoadBalancer.class, actual);
  }

  /**
   * Soft assertions on a target group.
   *
   * @param actual the object under test
   * @return soft assertions on a target group
   */
  public TargetGroupAssert assertThat(@Nullable TargetGroup actual) {
    return proxy(TargetGroupAssert.class, TargetGroup.class, actual);
  }

  /**
   * Soft assertions on an ECS service.
   *
   * @param actual the object under test
   * @return soft assertions on an ECS service
   */
  public EcsServiceAssert assertThat(@Nullable EcsService actual) {
    return proxy(EcsServiceAssert.class, EcsService.class, actual);
  }

  /**
   * Soft assertions on an ECS task.
   *
   * @param actual the object under test
   * @return soft assertions on an ECS task
   */
  public TaskAssert assertThat(@Nullable Task actual) {
    return proxy(TaskAssert.class, Task.class, actual);
  }

  /**
   * Soft assertions on a cost report.
   *
   * @param actual the object under test
   * @return soft assertions on a cost report
   */
  public CostReportAssert assertThat(io.github.cloudtwin.cost.@Nullable CostReport actual) {
    return proxy(CostReportAssert.class, io.github.cloudtwin.cost.CostReport.class, actual);
  }

  /**
   * Soft assertions on a what-if comparison.
   *
   * @param actual the object under test
   * @return soft assertions on a comparison
   */
  public ComparisonAssert assertThat(io.github.cloudtwin.whatif.@Nullable Comparison actual) {
    return proxy(ComparisonAssert.class, io.github.cloudtwin.whatif.Comparison.class, actual);
  }
}

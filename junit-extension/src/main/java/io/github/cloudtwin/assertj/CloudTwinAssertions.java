package io.github.cloudtwin.assertj;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.kernel.Timeline;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of CloudTwin's AssertJ assertions: {@code assertThat(timeline)}, {@code
 * assertThat(alarm)}, {@code assertThat(instance)}, {@code assertThat(twin).instance(id)}. Flat
 * delegation; for soft assertions use {@link CloudTwinSoftAssertions}.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class CloudTwinAssertions {

  private CloudTwinAssertions() {}

  /**
   * Assertions on a twin's timeline.
   *
   * @param actual the object under test
   * @return assertions on a twin's timeline
   */
  public static TimelineAssert assertThat(@Nullable Timeline actual) {
    return new TimelineAssert(actual);
  }

  /**
   * Assertions on an alarm; add {@code .in(twin)} for offsets and timeline slices in failures.
   *
   * @param actual the object under test
   * @return assertions on an alarm; add {@code .in(twin)} for offsets and timeline slices in
   *     failures
   */
  public static MetricAlarmAssert assertThat(@Nullable MetricAlarm actual) {
    return new MetricAlarmAssert(actual);
  }

  /**
   * Assertions on a composite alarm.
   *
   * @param actual the object under test
   * @return assertions on a composite alarm
   */
  public static CompositeAlarmAssert assertThat(
      io.github.cloudtwin.cloudwatch.@Nullable CompositeAlarm actual) {
    return new CompositeAlarmAssert(actual);
  }

  /**
   * Assertions on an instance; add {@code .in(twin)} for timeline slices in failures.
   *
   * @param actual the object under test
   * @return assertions on an instance; add {@code .in(twin)} for timeline slices in failures
   */
  public static InstanceAssert assertThat(@Nullable Instance actual) {
    return new InstanceAssert(actual);
  }

  /**
   * Assertions on an Auto Scaling group.
   *
   * @param actual the object under test
   * @return assertions on an Auto Scaling group
   */
  public static AutoScalingGroupAssert assertThat(@Nullable AutoScalingGroup actual) {
    return new AutoScalingGroupAssert(actual);
  }

  /**
   * Assertions on a load balancer.
   *
   * @param actual the object under test
   * @return assertions on a load balancer
   */
  public static LoadBalancerAssert assertThat(@Nullable LoadBalancer actual) {
    return new LoadBalancerAssert(actual);
  }

  /**
   * Assertions on a target group.
   *
   * @param actual the object under test
   * @return assertions on a target group
   */
  public static TargetGroupAssert assertThat(@Nullable TargetGroup actual) {
    return new TargetGroupAssert(actual);
  }

  /**
   * Assertions on an ECS service.
   *
   * @param actual the object under test
   * @return assertions on an ECS service
   */
  public static EcsServiceAssert assertThat(@Nullable EcsService actual) {
    return new EcsServiceAssert(actual);
  }

  /**
   * Assertions on an ECS task.
   *
   * @param actual the object under test
   * @return assertions on an ECS task
   */
  public static TaskAssert assertThat(@Nullable Task actual) {
    return new TaskAssert(actual);
  }

  /**
   * Verdicts on a resilience experiment's run.
   *
   * @param actual the result of {@code twin.experiments().run(..)}
   * @return assertions on the run
   */
  public static ExperimentResultAssert assertThat(
      io.github.cloudtwin.experiments.@Nullable ExperimentResult actual) {
    return new ExperimentResultAssert(actual);
  }

  /**
   * Assertions on a twin's advice ({@code twin.advice()}).
   *
   * @param actual the advice under test
   * @return assertions on the advice
   */
  public static AdviceAssert assertThat(io.github.cloudtwin.advice.@Nullable Advice actual) {
    return new AdviceAssert(actual);
  }

  /**
   * Assertions reached through the twin, with its timeline attached.
   *
   * @param actual the object under test
   * @return assertions reached through the twin, with its timeline attached
   */
  public static CloudTwinAssert assertThat(@Nullable CloudTwin actual) {
    return new CloudTwinAssert(actual);
  }

  /**
   * An event of {@code resource} whose message contains {@code messageFragment}.
   *
   * @param resource the resource
   * @param messageFragment the message fragment
   * @return an event of {@code resource} whose message contains {@code messageFragment}
   */
  public static EventPattern event(String resource, String messageFragment) {
    return EventPattern.event(resource, messageFragment);
  }

  /**
   * An event of {@code resource} and {@code kind} whose message contains {@code messageFragment}.
   *
   * @param resource the resource
   * @param kind the kind
   * @param messageFragment the message fragment
   * @return an event of {@code resource} and {@code kind} whose message contains {@code
   *     messageFragment}
   */
  public static EventPattern event(String resource, String kind, String messageFragment) {
    return EventPattern.event(resource, kind, messageFragment);
  }

  /**
   * An event whose typed fact is of {@code type}, for instance {@code
   * fact(AlarmStateChanged.class)}.
   *
   * @param type the fact type
   * @return the pattern (restrict it to a resource with {@link EventPattern#of(String)})
   */
  public static EventPattern fact(Class<? extends Fact> type) {
    return EventPattern.fact(type);
  }

  /**
   * An event whose typed fact is of {@code type} and satisfies {@code condition}, for instance
   * {@code fact(DesiredCapacityChanged.class, c -> c.to() == 4)}.
   *
   * @param <T> the fact type
   * @param type the fact type
   * @param condition what the fact must satisfy
   * @return the pattern (restrict it to a resource with {@link EventPattern#of(String)})
   */
  public static <T extends Fact> EventPattern fact(Class<T> type, Predicate<? super T> condition) {
    return EventPattern.fact(type, condition);
  }

  /**
   * Assertions on a cost report; add {@code .in(twin)} for timeline slices in failures.
   *
   * @param actual the object under test
   * @return assertions on a cost report
   */
  public static CostReportAssert assertThat(io.github.cloudtwin.cost.@Nullable CostReport actual) {
    return new CostReportAssert(actual);
  }

  /**
   * Assertions on a what-if comparison of estates.
   *
   * @param actual the object under test
   * @return assertions on a comparison
   */
  public static ComparisonAssert assertThat(
      io.github.cloudtwin.whatif.@Nullable Comparison actual) {
    return new ComparisonAssert(actual);
  }
}

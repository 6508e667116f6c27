package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.facts.ServiceScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.scaling.TargetTrackingAlarms;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Application Auto Scaling of one twin, for ECS services: scalable targets ({@code
 * service/<cluster>/<service>}, dimension {@code ecs:service:DesiredCount}), target tracking and
 * step scaling policies with their cooldowns, and scaling activities in AWS's words.
 *
 * <p>Calculations start from the service's running task count (aws-behaviour.md 5.7); scale-in
 * pauses while a deployment is in progress; when several policies fire at one instant, the largest
 * resulting capacity wins. Obtain it from {@code twin.applicationAutoScaling()}. Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ApplicationAutoScaling {

  /** At most this many policies per scalable target. */
  public static final int MAX_POLICIES = 50;

  /**
   * How long an activity stays {@code InProgress} before ECS's change counts as fulfilled (a fake
   * choice: AWS's published DescribeScalingActivities example ends 34 s after it starts).
   */
  public static final java.time.Duration FULFILMENT_TIME = java.time.Duration.ofSeconds(30);

  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final Ecs ecs;
  private final Map<String, ScalableTarget> targets = new LinkedHashMap<>();
  private final SplittableRandom ids;
  private final PolicyExecution execution;

  /**
   * Creates the service; the twin does this, tests use {@code twin.applicationAutoScaling()}.
   *
   * @param kernel the kernel
   * @param cloudWatch the cloud watch
   * @param ecs the ecs
   * @param region the region
   */
  ApplicationAutoScaling(Kernel kernel, CloudWatch cloudWatch, Ecs ecs, String region) {
    this.kernel = Require.notNull("kernel", kernel);
    this.cloudWatch = Require.notNull("cloudWatch", cloudWatch);
    this.ecs = Require.notNull("ecs", ecs);
    Require.name("region", region);
    this.ids = kernel.randomness().stream("appautoscaling.ids");
    this.execution = new PolicyExecution(kernel, cloudWatch, ecs, targets::get, this::uuid);
  }

  // ------------------------------------------------------------------ targets

  /**
   * Registers (or updates) a scalable target, as {@code RegisterScalableTarget}; a desired count
   * outside the new limits is moved into them.
   *
   * @param spec the spec
   * @return the registered scalable target
   */
  public ScalableTarget registerScalableTarget(ScalableTargetSpec spec) {
    Require.notNull("ScalableTarget", spec);
    EcsService s = ecs.service(spec.cluster(), spec.service());
    return kernel.call(
        () -> {
          ScalableTarget t = targets.get(spec.resourceId());
          if (t == null) {
            t = new ScalableTarget(spec);
            targets.put(spec.resourceId(), t);
          } else {
            t.spec = spec;
          }
          kernel
              .timeline()
              .record(
                  new ServiceScalingFact.ScalableTargetRegistered(
                      spec.resourceId(), spec.minCapacity(), spec.maxCapacity()));
          int desired = s.desiredCount();
          if (desired < spec.minCapacity()) {
            execution.apply(
                t, spec.minCapacity(), "minimum capacity was set to " + spec.minCapacity());
          } else if (desired > spec.maxCapacity()) {
            execution.apply(
                t, spec.maxCapacity(), "maximum capacity was set to " + spec.maxCapacity());
          }
          return t;
        });
  }

  /**
   * The target with that resource id, or a ValidationException ({@code ObjectNotFoundException}).
   *
   * @param resourceId the resource id
   * @return the target with that resource id, or a ValidationException ({@code
   *     ObjectNotFoundException})
   */
  public ScalableTarget scalableTarget(String resourceId) {
    Require.name("ResourceId", resourceId);
    return kernel.call(
        () -> {
          ScalableTarget t = targets.get(resourceId);
          if (t == null) {
            throw new ValidationException(
                "ResourceId",
                resourceId,
                "a registered scalable target " + targets.keySet(),
                "No scalable target registered for service namespace: ecs, resource ID: "
                    + resourceId
                    + ", scalable dimension: ecs:service:DesiredCount");
          }
          return t;
        });
  }

  /** {@return every registered scalable target, in registration order} */
  public List<ScalableTarget> scalableTargets() {
    return kernel.call(() -> List.copyOf(targets.values()));
  }

  /**
   * Deregisters a target and deletes its policies and their alarms.
   *
   * @param resourceId the resource id
   */
  public void deregisterScalableTarget(String resourceId) {
    ScalableTarget t = scalableTarget(resourceId);
    kernel.run(
        () -> {
          for (PolicyState p : List.copyOf(t.policies.values())) deletePolicy(t, p);
          targets.remove(resourceId);
          kernel.timeline().record(new ServiceScalingFact.ScalableTargetDeregistered(resourceId));
        });
  }

  /**
   * The activities of a target, oldest first, as {@code DescribeScalingActivities}.
   *
   * @param resourceId the resource id
   * @return the activities of a target, oldest first, as {@code DescribeScalingActivities}
   */
  public List<ScalingActivity> describeScalingActivities(String resourceId) {
    return scalableTarget(resourceId).activities();
  }

  // ------------------------------------------------------------------ policies

  /**
   * Creates or replaces a policy, as {@code PutScalingPolicy}; target tracking creates its two
   * alarms.
   *
   * @param spec the spec
   * @return the policy as stored
   */
  public ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    Require.notNull("ScalingPolicy", spec);
    ScalableTarget t = scalableTarget(spec.resourceId());
    return kernel.call(
        () -> {
          PolicyState existing = t.policies.get(spec.policyName());
          if (existing == null && t.policies.size() >= MAX_POLICIES) {
            throw new ValidationException(
                "PolicyName",
                spec.policyName(),
                "at most " + MAX_POLICIES + " policies per scalable target");
          }
          // an update keeps the policy's ARN, so alarms whose actions name it run the new spec
          String arn =
              existing != null
                  ? existing.arn
                  : kernel
                      .arns()
                      .of(
                          "autoscaling",
                          "scalingPolicy:"
                              + uuid()
                              + ":resource/ecs/"
                              + spec.resourceId()
                              + ":policyName/"
                              + spec.policyName());
          PolicyState p =
              new PolicyState(
                  spec,
                  t,
                  arn,
                  (state, low) ->
                      AlarmAction.scaling(
                          spec.policyName(), ctx -> execution.onAlarm(state, ctx, low)));
          // every alarm is built (and so validated) before the old policy goes: nothing
          // half-applied
          List<MetricAlarmSpec> alarms =
              spec instanceof TargetTrackingPolicySpec tt ? alarms(p, tt) : List.of();
          if (existing != null) deletePolicy(t, existing);
          for (MetricAlarmSpec a : alarms) {
            cloudWatch.putMetricAlarm(a);
            p.alarmNames.add(a.alarmName());
          }
          synchronized (t.policies) {
            t.policies.put(spec.policyName(), p);
          }
          kernel
              .timeline()
              .record(
                  new ServiceScalingFact.ServiceScalingPolicyPut(
                      spec.policyName(),
                      spec.resourceId(),
                      spec instanceof TargetTrackingPolicySpec));
          return p.view;
        });
  }

  /**
   * Deletes a policy and the alarms it owns, as {@code DeleteScalingPolicy}.
   *
   * @param policyName the policy name
   * @param resourceId the resource id
   */
  public void deleteScalingPolicy(String policyName, String resourceId) {
    ScalableTarget t = scalableTarget(resourceId);
    kernel.run(
        () -> {
          PolicyState p = t.policies.get(policyName);
          if (p == null) {
            throw new ValidationException(
                "PolicyName", policyName, "a policy of " + resourceId + " " + t.policies.keySet());
          }
          deletePolicy(t, p);
        });
  }

  private void deletePolicy(ScalableTarget t, PolicyState p) {
    synchronized (t.policies) {
      t.policies.remove(p.spec.policyName());
    }
    TargetTrackingAlarms.delete(cloudWatch, p.alarmNames);
  }

  /** The alarms of a target tracking policy, named as AWS names them (see {@link AlarmNames}). */
  private List<MetricAlarmSpec> alarms(PolicyState p, TargetTrackingPolicySpec tt) {
    MetricId metric;
    Statistic statistic = Statistic.AVERAGE;
    String cluster = p.target.spec().cluster();
    String service = p.target.spec().service();
    if (tt.predefinedMetricType() == null) {
      metric =
          Objects.requireNonNull(
              tt.customizedMetric(),
              "the spec requires a customized metric without a predefined one");
      statistic = tt.customizedStatistic();
    } else {
      switch (tt.predefinedMetricType()) {
        case ECSServiceAverageCPUUtilization:
          metric =
              MetricId.of(
                  "AWS/ECS", "CPUUtilization", "ClusterName", cluster, "ServiceName", service);
          break;
        case ECSServiceAverageMemoryUtilization:
          metric =
              MetricId.of(
                  "AWS/ECS", "MemoryUtilization", "ClusterName", cluster, "ServiceName", service);
          break;
        default:
          String label =
              Objects.requireNonNull(
                  tt.resourceLabel(), "the spec requires a resource label for this metric");
          metric =
              MetricId.of(
                  "AWS/ApplicationELB",
                  "RequestCountPerTarget",
                  "TargetGroup",
                  label.substring(label.indexOf("targetgroup/")));
          statistic = Statistic.SUM;
      }
    }
    MetricId watched = metric;
    Statistic stat = statistic;
    TargetTrackingAlarms.Pair pair =
        TargetTrackingAlarms.build(
            TargetTrackingAlarms.Shape.APPLICATION_AUTO_SCALING,
            p.target.resourceId(),
            this::uuid,
            p.arn,
            b -> b.metric(watched).statistic(stat).period(Duration.ofSeconds(60)),
            tt.targetValue(),
            tt.disableScaleIn(),
            p.action,
            p.lowAction);
    p.highAlarm = pair.high().alarmName();
    if (pair.low() != null) p.lowAlarm = pair.low().alarmName();
    return pair.specs();
  }

  private String uuid() {
    long a = ids.nextLong();
    long b = ids.nextLong();
    return String.format(
        "%08x-%04x-4%03x-%04x-%012x",
        a >>> 32,
        (a >>> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >>> 48) & 0x3fff),
        b & 0xffffffffffffL);
  }

  @Override
  public String toString() {
    return "ApplicationAutoScaling" + targets.keySet();
  }
}

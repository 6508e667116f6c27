package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmActionContext;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ecs.Deployment;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.RolloutState;
import io.github.cloudtwin.facts.ServiceScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.scaling.Capacity;
import io.github.cloudtwin.internal.scaling.SameInstantProposals;
import io.github.cloudtwin.internal.scaling.StepIntervals;
import io.github.cloudtwin.internal.scaling.TargetTracking;
import io.github.cloudtwin.internal.scaling.TargetTrackingAlarms;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final SameInstantProposals<Proposal> proposals;

  private record Proposal(
      PolicyState policy, int desired, String alarm, boolean scaleIn, int base) {}

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
    this.proposals = new SameInstantProposals<>(kernel.scheduler(), kernel.clock(), this::resolve);
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
            apply(t, spec.minCapacity(), "minimum capacity was set to " + spec.minCapacity());
          } else if (desired > spec.maxCapacity()) {
            apply(t, spec.maxCapacity(), "maximum capacity was set to " + spec.maxCapacity());
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
          String arn =
              kernel
                  .arns()
                  .of(
                      "autoscaling",
                      "scalingPolicy:"
                          + uuid()
                          + ":resource/ecs/"
                          + spec.resourceId()
                          + ":policyName/"
                          + spec.policyName());
          PolicyState p = new PolicyState(spec, t, arn);
          p.action = AlarmAction.scaling(spec.policyName(), ctx -> onAlarm(p, ctx, false));
          p.lowAction = AlarmAction.scaling(spec.policyName(), ctx -> onAlarm(p, ctx, true));
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
      metric = tt.customizedMetric();
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
          String label = tt.resourceLabel();
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

  // ------------------------------------------------------------------ scaling

  private void onAlarm(PolicyState p, AlarmActionContext ctx, boolean low) {
    ScalableTarget t = p.target;
    if (targets.get(t.resourceId()) != t || t.policies.get(p.spec.policyName()) != p) return;
    double metric = ctx.newestDatapoint();
    if (Double.isNaN(metric)) return;
    EcsService s = ecs.service(t.spec().cluster(), t.spec().service());
    int desired = s.desiredCount();
    int running = s.runningCount();
    kernel.runWithCause(
        ctx.causeEventId(),
        () -> {
          int proposed;
          boolean scaleIn;
          int base;
          if (p.spec instanceof TargetTrackingPolicySpec tt) {
            base = running == 0 ? desired : running;
            int needed = TargetTracking.needed(base, metric, tt.targetValue());
            if (low) {
              proposed = Math.max(t.spec().minCapacity(), needed);
              scaleIn = true;
              if (proposed >= desired) return;
            } else {
              proposed = Math.max(desired, needed);
              scaleIn = false;
              if (proposed <= desired) return;
            }
          } else {
            StepScalingPolicySpec step = (StepScalingPolicySpec) p.spec;
            StepAdjustment a =
                StepIntervals.select(
                    step.stepAdjustments(),
                    StepAdjustment::metricIntervalLowerBound,
                    StepAdjustment::metricIntervalUpperBound,
                    metric - ctx.threshold());
            if (a == null) return;
            boolean outCooldown =
                t.scaleOutCooldownEnd != null
                    && kernel.clock().now().isBefore(t.scaleOutCooldownEnd);
            base = running == 0 ? desired : running;
            if (step.adjustmentType() == AdjustmentType.ExactCapacity) {
              proposed = a.scalingAdjustment();
              if (proposed == desired) return;
            } else {
              int adj = adjustment(step, a.scalingAdjustment(), base);
              if (adj > 0 && outCooldown) {
                // the capacity added by the scale-out that started the cooldown counts toward this
                // one
                base = t.scaleOutBase;
                adj = adjustment(step, a.scalingAdjustment(), base);
              }
              proposed = Capacity.plus(base, adj);
              if (adj > 0 && proposed <= desired || adj < 0 && proposed >= desired || adj == 0)
                return;
            }
            scaleIn = proposed < desired;
          }
          proposals.add(new Proposal(p, proposed, ctx.alarmName(), scaleIn, base));
        });
  }

  /**
   * The change for {@code n} at {@code base}, rounded as AWS does (the shared engine's arithmetic).
   */
  static int adjustment(StepScalingPolicySpec step, int n, int base) {
    return step.adjustmentType().arithmetic().change(base, n, step.minAdjustmentMagnitude());
  }

  private void resolve(List<Proposal> batch) {
    Map<ScalableTarget, Proposal> out =
        SameInstantProposals.largestPer(
            batch.stream().filter(pr -> !pr.scaleIn()).toList(),
            pr -> pr.policy().target,
            Proposal::desired);
    Map<ScalableTarget, Proposal> in =
        SameInstantProposals.largestPer(
            batch.stream().filter(Proposal::scaleIn).toList(),
            pr -> pr.policy().target,
            Proposal::desired);
    Instant now = kernel.clock().now();
    for (Map.Entry<ScalableTarget, Proposal> e : out.entrySet()) {
      ScalableTarget t = e.getKey();
      Proposal pr = e.getValue();
      in.remove(t); // a scale-out wins over a scale-in at the same instant
      if (t.spec().dynamicScalingOutSuspended()) continue;
      int desired = clamp(t, pr.desired());
      EcsService s = ecs.service(t.spec().cluster(), t.spec().service());
      if (desired <= s.desiredCount()) continue;
      boolean inCooldown = t.scaleOutCooldownEnd != null && now.isBefore(t.scaleOutCooldownEnd);
      if (!inCooldown) t.scaleOutBase = pr.base();
      t.scaleOutCooldownEnd = now.plus(cooldown(pr.policy().spec, false));
      t.scaleInCooldownEnd = null; // a scale-out cancels the scale-in cooldown
      apply(
          t,
          desired,
          "monitor alarm "
              + pr.alarm()
              + " in state ALARM triggered policy "
              + pr.policy().spec.policyName());
    }
    for (Map.Entry<ScalableTarget, Proposal> e : in.entrySet()) {
      ScalableTarget t = e.getKey();
      Proposal pr = e.getValue();
      if (t.spec().dynamicScalingInSuspended()) continue;
      if (t.scaleInCooldownEnd != null && now.isBefore(t.scaleInCooldownEnd)) continue;
      EcsService s = ecs.service(t.spec().cluster(), t.spec().service());
      if (deploymentInProgress(s)) continue;
      if (pr.policy().spec instanceof TargetTrackingPolicySpec
          && !allTargetTrackingReadyToScaleIn(t)) continue;
      int desired = clamp(t, pr.desired());
      if (desired >= s.desiredCount()) continue;
      t.scaleInCooldownEnd = now.plus(cooldown(pr.policy().spec, true));
      apply(
          t,
          desired,
          "monitor alarm "
              + pr.alarm()
              + " in state ALARM triggered policy "
              + pr.policy().spec.policyName());
    }
  }

  /**
   * Scale in only when every target tracking policy with scale-in enabled has its low alarm in
   * ALARM.
   */
  private boolean allTargetTrackingReadyToScaleIn(ScalableTarget t) {
    List<String> lows = new ArrayList<>();
    for (PolicyState p : t.policies.values()) {
      if (p.spec instanceof TargetTrackingPolicySpec tt && !tt.disableScaleIn())
        lows.add(p.lowAlarm);
    }
    return TargetTrackingAlarms.allInAlarm(cloudWatch, lows);
  }

  private static boolean deploymentInProgress(EcsService s) {
    List<Deployment> ds = s.deployments();
    return ds.size() > 1 || ds.get(0).rolloutState() == RolloutState.IN_PROGRESS && !s.isSteady();
  }

  private static Duration cooldown(ScalingPolicySpec spec, boolean scaleIn) {
    if (spec instanceof TargetTrackingPolicySpec tt)
      return scaleIn ? tt.scaleInCooldown() : tt.scaleOutCooldown();
    return ((StepScalingPolicySpec) spec).cooldown();
  }

  private static int clamp(ScalableTarget t, int n) {
    return Capacity.clamp(n, t.spec().minCapacity(), t.spec().maxCapacity());
  }

  private void apply(ScalableTarget t, int desired, String cause) {
    String description = "Setting desired count to " + desired + ".";
    ScalingActivity a =
        new ScalingActivity(
            uuid(),
            t.resourceId(),
            description,
            cause,
            kernel.clock().now(),
            null,
            "InProgress",
            null);
    synchronized (t.activities) {
      t.activities.add(a);
    }
    kernel
        .scheduler()
        .after(
            FULFILMENT_TIME,
            () -> {
              synchronized (t.activities) {
                int i = t.activities.indexOf(a);
                if (i >= 0) t.activities.set(i, a.fulfilled(kernel.clock().now(), desired));
              }
            });
    long ev =
        kernel
            .timeline()
            .record(
                new ServiceScalingFact.ServiceScalingActivity(
                    t.resourceId(), description, cause, desired));
    kernel.runWithCause(
        ev,
        () ->
            ecs.setDesiredCount(
                t.spec().cluster(),
                t.spec().service(),
                desired,
                "service "
                    + t.spec().service()
                    + " desired count set to "
                    + desired
                    + " by Application Auto Scaling"));
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

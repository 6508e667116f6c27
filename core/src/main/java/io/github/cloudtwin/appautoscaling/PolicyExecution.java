package io.github.cloudtwin.appautoscaling;

import io.github.cloudtwin.cloudwatch.AlarmActionContext;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ecs.Deployment;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.RolloutState;
import io.github.cloudtwin.facts.ServiceScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.scaling.Capacity;
import io.github.cloudtwin.internal.scaling.SameInstantProposals;
import io.github.cloudtwin.internal.scaling.StepIntervals;
import io.github.cloudtwin.internal.scaling.TargetTracking;
import io.github.cloudtwin.internal.scaling.TargetTrackingAlarms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What Application Auto Scaling does when a policy's alarm triggers it: the capacity a target
 * tracking or step policy asks for (from the running task count), the largest proposal per target
 * at one instant, cooldowns, scale-in paused during deployments and until every target tracking
 * policy agrees, and the scaling activity that sets the service's desired count. Guarded by the
 * kernel lock.
 */
final class PolicyExecution {

  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final Ecs ecs;
  private final Function<String, ScalableTarget> targets;
  private final Supplier<String> uuid;
  private final SameInstantProposals<Proposal> proposals;

  private record Proposal(
      PolicyState policy, int desired, String alarm, boolean scaleIn, int base) {}

  /**
   * @param kernel the kernel
   * @param cloudWatch where the policies' alarms are
   * @param ecs the services scaled
   * @param targets the registered scalable target by resource id, or null
   * @param uuid the next id (activity ids share the service's id stream)
   */
  PolicyExecution(
      Kernel kernel,
      CloudWatch cloudWatch,
      Ecs ecs,
      Function<String, ScalableTarget> targets,
      Supplier<String> uuid) {
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
    this.ecs = ecs;
    this.targets = targets;
    this.uuid = uuid;
    this.proposals = new SameInstantProposals<>(kernel.scheduler(), kernel.clock(), this::resolve);
  }

  /**
   * A policy's alarm ({@code low}: its low alarm) is in ALARM: proposes the capacity it asks for.
   */
  void onAlarm(PolicyState invoked, AlarmActionContext ctx, boolean low) {
    ScalableTarget t = invoked.target;
    // the action names the policy by its ARN: an update (same ARN) runs the current spec
    PolicyState p = t.policies.get(invoked.spec.policyName());
    if (targets.apply(t.resourceId()) != t || p == null || !p.arn.equals(invoked.arn)) return;
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

  /** Sets the service's desired count, as a scaling activity that ECS fulfils. */
  void apply(ScalableTarget t, int desired, String cause) {
    String description = "Setting desired count to " + desired + ".";
    ScalingActivity a =
        new ScalingActivity(
            uuid.get(),
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
            ApplicationAutoScaling.FULFILMENT_TIME,
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
}

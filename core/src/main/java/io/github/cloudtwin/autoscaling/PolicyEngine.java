package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.AlarmActionContext;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.scaling.SameInstantProposals;
import io.github.cloudtwin.internal.scaling.ServiceLinkedPolicy;
import io.github.cloudtwin.internal.scaling.TargetTrackingAlarms;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The scaling policies of {@link AutoScaling}: PutScalingPolicy with the alarms target tracking
 * owns, DeletePolicy, ExecutePolicy, and alarm actions turned into desired capacity through the
 * shared scaling engine ({@code internal.scaling}). Runs under the kernel lock.
 */
final class PolicyEngine {

  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final Function<String, GroupRuntime> runtime;
  private final Supplier<Collection<GroupRuntime>> groups;
  private final Supplier<String> uuid;
  private final SameInstantProposals<Proposal> proposals;

  private record Proposal(PolicyRuntime policy, int desired, String alarmName, long eventId) {}

  PolicyEngine(
      Kernel kernel,
      CloudWatch cloudWatch,
      Function<String, GroupRuntime> runtime,
      Supplier<Collection<GroupRuntime>> groups,
      Supplier<String> uuid) {
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
    this.runtime = runtime;
    this.groups = groups;
    this.uuid = uuid;
    this.proposals = new SameInstantProposals<>(kernel.scheduler(), kernel.clock(), this::resolve);
  }

  /**
   * Creates or replaces a scaling policy, as {@code PutScalingPolicy}; target tracking creates its
   * alarms.
   *
   * @param spec the spec
   * @return the policy as stored
   */
  ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    return putScalingPolicy(spec, null);
  }

  /** Puts a policy; {@code owner} is the service that owns a target tracking policy, or null. */
  ScalingPolicy putScalingPolicy(ScalingPolicySpec spec, @Nullable ServiceLinkedPolicy owner) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          GroupRuntime g = runtime.apply(spec.autoScalingGroupName());
          PolicyRuntime old = g.policies.get(spec.policyName());
          // an update keeps the policy's ARN, so alarms whose actions name it run the new spec
          String arn =
              old != null
                  ? old.arn
                  : kernel
                      .arns()
                      .of(
                          "autoscaling",
                          "scalingPolicy:"
                              + uuid.get()
                              + ":autoScalingGroupName/"
                              + g.name
                              + ":policyName/"
                              + spec.policyName());
          PolicyRuntime p = new PolicyRuntime(g, spec, arn, this, owner);
          // every alarm is built (and so validated) before anything changes: a rejection leaves no
          // trace
          List<MetricAlarmSpec> alarms =
              spec instanceof TargetTrackingScalingPolicy t
                  ? targetTrackingAlarms(p, t).specs()
                  : List.of();
          if (old != null) deleteOwnedAlarms(old);
          g.policies.put(spec.policyName(), p);
          long id =
              kernel
                  .timeline()
                  .record(
                      new AutoScalingFact.PolicyPut(
                          spec.policyName(), g.name, spec, describe(spec)));
          kernel.runWithCause(id, () -> alarms.forEach(cloudWatch::putMetricAlarm));
          return new ScalingPolicy(p);
        });
  }

  private static String describe(ScalingPolicySpec s) {
    if (s instanceof SimpleScalingPolicy p)
      return "SimpleScaling " + p.adjustmentType() + " " + p.scalingAdjustment();
    if (s instanceof StepScalingPolicy p)
      return "StepScaling " + p.adjustmentType() + " " + p.stepAdjustments();
    TargetTrackingScalingPolicy t = (TargetTrackingScalingPolicy) s;
    if (t.isMetricMath()) {
      MetricDataQuery q =
          t.customMetrics().stream().filter(MetricDataQuery::returnData).findFirst().orElseThrow();
      return "TargetTrackingScaling metrics "
          + q.id()
          + " = "
          + (q.metricStat() == null ? q.expression() : q.metricStat().metric())
          + " target "
          + t.targetValue();
    }
    return "TargetTrackingScaling " + t.metric() + " target " + t.targetValue();
  }

  /**
   * The alarms of a target tracking policy, named as AWS names them: the high alarm, and the low
   * one unless the policy has {@code DisableScaleIn} (as Application Auto Scaling does;
   * docs/fidelity.md, "EC2 Auto Scaling").
   */
  private TargetTrackingAlarms.Pair targetTrackingAlarms(
      PolicyRuntime p, TargetTrackingScalingPolicy t) {
    TargetTrackingAlarms.Pair pair =
        TargetTrackingAlarms.build(
            p.owner == null ? TargetTrackingAlarms.Shape.EC2_AUTO_SCALING : p.owner.shape(),
            p.group.name,
            uuid,
            p.arn,
            b -> watching(t, b),
            t.targetValue(),
            t.disableScaleIn(),
            p.action,
            p.lowAction);
    p.highAlarmName = pair.high().alarmName();
    p.lowAlarmName = pair.low() == null ? null : pair.low().alarmName();
    return pair;
  }

  /** The policy's metric, per minute: its metric and statistic, or its metric math. */
  private static MetricAlarmSpec.Builder watching(
      TargetTrackingScalingPolicy t, MetricAlarmSpec.Builder b) {
    if (t.isMetricMath()) return b.metrics(t.customMetrics());
    return b.metric(t.metric()).statistic(t.statistic()).period(Duration.ofSeconds(60));
  }

  void deleteOwnedAlarms(PolicyRuntime p) {
    TargetTrackingAlarms.delete(cloudWatch, new ScalingPolicy(p).alarmNames());
  }

  /**
   * Deletes a policy, as {@code DeletePolicy}, with the alarms it owns.
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  void deletePolicy(String groupName, String policyName) {
    kernel.run(
        () -> {
          PolicyRuntime p = policyRuntime(groupName, policyName);
          deleteOwnedAlarms(p);
          p.group.policies.remove(policyName);
          kernel.timeline().record(new AutoScalingFact.PolicyDeleted(policyName, p.group.name));
        });
  }

  private PolicyRuntime policyRuntime(String groupName, String policyName) {
    GroupRuntime g = runtime.apply(groupName);
    Require.name("PolicyName", policyName);
    PolicyRuntime p = g.policies.get(policyName);
    if (p == null) {
      throw new ValidationException(
          "PolicyName",
          policyName,
          "the name of a policy of group " + groupName + " " + g.policies.keySet());
    }
    return p;
  }

  /** {@return the scaling policies of a group, in the order they were put} */
  List<ScalingPolicy> policies(String groupName) {
    return kernel.call(
        () -> runtime.apply(groupName).policies.values().stream().map(ScalingPolicy::new).toList());
  }

  /**
   * The policy of {@code groupName} named {@code policyName}, or a ValidationException.
   *
   * @param groupName the group name
   * @param policyName the policy name
   * @return the policy of {@code groupName} named {@code policyName}, or a ValidationException
   */
  ScalingPolicy policy(String groupName, String policyName) {
    return kernel.call(() -> new ScalingPolicy(policyRuntime(groupName, policyName)));
  }

  /**
   * The policy named {@code policyName} in whichever group has it (it must be exactly one).
   *
   * @param policyName the policy name
   * @return the policy named {@code policyName} in whichever group has it (it must be exactly one)
   */
  ScalingPolicy policy(String policyName) {
    Require.name("PolicyName", policyName);
    return kernel.call(
        () -> {
          List<PolicyRuntime> found = new ArrayList<>();
          for (GroupRuntime g : groups.get()) {
            PolicyRuntime p = g.policies.get(policyName);
            if (p != null) found.add(p);
          }
          if (found.size() != 1) {
            throw new ValidationException(
                "PolicyName",
                policyName,
                found.isEmpty()
                    ? "the name of an existing policy"
                    : "a name used by one group only; use policy(group, name)");
          }
          return new ScalingPolicy(found.get(0));
        });
  }

  /**
   * Executes a policy now, as {@code ExecutePolicy}. Step policies need {@code metricValue} and
   * {@code breachThreshold}; target tracking policies cannot be executed.
   *
   * @param groupName the group name
   * @param policyName the policy name
   * @param honorCooldown the honor cooldown
   * @param metricValue the metric value
   * @param breachThreshold the breach threshold
   */
  void executePolicy(
      String groupName,
      String policyName,
      boolean honorCooldown,
      @Nullable Double metricValue,
      @Nullable Double breachThreshold) {
    kernel.run(
        () -> {
          PolicyRuntime p = policyRuntime(groupName, policyName);
          if (p.spec instanceof TargetTrackingScalingPolicy) {
            throw new ValidationException(
                "PolicyName",
                policyName,
                "a simple or step scaling policy (ExecutePolicy does"
                    + " not support target tracking policies)",
                "Policy "
                    + policyName
                    + " of type TargetTrackingScaling cannot be executed: ExecutePolicy runs only"
                    + " SimpleScaling and StepScaling policies.");
          }
          if (p.spec instanceof StepScalingPolicy
              && (metricValue == null || breachThreshold == null)) {
            throw new ValidationException(
                "MetricValue",
                metricValue,
                "MetricValue and BreachThreshold are required for a" + " step scaling policy");
          }
          if (honorCooldown && p.isSimple() && p.group.inCooldownOrActivity()) {
            throw new ScalingActivityInProgressException(
                groupName, "cooldown until " + p.group.cooldownEnd);
          }
          double m = metricValue == null ? Double.NaN : metricValue;
          double t = breachThreshold == null ? Double.NaN : breachThreshold;
          int proposed = p.propose(m, t, false, cloudWatch);
          int desired = proposed < 0 ? proposed : heldAtForecast(p.group, policyName, proposed);
          long id =
              kernel
                  .timeline()
                  .record(
                      new AutoScalingFact.PolicyExecuted(
                          policyName, p.group.name, null, p.group.spec.desiredCapacity(), desired));
          if (desired >= 0) {
            kernel.runWithCause(
                id,
                () ->
                    p.group.changeDesired(
                        desired,
                        "a user request executed policy " + policyName,
                        p.isSimple(),
                        p.cooldown()));
          }
        });
  }

  /** Called by a policy's alarm action, on the simulation thread. */
  void onAlarm(PolicyRuntime invoked, AlarmActionContext ctx, boolean low) {
    GroupRuntime g = invoked.group;
    // the action names the policy by its ARN: an update (same ARN) runs the current spec, a policy
    // deleted (and perhaps put again under a new ARN) runs nothing
    PolicyRuntime p = g.policies.get(invoked.name());
    if (g.deleted || p == null || !p.arn.equals(invoked.arn)) return;
    kernel.runWithCause(
        ctx.causeEventId(),
        () -> {
          if (g.isSuspended(ScalingProcess.AlarmNotification)) {
            if (!ctx.reinvocation()) {
              kernel
                  .timeline()
                  .record(
                      new AutoScalingFact.PolicyNotExecuted(
                          p.name(),
                          g.name,
                          AutoScalingFact.Reason.ALARM_NOTIFICATION_SUSPENDED,
                          null));
            }
            return;
          }
          if (p.isSimple() && g.inCooldownOrActivity()) {
            if (!ctx.reinvocation()) {
              kernel
                  .timeline()
                  .record(
                      new AutoScalingFact.PolicyNotExecuted(
                          p.name(), g.name, AutoScalingFact.Reason.COOLDOWN, g.cooldownEnd));
            }
            return;
          }
          int desired = p.propose(ctx.newestDatapoint(), ctx.threshold(), low, cloudWatch);
          if (desired < 0) {
            return;
          }
          long id =
              kernel
                  .timeline()
                  .record(
                      new AutoScalingFact.PolicyExecuted(
                          p.name(), g.name, ctx.alarmName(), g.spec.desiredCapacity(), desired));
          proposals.add(new Proposal(p, desired, ctx.alarmName(), id));
        });
  }

  /** Policies that fired at the same instant: per group, the largest resulting capacity wins. */
  private void resolve(List<Proposal> batch) {
    for (Proposal w :
        SameInstantProposals.largestPer(batch, pr -> pr.policy().group, Proposal::desired)
            .values()) {
      GroupRuntime g = w.policy().group;
      int desired = heldAtForecast(g, w.policy().name(), g.clamp(w.desired()));
      if (g.deleted || desired == g.spec.desiredCapacity()) continue;
      kernel.runWithCause(
          w.eventId(),
          () ->
              g.changeDesired(
                  desired,
                  "a monitor alarm "
                      + w.alarmName()
                      + " in state ALARM triggered policy "
                      + w.policy().name(),
                  w.policy().isSimple(),
                  w.policy().cooldown()));
    }
  }

  /**
   * A dynamic scale-in held at the hour's predictive capacity forecast (recorded when it holds):
   * with ForecastAndScale the group keeps the higher of the forecast and the dynamic capacity.
   */
  private int heldAtForecast(GroupRuntime g, String policyName, int proposed) {
    int current = g.spec.desiredCapacity();
    ForecastFloor floor = ForecastFloor.at(g.forecastFloors.values(), kernel.clock().now());
    if (floor == null || proposed >= current || proposed >= floor.capacity()) return proposed;
    int held = Math.min(floor.capacity(), current);
    kernel
        .timeline()
        .record(
            new AutoScalingFact.ScaleInHeldAtForecast(
                policyName, g.name, floor.policyName(), floor.hour(), proposed, held));
    return held;
  }
}

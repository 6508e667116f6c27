package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The health checks of one group: EC2 status checks (impaired for longer than a tolerance), the ELB
 * health of its traffic sources after the grace period, and marking a member Unhealthy, which its
 * replacement follows.
 */
final class HealthChecks {

  /** How long an impaired status check is tolerated (a fake choice; AWS says "a few minutes"). */
  static final Duration IMPAIRED_TOLERANCE = Duration.ofMinutes(3);

  private final GroupState state;
  private final GroupContext group;
  private final Scheduler scheduler;
  private final TrafficSources traffic;

  HealthChecks(GroupState state, GroupContext group, Scheduler scheduler, TrafficSources traffic) {
    this.state = state;
    this.group = group;
    this.scheduler = scheduler;
    this.traffic = traffic;
  }

  void reachabilityChanged(Member m, boolean reachable) {
    if (reachable) {
      m.impairedSince = null;
      if (m.impairedCheck != null) m.impairedCheck.cancel();
      return;
    }
    if (m.instance.state() == InstanceState.RUNNING) impaired(m);
  }

  /** The member's status checks fail: Unhealthy once that lasts {@link #IMPAIRED_TOLERANCE}. */
  void impaired(Member m) {
    if (m.impairedSince != null) return;
    m.impairedSince = state.now();
    m.impairedCheck =
        scheduler.after(
            IMPAIRED_TOLERANCE,
            () -> {
              if (m.impairedSince != null
                  && !m.instance.statusOk()
                  && m.instance.state() == InstanceState.RUNNING
                  && m.state == LifecycleState.IN_SERVICE) {
                markUnhealthy(
                    m,
                    "an instance was taken out of service in response to an EC2 instance status check failure",
                    true);
              }
            });
  }

  /**
   * Marks the member Unhealthy for {@code cause}; {@code limited} replacements wait for the batch
   * limit (and are not made while HealthCheck is suspended).
   */
  void markUnhealthy(Member m, String cause, boolean limited) {
    if (m.health == HealthStatus.UNHEALTHY || m.terminationStarted) return;
    if (group.isSuspended(ScalingProcess.HealthCheck) && limited) return;
    m.health = HealthStatus.UNHEALTHY;
    state.mayHaveUnhealthy = true;
    state.version++;
    m.unhealthyCause = cause;
    m.limitedUnhealthy = limited;
    state.record(new AutoScalingFact.InstanceMarkedUnhealthy(state.name, m.instanceId, cause));
    group.reconcile();
  }

  /**
   * The periodic ELB health check: InService members past the grace period that a traffic source
   * reports unhealthy.
   */
  void checkElbHealth() {
    AutoScalingGroupSpec spec = group.spec();
    if (spec.healthCheckType() == HealthCheckType.ELB
        && !traffic.isEmpty()
        && !group.isSuspended(ScalingProcess.HealthCheck)) {
      Instant now = state.now();
      for (Member m : List.copyOf(state.members.values())) {
        if (m.state != LifecycleState.IN_SERVICE
            || m.health != HealthStatus.HEALTHY
            || m.terminationStarted
            || !m.registered) continue;
        Instant inService =
            Objects.requireNonNull(m.inServiceAt, "an InService member has gone InService");
        if (inService.plus(group.spec().healthCheckGracePeriod()).isAfter(now)) continue;
        if (traffic.anyUnhealthy(m)) {
          markUnhealthy(
              m,
              "an instance was taken out of service in response to an ELB system health check failure",
              true);
        }
      }
    }
  }
}

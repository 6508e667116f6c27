package io.github.cloudtwin.experiments;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What an experiment's action does, named after the AWS Fault Injection Service action (or
 * scenario, or SSM document) that does it in AWS. Immutable values; {@link #actionId()} is FIS's
 * identifier.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface FaultAction {

  /** {@return FIS's identifier of the action, such as {@code aws:ec2:terminate-instances}} */
  String actionId();

  /** {@return whether the action happens at one instant (no duration) rather than over a window} */
  default boolean instant() {
    return false;
  }

  /**
   * {@return the resource the action targets, as {@code type/name}, for overlap checks and facts}
   */
  String target();

  /**
   * FIS's "AZ Availability: Power Interruption" scenario: the zone goes dark for the action's
   * duration (its instances stop answering and reporting, launches into it fail), then returns.
   *
   * @param zone the Availability Zone
   */
  record ZonePowerInterruption(String zone) implements FaultAction {
    /**
     * Validates.
     *
     * @param zone the Availability Zone
     */
    public ZonePowerInterruption {
      Require.name("zone", zone);
    }

    @Override
    public String actionId() {
      return "AZ Availability: Power Interruption";
    }

    @Override
    public String target() {
      return "zone/" + zone;
    }
  }

  /**
   * {@code aws:ec2:terminate-instances} on an Auto Scaling group's InService instances: they are
   * terminated at once; the group replaces them.
   *
   * @param autoScalingGroupName the group whose instances are the target
   * @param selection how many of them
   */
  record TerminateInstances(String autoScalingGroupName, Selection selection)
      implements FaultAction {
    /**
     * Validates.
     *
     * @param autoScalingGroupName the group
     * @param selection how many of its instances
     */
    public TerminateInstances {
      Require.name("autoScalingGroupName", autoScalingGroupName);
      Require.notNull("selection", selection);
    }

    @Override
    public String actionId() {
      return "aws:ec2:terminate-instances";
    }

    @Override
    public boolean instant() {
      return true;
    }

    @Override
    public String target() {
      return "group/" + autoScalingGroupName;
    }
  }

  /**
   * {@code aws:ec2:stop-instances} on a group's InService instances, with {@code
   * startInstancesAfterDuration} = the action's duration: stopped now, started again at the end (if
   * the group has not replaced them by then).
   *
   * @param autoScalingGroupName the group whose instances are the target
   * @param selection how many of them
   */
  record StopInstances(String autoScalingGroupName, Selection selection) implements FaultAction {
    /**
     * Validates.
     *
     * @param autoScalingGroupName the group
     * @param selection how many of its instances
     */
    public StopInstances {
      Require.name("autoScalingGroupName", autoScalingGroupName);
      Require.notNull("selection", selection);
    }

    @Override
    public String actionId() {
      return "aws:ec2:stop-instances";
    }

    @Override
    public String target() {
      return "group/" + autoScalingGroupName;
    }
  }

  /**
   * {@code aws:ecs:stop-task} on an ECS service's running tasks: they are stopped at once; the
   * service starts replacements.
   *
   * @param cluster the cluster
   * @param serviceName the service whose tasks are the target
   * @param selection how many of them
   */
  record StopTasks(String cluster, String serviceName, Selection selection) implements FaultAction {
    /**
     * Validates.
     *
     * @param cluster the cluster
     * @param serviceName the service
     * @param selection how many of its tasks
     */
    public StopTasks {
      Require.name("cluster", cluster);
      Require.name("serviceName", serviceName);
      Require.notNull("selection", selection);
    }

    @Override
    public String actionId() {
      return "aws:ecs:stop-task";
    }

    @Override
    public boolean instant() {
      return true;
    }

    @Override
    public String target() {
      return "service/" + cluster + "/" + serviceName;
    }
  }

  /**
   * {@code aws:ssm:send-command} with {@code AWSFIS-Run-CPU-Stress}: the selected InService
   * instances of a group burn {@code loadPercent} more CPU (added to what their traffic costs,
   * capped at 100 %) for the action's duration.
   *
   * @param autoScalingGroupName the group whose instances are the target
   * @param selection how many of them
   * @param loadPercent the CPU added, 1 to 100
   */
  record CpuStress(String autoScalingGroupName, Selection selection, double loadPercent)
      implements FaultAction {
    /**
     * Validates.
     *
     * @param autoScalingGroupName the group
     * @param selection how many of its instances
     * @param loadPercent the CPU added, 1 to 100
     */
    public CpuStress {
      Require.name("autoScalingGroupName", autoScalingGroupName);
      Require.notNull("selection", selection);
      if (!(loadPercent >= 1 && loadPercent <= 100))
        throw new ValidationException("LoadPercent", loadPercent, "1 to 100");
    }

    @Override
    public String actionId() {
      return "aws:ssm:send-command/AWSFIS-Run-CPU-Stress";
    }

    @Override
    public String target() {
      return "group/" + autoScalingGroupName;
    }
  }

  /**
   * {@code aws:ssm:send-command} with {@code AWSFIS-Run-Network-Latency} on a zone's instances:
   * every answer of a target in the zone (health checks included) takes {@code delay} longer.
   *
   * @param zone the zone whose targets are slowed
   * @param delay the added latency, more than 0, at most 1 hour
   */
  record NetworkLatency(String zone, Duration delay) implements FaultAction {
    /**
     * Validates.
     *
     * @param zone the zone
     * @param delay the added latency
     */
    public NetworkLatency {
      Require.name("zone", zone);
      Require.between(
          "DelayMilliseconds",
          Require.positive("DelayMilliseconds", delay),
          Duration.ofMillis(1),
          Duration.ofHours(1));
    }

    @Override
    public String actionId() {
      return "aws:ssm:send-command/AWSFIS-Run-Network-Latency";
    }

    @Override
    public String target() {
      return "network/" + zone;
    }
  }

  /**
   * {@code aws:ssm:send-command} with {@code AWSFIS-Run-Network-Packet-Loss} on a zone's instances:
   * {@code lossPercent} of the requests routed to the zone's targets are lost (the load balancer
   * answers 504).
   *
   * @param zone the zone whose targets lose requests
   * @param lossPercent 1 to 100
   */
  record PacketLoss(String zone, double lossPercent) implements FaultAction {
    /**
     * Validates.
     *
     * @param zone the zone
     * @param lossPercent 1 to 100
     */
    public PacketLoss {
      Require.name("zone", zone);
      if (!(lossPercent >= 1 && lossPercent <= 100))
        throw new ValidationException("LossPercent", lossPercent, "1 to 100");
    }

    @Override
    public String actionId() {
      return "aws:ssm:send-command/AWSFIS-Run-Network-Packet-Loss";
    }

    @Override
    public String target() {
      return "network/" + zone;
    }
  }

  /**
   * A target group's health check fails on every registered target for the action's duration (they
   * answer it with 500 and serve traffic as before). FIS has no such action; the twin names it
   * {@code cloudtwin:elb:fail-health-checks}.
   *
   * @param targetGroupName the target group
   */
  record FailHealthChecks(String targetGroupName) implements FaultAction {
    /**
     * Validates.
     *
     * @param targetGroupName the target group
     */
    public FailHealthChecks {
      Require.name("targetGroupName", targetGroupName);
    }

    @Override
    public String actionId() {
      return "cloudtwin:elb:fail-health-checks";
    }

    @Override
    public String target() {
      return "target-group/" + targetGroupName;
    }
  }

  /**
   * {@code aws:fis:inject-api-throttle-error} on EC2's {@code RunInstances} as a group's scaling
   * calls it: {@code percentage} of its launches fail with {@code RequestLimitExceeded} for the
   * action's duration; the group retries.
   *
   * @param autoScalingGroupName the group whose launches are throttled
   * @param percentage 1 to 100
   */
  record ThrottleLaunches(String autoScalingGroupName, int percentage) implements FaultAction {
    /**
     * Validates.
     *
     * @param autoScalingGroupName the group
     * @param percentage 1 to 100
     */
    public ThrottleLaunches {
      Require.name("autoScalingGroupName", autoScalingGroupName);
      Require.between("percentage", percentage, 1, 100);
    }

    @Override
    public String actionId() {
      return "aws:fis:inject-api-throttle-error";
    }

    @Override
    public String target() {
      return "launches/" + autoScalingGroupName;
    }
  }

  /**
   * More of the test's own traffic: for the action's duration, the load balancer is offered {@code
   * factor} times the requests per second its workloads offer when the action starts (the extra as
   * a constant flow of the same requests). Not a FIS action (FIS injects faults, not load); the
   * twin names it {@code cloudtwin:traffic:surge}.
   *
   * @param loadBalancerName the load balancer
   * @param factor more than 1, at most 100
   */
  record TrafficSurge(String loadBalancerName, double factor) implements FaultAction {
    /**
     * Validates.
     *
     * @param loadBalancerName the load balancer
     * @param factor more than 1, at most 100
     */
    public TrafficSurge {
      Require.name("loadBalancerName", loadBalancerName);
      if (!(factor > 1 && factor <= 100))
        throw new ValidationException("factor", factor, "more than 1, at most 100");
    }

    @Override
    public String actionId() {
      return "cloudtwin:traffic:surge";
    }

    @Override
    public String target() {
      return "traffic/" + loadBalancerName;
    }
  }

  /**
   * {@code aws:ec2:send-spot-instance-interruptions} on a group's InService Spot Instances: each
   * gets EC2's rebalance recommendation now, the two-minute interruption notice at {@code
   * durationBeforeInterruption} minus two minutes, and is interrupted (terminated) at {@code
   * durationBeforeInterruption}; the group replaces them.
   *
   * @param autoScalingGroupName the group whose Spot Instances are the target
   * @param selection how many of them
   * @param durationBeforeInterruption 2 minutes to 24 hours
   */
  record SendSpotInstanceInterruptions(
      String autoScalingGroupName, Selection selection, Duration durationBeforeInterruption)
      implements FaultAction {
    /**
     * Validates.
     *
     * @param autoScalingGroupName the group
     * @param selection how many of its Spot Instances
     * @param durationBeforeInterruption 2 minutes to 24 hours
     */
    public SendSpotInstanceInterruptions {
      Require.name("autoScalingGroupName", autoScalingGroupName);
      Require.notNull("selection", selection);
      Require.between(
          "durationBeforeInterruption",
          Require.notNull("durationBeforeInterruption", durationBeforeInterruption),
          Duration.ofMinutes(2),
          Duration.ofHours(24));
    }

    @Override
    public String actionId() {
      return "aws:ec2:send-spot-instance-interruptions";
    }

    @Override
    public boolean instant() {
      return true;
    }

    @Override
    public String target() {
      return "group/" + autoScalingGroupName;
    }
  }
}

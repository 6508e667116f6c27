package io.github.cloudtwin.faults;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * What goes wrong in production, injected into the twin: zone outages, instance crashes, Spot
 * interruptions and metric gaps, now or over a window of virtual time.
 *
 * <p>Obtain it from {@code twin.faults()}. Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Faults {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final CloudWatch cloudWatch;
  private final Wiring wiring;

  /**
   * Creates the fault injector; the twin does this, tests use {@code twin.faults()}.
   *
   * @param kernel the kernel
   * @param ec2 EC2, for zones, instances and Spot
   * @param cloudWatch CloudWatch, for metric gaps
   * @param wiring the twin's connections (ECS's Fargate Spot interruptions)
   */
  Faults(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch, Wiring wiring) {
    this.kernel = Require.notNull("kernel", kernel);
    this.ec2 = Require.notNull("ec2", ec2);
    this.cloudWatch = Require.notNull("cloudWatch", cloudWatch);
    this.wiring = Require.notNull("wiring", wiring);
  }

  /**
   * Takes a zone out now, until {@link #restoreZone(String)}: its instances stop answering and
   * reporting metrics, and launches into it fail with InsufficientInstanceCapacity.
   *
   * @param zone the zone
   */
  public void failZone(String zone) {
    ec2.impairZone(zone);
  }

  /**
   * Brings a zone back now.
   *
   * @param zone the zone
   */
  public void restoreZone(String zone) {
    ec2.restoreZone(zone);
  }

  /**
   * Schedules a zone outage over {@code [from, from + duration)} of virtual time, {@code from}
   * being an offset from the twin's start that is not in the past.
   *
   * @param zone the zone
   * @param from when the outage starts, as an offset of the twin's start
   * @param duration the duration
   */
  // toEpochMilli() is called for its range check only: it throws when the outage ends past what
  // the virtual clock can represent.
  @SuppressWarnings("ReturnValueIgnored")
  public void zoneOutage(String zone, Duration from, Duration duration) {
    ec2.zone(zone);
    Require.notNegative("from", from);
    Require.positive("duration", duration);
    kernel.run(
        () -> {
          Instant start;
          try {
            start = kernel.clock().start().plus(from);
            start.plus(duration).toEpochMilli();
          } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new ValidationException(
                "duration",
                from + " + " + duration,
                "an outage that ends within the representable virtual time");
          }
          requireNotPast("from", start);
          kernel.scheduler().at(start, () -> ec2.impairZone(zone));
          kernel.scheduler().at(start.plus(duration), () -> ec2.restoreZone(zone));
        });
  }

  /**
   * Crashes an instance now: running, but not answering, failing status checks, silent.
   *
   * @param instanceId the instance id
   */
  public void crashInstance(String instanceId) {
    ec2.crashInstance(instanceId);
  }

  /**
   * Ends an instance crash now.
   *
   * @param instanceId the instance id
   */
  public void recoverInstance(String instanceId) {
    ec2.recoverInstance(instanceId);
  }

  /**
   * Interrupts Spot Instances as EC2 does when it reclaims Spot capacity (and as the FIS action
   * {@code aws:ec2:send-spot-instance-interruptions} does): a rebalance recommendation now, the
   * two-minute interruption notice at {@code durationBeforeInterruption} minus two minutes, and the
   * interruption at {@code durationBeforeInterruption}, when EC2 terminates the instance. The
   * reclaimed pools keep no free place, so replacements launch in other pools. Each step is a typed
   * fact ({@code Ec2Fact.RebalanceRecommended}, {@code SpotInterruptionNoticed}, {@code
   * SpotInstanceInterrupted}); a group with Capacity Rebalancing replaces the instance on the
   * recommendation, one without it after the interruption.
   *
   * @param durationBeforeInterruption 2 minutes to 24 hours
   * @param instanceIds pending or running Spot Instances, each at most once, without an
   *     interruption under way; all are checked before any is interrupted
   */
  public void interruptSpotInstances(Duration durationBeforeInterruption, String... instanceIds) {
    Require.notNull("instanceIds", instanceIds);
    ec2.interruptSpotInstances(durationBeforeInterruption, java.util.Arrays.asList(instanceIds));
  }

  /**
   * Interrupts ECS tasks on the FARGATE_SPOT capacity provider now, as AWS reclaims Fargate Spot
   * capacity: the two-minute warning (stop code {@code SpotInterruption}, stopped reason "Your Spot
   * Task was interrupted."; the task is deregistered and drained and its service starts a
   * replacement at once), then, two minutes later, the task is stopped if it has not stopped yet,
   * whatever its target groups' deregistration delay.
   *
   * @param cluster the cluster's name
   * @param taskIds the tasks (ids or ARNs), each on FARGATE_SPOT and not stopping; all are checked
   *     before any is interrupted
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public void interruptFargateSpotTasks(String cluster, String... taskIds) {
    Require.notNull("taskIds", taskIds);
    wiring.fargateSpotInterruptions().interrupt(cluster, java.util.Arrays.asList(taskIds));
  }

  /**
   * Silences a metric over {@code [from, from + duration)}: the instance (or group, or metric id)
   * of {@code injection} publishes nothing. Build it with {@code MetricInjection.metric(..)
   * .forInstance(..).between(..).gap()}.
   *
   * @param gap the gap
   */
  public void metricGap(MetricInjection gap) {
    Require.notNull("gap", gap);
    if (!gap.signal().isGap()) {
      throw new ValidationException("signal", gap.signal(), "a gap (MetricInjection...gap())");
    }
    cloudWatch.inject(gap);
  }

  private void requireNotPast(String field, Instant at) {
    Instant now = kernel.clock().now();
    if (at.isBefore(now)) {
      throw new ValidationException(
          field, at, "an instant not before the current virtual time " + now);
    }
  }
}

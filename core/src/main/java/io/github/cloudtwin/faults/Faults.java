package io.github.cloudtwin.faults;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.Ec2;
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

  /**
   * Creates the fault injector; the twin does this, tests use {@code twin.faults()}.
   *
   * @param kernel the kernel
   * @param ec2 the ec 2
   * @param cloudWatch the cloud watch
   */
  Faults(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch) {
    this.kernel = Require.notNull("kernel", kernel);
    this.ec2 = Require.notNull("ec2", ec2);
    this.cloudWatch = Require.notNull("cloudWatch", cloudWatch);
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

package io.github.cloudtwin.experiments;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Runs resilience experiments on a twin, and builds the ready-made ones for the common stories.
 * Obtain it from {@code twin.experiments()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Experiments {

  private final CloudTwin twin;

  /**
   * The experiments of a twin; the twin creates it.
   *
   * @param twin the twin
   */
  public Experiments(CloudTwin twin) {
    this.twin = Require.notNull("twin", twin);
  }

  /**
   * Runs an experiment now: checks every target and stop condition first (a ValidationException
   * names the first unknown one, and nothing has run), then advances the twin's clock by the
   * experiment's {@code runFor}, starting and ending each action at its offsets with whatever
   * traffic the test applied, and samples every minute. Call it from the test thread.
   *
   * @param experiment the experiment
   * @return what it did and what the users saw
   */
  public ExperimentResult run(Experiment experiment) {
    Require.notNull("experiment", experiment);
    return new ExperimentRun(twin, experiment).run();
  }

  /**
   * Losing one zone: FIS's AZ power interruption of {@code zone} from one minute in, for {@code
   * outage}, then {@link Experiment#DEFAULT_OBSERVATION} of recovery.
   *
   * @param zone the zone to lose
   * @param outage how long it is dark (the story's default: 30 minutes)
   * @return the experiment
   */
  public static Experiment loseOneZone(String zone, Duration outage) {
    return Experiment.builder("lose-" + zone)
        .action(
            "power-interruption-" + zone,
            new FaultAction.ZonePowerInterruption(zone),
            Duration.ofMinutes(1),
            outage)
        .build();
  }

  /**
   * Twice the traffic with one zone down: {@code zone} dark from one minute in for {@code outage},
   * and from five minutes in the load balancer offered twice its workloads' rate for the rest of
   * the outage.
   *
   * @param zone the zone to lose
   * @param loadBalancerName the load balancer whose traffic doubles
   * @param outage how long the zone is dark, more than 5 minutes
   * @return the experiment
   */
  public static Experiment trafficSpikeWithOneZoneDown(
      String zone, String loadBalancerName, Duration outage) {
    Require.between(
        "outage",
        Require.notNull("outage", outage),
        Duration.ofMinutes(5).plusSeconds(1),
        Duration.ofDays(1));
    return Experiment.builder("2x-traffic-" + zone + "-down")
        .action(
            "power-interruption-" + zone,
            new FaultAction.ZonePowerInterruption(zone),
            Duration.ofMinutes(1),
            outage)
        .action(
            "2x-traffic",
            new FaultAction.TrafficSurge(loadBalancerName, 2),
            Duration.ofMinutes(5),
            outage.minusMinutes(4))
        .build();
  }

  /**
   * Reclaiming Spot capacity: FIS's Spot interruption of {@code percent} of the group's InService
   * Spot Instances from one minute in, with the two-minute notice, then {@link
   * Experiment#DEFAULT_OBSERVATION} of recovery.
   *
   * @param autoScalingGroupName the group
   * @param percent of its Spot Instances, 1 to 100 (the story's: 30)
   * @return the experiment
   */
  public static Experiment reclaimSpot(String autoScalingGroupName, int percent) {
    return Experiment.builder("reclaim-" + percent + "-percent-spot")
        .action(
            "spot-interruptions",
            new FaultAction.SendSpotInstanceInterruptions(
                autoScalingGroupName, Selection.percent(percent), Duration.ofMinutes(2)),
            Duration.ofMinutes(1))
        .build();
  }
}

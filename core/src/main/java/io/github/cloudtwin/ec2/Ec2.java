package io.github.cloudtwin.ec2;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.internal.InstanceIndex;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * EC2 of one twin: Availability Zones and their state, instances and their lifecycle, and the
 * CPUUtilization metric every running instance publishes (5-minute basic or 1-minute detailed
 * monitoring).
 *
 * <p>Obtain it from {@code twin.ec2()}. Thread-safe: every method runs under the simulation lock.
 *
 * <p>A facade: the zones and their outages and capacity ({@code Zones}), the instances and their
 * state machine ({@code Ec2Instances}), launch throttling ({@code LaunchThrottle}), the Spot market
 * ({@code SpotMarket}) and its interruptions ({@code SpotInterruptions}) and the CPU publisher
 * ({@code CpuPublisher}) do the work.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Ec2 {

  /** The tag Auto Scaling puts on the instances it launches. */
  public static final String GROUP_TAG = "aws:autoscaling:groupName";

  /**
   * The default instance quota: launches beyond this many instances that are not terminated fail
   * with InstanceLimitExceeded (a fake choice standing in for the account's quota).
   */
  public static final int DEFAULT_INSTANCE_QUOTA = 20_000;

  /** How long before a Spot interruption EC2 sends the interruption notice: two minutes. */
  public static final Duration SPOT_INTERRUPTION_NOTICE = Duration.ofMinutes(2);

  /** How long {@code stopping} and {@code shutting-down} last (a fake choice). */
  public static final Duration SHUTDOWN_TIME = Duration.ofSeconds(30);

  private final Kernel kernel;
  private final Zones zones;
  private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
  private final LaunchThrottle throttle;
  private final CpuPublisher cpu;
  private final SpotMarket spot;
  private final Ec2Instances instances;
  private final SpotInterruptions interruptions;
  private final LaunchTemplates launchTemplates;

  /**
   * Creates the service over {@code zones}; the twin does this, tests use {@code twin.ec2()}.
   *
   * @param kernel the kernel
   * @param cloudWatch the cloud watch
   * @param zones the zones
   * @param wiring the twin's connections (CloudWatch's injections, for the CPU publisher)
   */
  Ec2(Kernel kernel, CloudWatch cloudWatch, List<AvailabilityZone> zones, Wiring wiring) {
    this.kernel = Require.notNull("kernel", kernel);
    Require.notNull("availabilityZones", zones);
    this.zones = new Zones(kernel, zones);
    SplittableRandom ids = kernel.randomness().stream("ec2.instance-ids");
    this.throttle = new LaunchThrottle(kernel.randomness().stream("ec2.throttle"));
    this.spot = new SpotMarket(kernel);
    this.instances = new Ec2Instances(kernel, this.zones, throttle, spot, listeners, ids);
    this.cpu =
        new CpuPublisher(
            kernel, Require.notNull("cloudWatch", cloudWatch), instances::liveInstances, wiring);
    this.interruptions = new SpotInterruptions(kernel, instances, spot, listeners);
    this.launchTemplates = new LaunchTemplates(kernel);
    wiring.instanceIndex(
        new InstanceIndex() {
          @Override
          public boolean launched(String instanceId) {
            return kernel.call(() -> instances.launched(instanceId));
          }

          @Override
          public boolean tagged(String groupName) {
            return kernel.call(() -> instances.tagged(groupName));
          }
        });
  }

  /** {@return the twin's launch templates, which Auto Scaling groups launch from} */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public LaunchTemplates launchTemplates() {
    kernel.checkOpen();
    return launchTemplates;
  }

  // ------------------------------------------------------------------ zones

  /** {@return the twin's zones, in name order} */
  public List<AvailabilityZone> zones() {
    kernel.checkOpen();
    return zones.all();
  }

  /**
   * The zone named {@code name}, or a ValidationException listing the twin's zones.
   *
   * @param name the name
   * @return the zone named {@code name}, or a ValidationException listing the twin's zones
   */
  public AvailabilityZone zone(String name) {
    return zones.zone(name);
  }

  /**
   * The zone's current state.
   *
   * @param name the name
   * @return the zone's current state
   */
  public ZoneState zoneState(String name) {
    zone(name);
    return kernel.call(() -> zones.state(name));
  }

  /**
   * Takes a zone out: its instances stop answering and reporting metrics, and launches into it fail
   * with InsufficientInstanceCapacity. Used by {@code twin.faults()}.
   *
   * @param name the name
   */
  public void impairZone(String name) {
    zone(name);
    kernel.run(
        () -> {
          if (zones.setState(name, ZoneState.IMPAIRED)) {
            instances.zoneImpaired(name, true);
          }
        });
  }

  /**
   * Brings a zone back: its instances answer again and launches succeed.
   *
   * @param name the name
   */
  public void restoreZone(String name) {
    zone(name);
    kernel.run(
        () -> {
          if (zones.setState(name, ZoneState.AVAILABLE)) {
            instances.zoneImpaired(name, false);
          }
        });
  }

  /**
   * Makes EC2 short of (or again have) capacity for one instance type in one zone: while short,
   * launches and starts of that type there fail with InsufficientInstanceCapacity, other types and
   * zones are unaffected. This is what a mixed-instances group's prioritized allocation falls back
   * from.
   *
   * @param zone the zone
   * @param instanceType the instance type
   * @param insufficient true to make the capacity short, false to restore it
   */
  public void setInsufficientCapacity(String zone, String instanceType, boolean insufficient) {
    zone(zone);
    InstanceType.of(instanceType);
    kernel.run(() -> zones.setInsufficientCapacity(zone, instanceType, insufficient));
  }

  /**
   * Throttles the {@code RunInstances} calls made for an Auto Scaling group (what FIS's {@code
   * aws:fis:inject-api-throttle-error} does to a role's calls): from now on {@code percentage} of
   * them fail with {@link RequestLimitExceededException}, drawn from a seeded stream; 0 ends the
   * throttling.
   *
   * @param autoScalingGroupName the group whose launches are throttled
   * @param percentage 0 to 100
   */
  public void throttleRunInstances(String autoScalingGroupName, int percentage) {
    Require.name("autoScalingGroupName", autoScalingGroupName);
    Require.between("percentage", percentage, 0, 100);
    kernel.run(() -> throttle.set(autoScalingGroupName, percentage));
  }

  // ------------------------------------------------------------------ instances

  /**
   * Launches an instance, as {@code RunInstances}: it is {@code pending} now and {@code running}
   * after its boot time.
   *
   * @param spec the spec
   * @return the new instance, a live view
   * @throws InsufficientInstanceCapacityException when the zone is impaired or short of the type
   *     ({@link #setInsufficientCapacity})
   */
  public Instance runInstance(InstanceSpec spec) {
    Require.notNull("spec", spec);
    zone(spec.availabilityZone());
    return kernel.call(() -> instances.launch(spec));
  }

  /**
   * The instance with that id, or a ValidationException ({@code InvalidInstanceID.NotFound}).
   *
   * @param instanceId the instance id
   * @return the instance with that id, or a ValidationException ({@code
   *     InvalidInstanceID.NotFound})
   */
  public Instance instance(String instanceId) {
    Require.name("instanceId", instanceId);
    return kernel.call(() -> instances.require(instanceId));
  }

  /** {@return every instance ever launched, in launch order (terminated ones included)} */
  public List<Instance> instances() {
    return kernel.call(instances::all);
  }

  /**
   * The instances in {@code state}, in launch order.
   *
   * @param state the state
   * @return the instances in {@code state}, in launch order
   */
  public List<Instance> instances(InstanceState state) {
    Require.notNull("state", state);
    return kernel.call(() -> instances.inState(state));
  }

  /**
   * Terminates an instance: {@code shutting-down} now, {@code terminated} after a short while.
   *
   * @param instanceId the instance id
   */
  public void terminateInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(() -> instances.terminate(i));
  }

  /**
   * Stops a running or pending instance: {@code stopping} now, {@code stopped} after a while.
   *
   * @param instanceId the instance id
   */
  public void stopInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(() -> instances.stop(i));
  }

  /**
   * Starts a stopped instance: {@code pending} now, {@code running} after its boot time.
   *
   * @param instanceId the instance id
   */
  public void startInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(() -> instances.start(i, i.spec().bootTime()));
  }

  /**
   * Starts a stopped instance that takes {@code startTime}, not its boot time, to reach {@code
   * running}: the restart of an instance whose first-boot initialization is done (a warm pool
   * instance leaving the pool).
   *
   * @param instanceId the instance id
   * @param startTime pending to running, 0 to 1 hour
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
  public void startInstance(String instanceId, Duration startTime) {
    Require.between("startTime", startTime, Duration.ZERO, Duration.ofHours(1));
    Instance i = instance(instanceId);
    kernel.run(() -> instances.start(i, startTime));
  }

  /**
   * Crashes an instance: it stays {@code running} but stops answering, fails its status checks and
   * stops reporting metrics, until {@link #recoverInstance(String)}.
   *
   * @param instanceId the instance id
   */
  public void crashInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(() -> instances.crashed(i, true));
  }

  /**
   * Ends a crash: the instance answers again.
   *
   * @param instanceId the instance id
   */
  public void recoverInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(() -> instances.crashed(i, false));
  }

  // ------------------------------------------------------------------ Spot

  /**
   * The Spot capacity pool of {@code instanceType} in {@code zone}: the entry {@link #putSpotPool}
   * set, else the twin's default, drawn once from its seed: a Spot price of 30 % to 45 % of the
   * On-Demand price ({@link #onDemandPrice}) and room for 50 to 250 Spot Instances.
   *
   * @param zone the zone
   * @param instanceType the instance type
   * @return the pool
   */
  public SpotPool spotPool(String zone, String instanceType) {
    zone(zone);
    InstanceType.of(instanceType);
    return kernel.call(() -> spot.pool(zone, instanceType));
  }

  /**
   * Sets one entry of the Spot market: the pool's price and capacity. Shrinking a pool below the
   * Spot Instances it holds interrupts none of them (use {@code
   * twin.faults().interruptSpotInstances}); it only stops new launches there.
   *
   * @param pool the pool
   */
  public void putSpotPool(SpotPool pool) {
    Require.notNull("pool", pool);
    zone(pool.availabilityZone());
    kernel.run(
        () -> {
          spot.put(pool);
          kernel
              .timeline()
              .record(
                  new Ec2Fact.SpotPoolChanged(
                      pool.availabilityZone(),
                      pool.instanceType(),
                      pool.spotPrice(),
                      pool.capacity()));
        });
  }

  /**
   * How many more Spot Instances the pool takes now: its capacity less the Spot Instances in it
   * that are not terminated, at least 0.
   *
   * @param zone the zone
   * @param instanceType the instance type
   * @return the free places of the pool
   */
  public int spotCapacityAvailable(String zone, String instanceType) {
    zone(zone);
    InstanceType.of(instanceType);
    return kernel.call(() -> spot.free(zone, instanceType));
  }

  /**
   * The On-Demand price of {@code instanceType}, USD per hour: the one {@link #putOnDemandPrice}
   * set, else {@link InstanceType#defaultOnDemandPrice()}.
   *
   * @param instanceType the instance type
   * @return the price
   */
  public double onDemandPrice(String instanceType) {
    InstanceType.of(instanceType);
    return kernel.call(() -> spot.onDemandPrice(instanceType));
  }

  /**
   * Sets the On-Demand price of an instance type (what {@code lowest-price} allocation ranks by).
   *
   * @param instanceType the instance type
   * @param usdPerHour greater than 0 and at most 1,000
   */
  public void putOnDemandPrice(String instanceType, double usdPerHour) {
    InstanceType.of(instanceType);
    if (!(usdPerHour > 0) || usdPerHour > 1000) {
      throw new ValidationException(
          "onDemandPrice", usdPerHour, "a price in USD per hour greater than 0 and at most 1000");
    }
    kernel.run(() -> spot.putOnDemandPrice(instanceType, usdPerHour));
  }

  /**
   * Interrupts Spot Instances as EC2 does when it needs the capacity back, in three steps: a
   * rebalance recommendation now, the two-minute interruption notice at {@code
   * durationBeforeInterruption} minus two minutes, and the interruption (the instance is
   * terminated) at {@code durationBeforeInterruption}. The pools of the instances lose the
   * reclaimed capacity: each is left with no free place, so new Spot launches go elsewhere until
   * the test raises it again ({@link #putSpotPool}). Every id is checked before anything happens.
   * Used by {@code twin.faults()}.
   *
   * @param durationBeforeInterruption 2 minutes (the recommendation then arrives with the notice)
   *     to 24 hours
   * @param instanceIds pending or running Spot Instances without an interruption under way
   */
  public void interruptSpotInstances(
      Duration durationBeforeInterruption, List<String> instanceIds) {
    Require.between(
        "durationBeforeInterruption",
        durationBeforeInterruption,
        SPOT_INTERRUPTION_NOTICE,
        Duration.ofHours(24));
    Require.notNull("instanceIds", instanceIds);
    if (instanceIds.isEmpty())
      throw new ValidationException("instanceIds", "[]", "at least one Spot Instance");
    kernel.run(() -> interruptions.interrupt(durationBeforeInterruption, instanceIds));
  }

  /**
   * Sets the instance quota: launches beyond this many instances that are not terminated fail.
   *
   * @param quota the quota
   */
  public void setInstanceQuota(int quota) {
    Require.between("instanceQuota", quota, 1, 10_000_000);
    kernel.run(() -> instances.quota(quota));
  }

  /** {@return the instance quota (default {@link #DEFAULT_INSTANCE_QUOTA})} */
  public int instanceQuota() {
    kernel.checkOpen();
    return instances.quota();
  }

  /**
   * Registers a listener for instance changes (called on the simulation thread).
   *
   * @param listener the listener
   */
  public void addListener(InstanceListener listener) {
    listeners.add(Require.notNull("listener", listener));
  }

  /**
   * Adds a source of CPU load (the traffic model registers one).
   *
   * @param model the model
   */
  public void addCpuLoadModel(CpuLoadModel model) {
    Require.notNull("model", model);
    kernel.run(() -> cpu.add(model));
  }
}

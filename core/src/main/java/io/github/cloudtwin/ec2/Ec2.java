package io.github.cloudtwin.ec2;

import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * EC2 of one twin: Availability Zones and their state, instances and their lifecycle, and the
 * CPUUtilization metric every running instance publishes (5-minute basic or 1-minute detailed
 * monitoring).
 *
 * <p>Obtain it from {@code twin.ec2()}. Thread-safe: every method runs under the simulation lock.
 */
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
  private final Map<String, AvailabilityZone> zones = new LinkedHashMap<>();
  private final Map<String, ZoneState> zoneStates = new HashMap<>();
  /** Zone and instance type pairs ({@code zone + " " + type}) EC2 has no capacity for. */
  private final java.util.Set<String> noCapacity = new java.util.HashSet<>();
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
  private final SplittableRandom ids;
  private final CpuPublisher cpu;
  private final SpotMarket spot;
  /** Spot Instances with an interruption scheduled and not yet done. */
  private final java.util.Set<String> interrupting = new java.util.HashSet<>();
  private Instance[] liveSnapshot;
  private int instanceQuota = DEFAULT_INSTANCE_QUOTA;
  private int notTerminated;

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
    for (AvailabilityZone z : zones) {
      this.zones.put(z.name(), z);
      zoneStates.put(z.name(), ZoneState.AVAILABLE);
    }
    this.ids = kernel.randomness().stream("ec2.instance-ids");
    this.throttleDraws = kernel.randomness().stream("ec2.throttle");
    this.cpu = new CpuPublisher(kernel, Require.notNull("cloudWatch", cloudWatch), this, wiring);
    this.spot = new SpotMarket(kernel);
  }

  // ------------------------------------------------------------------ zones

  /** {@return the twin's zones, in name order} */
  public List<AvailabilityZone> zones() {
    kernel.checkOpen();
    return List.copyOf(zones.values());
  }

  /**
   * The zone named {@code name}, or a ValidationException listing the twin's zones.
   *
   * @param name the name
   * @return the zone named {@code name}, or a ValidationException listing the twin's zones
   */
  public AvailabilityZone zone(String name) {
    Require.name("availabilityZone", name);
    AvailabilityZone z = zones.get(name);
    if (z == null) {
      throw new ValidationException("availabilityZone", name, "one of the twin's zones " + zones.keySet());
    }
    return z;
  }

  /**
   * The zone's current state.
   *
   * @param name the name
   * @return the zone's current state
   */
  public ZoneState zoneState(String name) {
    zone(name);
    return kernel.call(() -> zoneStates.get(name));
  }

  /**
   * Takes a zone out: its instances stop answering and reporting metrics, and launches into it
   * fail with InsufficientInstanceCapacity. Used by {@code twin.faults()}.
   *
   * @param name the name
   */
  public void impairZone(String name) {
    zone(name);
    kernel.run(
        () -> {
          if (zoneStates.put(name, ZoneState.IMPAIRED) == ZoneState.IMPAIRED) {
            return;
          }
          kernel.timeline().record(new Ec2Fact.ZoneStateChanged(name, ZoneState.AVAILABLE, ZoneState.IMPAIRED));
          for (Instance i : List.copyOf(instances.values())) {
            if (i.availabilityZone().equals(name)) {
              setZoneImpaired(i, true);
            }
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
          if (zoneStates.put(name, ZoneState.AVAILABLE) == ZoneState.AVAILABLE) {
            return;
          }
          kernel.timeline().record(new Ec2Fact.ZoneStateChanged(name, ZoneState.IMPAIRED, ZoneState.AVAILABLE));
          for (Instance i : List.copyOf(instances.values())) {
            if (i.availabilityZone().equals(name)) {
              setZoneImpaired(i, false);
            }
          }
        });
  }

  /**
   * Makes EC2 short of (or again have) capacity for one instance type in one zone: while short,
   * launches and starts of that type there fail with InsufficientInstanceCapacity, other types
   * and zones are unaffected. This is what a mixed-instances group's prioritized allocation falls
   * back from.
   *
   * @param zone the zone
   * @param instanceType the instance type
   * @param insufficient true to make the capacity short, false to restore it
   */
  public void setInsufficientCapacity(String zone, String instanceType, boolean insufficient) {
    zone(zone);
    InstanceType.of(instanceType);
    kernel.run(() -> {
      boolean changed = insufficient ? noCapacity.add(zone + " " + instanceType) : noCapacity.remove(zone + " " + instanceType);
      if (changed) {
        kernel.timeline().record(new Ec2Fact.ZoneCapacityChanged(zone, instanceType, insufficient));
      }
    });
  }

  /**
   * Throttles the {@code RunInstances} calls made for an Auto Scaling group (what FIS's
   * {@code aws:fis:inject-api-throttle-error} does to a role's calls): from now on {@code
   * percentage} of them fail with {@link RequestLimitExceededException}, drawn from a seeded
   * stream; 0 ends the throttling.
   *
   * @param autoScalingGroupName the group whose launches are throttled
   * @param percentage 0 to 100
   */
  public void throttleRunInstances(String autoScalingGroupName, int percentage) {
    Require.name("autoScalingGroupName", autoScalingGroupName);
    Require.between("percentage", percentage, 0, 100);
    kernel.run(() -> {
      if (percentage == 0) throttled.remove(autoScalingGroupName);
      else throttled.put(autoScalingGroupName, percentage);
    });
  }

  private final java.util.Map<String, Integer> throttled = new java.util.TreeMap<>();
  private final java.util.SplittableRandom throttleDraws;

  private boolean throttled(InstanceSpec spec) {
    if (throttled.isEmpty()) return false;
    Integer pct = throttled.get(spec.tags().get(GROUP_TAG));
    return pct != null && (pct >= 100 || throttleDraws.nextInt(100) < pct);
  }

  private boolean launchable(String zone, String instanceType) {
    return zoneStates.get(zone) != ZoneState.IMPAIRED && !noCapacity.contains(zone + " " + instanceType);
  }

  private void setZoneImpaired(Instance i, boolean impaired) {
    boolean before = i.isReachable();
    i.zoneImpaired(impaired);
    notifyReachability(i, before);
  }

  // ------------------------------------------------------------------ instances

  /**
   * Launches an instance, as {@code RunInstances}: it is {@code pending} now and {@code running}
   * after its boot time.
   *
   *
   * @param spec the spec
   * @return the new instance, a live view
   * @throws InsufficientInstanceCapacityException when the zone is impaired or short of the type
   *     ({@link #setInsufficientCapacity})
   */
  public Instance runInstance(InstanceSpec spec) {
    Require.notNull("spec", spec);
    zone(spec.availabilityZone());
    return kernel.call(
        () -> {
          if (throttled(spec)) {
            throw new RequestLimitExceededException();
          }
          if (!launchable(spec.availabilityZone(), spec.instanceType())) {
            throw new InsufficientInstanceCapacityException(spec.instanceType(), spec.availabilityZone());
          }
          boolean isSpot = spec.purchaseOption() == PurchaseOption.SPOT;
          if (isSpot && spot.free(spec.availabilityZone(), spec.instanceType()) == 0) {
            throw InsufficientInstanceCapacityException.noSpotCapacity(spec.availabilityZone());
          }
          if (notTerminated >= instanceQuota) {
            throw new InstanceLimitExceededException(spec.instanceType(), spec.availabilityZone(), instanceQuota);
          }
          notTerminated++;
          if (isSpot) spot.taken(spec.availabilityZone(), spec.instanceType(), 1);
          String id = newId();
          Instance instance = new Instance(id, spec, kernel.clock().now(), kernel.timeline());
          instances.put(id, instance);
          liveSnapshot = null;
          long launch =
              kernel
                  .timeline()
                  .record(new Ec2Fact.InstanceLaunched(id, spec.instanceType(), spec.availabilityZone(),
                      spec.purchaseOption()));
          kernel.runWithCause(
              launch,
              () ->
                  kernel
                      .scheduler()
                      .after(
                          spec.bootTime(),
                          () -> {
                            if (instance.state() == InstanceState.PENDING) {
                              transition(instance, InstanceState.RUNNING);
                            }
                          }));
          return instance;
        });
  }

  private String newId() {
    String id;
    do {
      id = "i-0" + String.format("%016x", ids.nextLong());
    } while (instances.containsKey(id));
    return id;
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
    return kernel.call(
        () -> {
          Instance i = instances.get(instanceId);
          if (i == null) {
            throw new ValidationException(
                "instanceId", instanceId, "the id of an instance of this twin (InvalidInstanceID.NotFound)");
          }
          return i;
        });
  }

  /** {@return every instance ever launched, in launch order (terminated ones included)} */
  public List<Instance> instances() {
    return kernel.call(() -> List.copyOf(instances.values()));
  }

  /**
   * The instances in {@code state}, in launch order.
   *
   * @param state the state
   * @return the instances in {@code state}, in launch order
   */
  public List<Instance> instances(InstanceState state) {
    Require.notNull("state", state);
    return kernel.call(
        () -> {
          List<Instance> out = new ArrayList<>();
          for (Instance i : instances.values()) {
            if (i.state() == state) out.add(i);
          }
          return Collections.unmodifiableList(out);
        });
  }

  /**
   * Terminates an instance: {@code shutting-down} now, {@code terminated} after a short while.
   *
   * @param instanceId the instance id
   */
  public void terminateInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(
        () -> {
          InstanceState s = i.state();
          if (s == InstanceState.SHUTTING_DOWN || s == InstanceState.TERMINATED) {
            return;
          }
          transition(i, InstanceState.SHUTTING_DOWN);
          kernel.scheduler().after(SHUTDOWN_TIME, () -> transition(i, InstanceState.TERMINATED));
        });
  }

  /**
   * Stops a running or pending instance: {@code stopping} now, {@code stopped} after a while.
   *
   * @param instanceId the instance id
   */
  public void stopInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(
        () -> {
          InstanceState s = i.state();
          if (s != InstanceState.RUNNING && s != InstanceState.PENDING) {
            throw new ValidationException(
                "instanceId", instanceId, "an instance that is pending or running (it is " + s + ")");
          }
          transition(i, InstanceState.STOPPING);
          kernel
              .scheduler()
              .after(
                  SHUTDOWN_TIME,
                  () -> {
                    if (i.state() == InstanceState.STOPPING) {
                      transition(i, InstanceState.STOPPED);
                    }
                  });
        });
  }

  /**
   * Starts a stopped instance: {@code pending} now, {@code running} after its boot time.
   *
   * @param instanceId the instance id
   */
  public void startInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(
        () -> {
          if (i.state() != InstanceState.STOPPED) {
            throw new ValidationException(
                "instanceId", instanceId, "a stopped instance (it is " + i.state() + ")");
          }
          if (!launchable(i.availabilityZone(), i.spec().instanceType())) {
            throw new InsufficientInstanceCapacityException(i.spec().instanceType(), i.availabilityZone());
          }
          transition(i, InstanceState.PENDING);
          kernel
              .scheduler()
              .after(
                  i.spec().bootTime(),
                  () -> {
                    if (i.state() == InstanceState.PENDING) {
                      transition(i, InstanceState.RUNNING);
                    }
                  });
        });
  }

  /**
   * Crashes an instance: it stays {@code running} but stops answering, fails its status checks
   * and stops reporting metrics, until {@link #recoverInstance(String)}.
   *
   * @param instanceId the instance id
   */
  public void crashInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(
        () -> {
          if (i.isCrashed()) {
            return;
          }
          boolean before = i.isReachable();
          i.crashed(true);
          kernel.timeline().record(new Ec2Fact.InstanceCrashed(instanceId));
          notifyReachability(i, before);
        });
  }

  /**
   * Ends a crash: the instance answers again.
   *
   * @param instanceId the instance id
   */
  public void recoverInstance(String instanceId) {
    Instance i = instance(instanceId);
    kernel.run(
        () -> {
          if (!i.isCrashed()) {
            return;
          }
          boolean before = i.isReachable();
          i.crashed(false);
          kernel.timeline().record(new Ec2Fact.InstanceRecovered(instanceId));
          notifyReachability(i, before);
        });
  }

  private void transition(Instance i, InstanceState to) {
    InstanceState from = i.state();
    if (from == to) {
      return;
    }
    boolean before = i.isReachable();
    i.state(to, kernel.clock().now());
    if (to == InstanceState.TERMINATED) {
      notTerminated--;
      if (i.purchaseOption() == PurchaseOption.SPOT) spot.taken(i.availabilityZone(), i.spec().instanceType(), -1);
    }
    long id =
        kernel.timeline().record(new Ec2Fact.InstanceStateChanged(i.instanceId(), from, to));
    kernel.runWithCause(
        id,
        () -> {
          for (InstanceListener l : listeners) {
            l.stateChanged(i, from);
          }
          notifyReachability(i, before);
        });
  }

  private void notifyReachability(Instance i, boolean before) {
    boolean after = i.isReachable();
    if (before != after) {
      for (InstanceListener l : listeners) {
        l.reachabilityChanged(i, after);
      }
    }
  }

  // ------------------------------------------------------------------ Spot

  /**
   * The Spot capacity pool of {@code instanceType} in {@code zone}: the entry {@link
   * #putSpotPool} set, else the twin's default, drawn once from its seed: a Spot price of 30 % to
   * 45 % of the On-Demand price ({@link #onDemandPrice}) and room for 50 to 250 Spot Instances.
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
   * Spot Instances it holds interrupts none of them (use {@code twin.faults().interruptSpotInstances});
   * it only stops new launches there.
   *
   * @param pool the pool
   */
  public void putSpotPool(SpotPool pool) {
    Require.notNull("pool", pool);
    zone(pool.availabilityZone());
    kernel.run(() -> {
      spot.put(pool);
      kernel.timeline().record(new Ec2Fact.SpotPoolChanged(pool.availabilityZone(), pool.instanceType(), pool.spotPrice(),
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
      throw new ValidationException("onDemandPrice", usdPerHour, "a price in USD per hour greater than 0 and at most 1000");
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
  public void interruptSpotInstances(Duration durationBeforeInterruption, List<String> instanceIds) {
    Require.between("durationBeforeInterruption", durationBeforeInterruption, SPOT_INTERRUPTION_NOTICE, Duration.ofHours(24));
    Require.notNull("instanceIds", instanceIds);
    if (instanceIds.isEmpty()) throw new ValidationException("instanceIds", "[]", "at least one Spot Instance");
    kernel.run(() -> {
      List<Instance> targets = new ArrayList<>();
      for (String id : instanceIds) {
        Instance i = instance(id);
        if (i.purchaseOption() != PurchaseOption.SPOT) {
          throw new ValidationException("instanceIds", id, "a Spot Instance (it is " + i.purchaseOption() + ")");
        }
        if (i.state() != InstanceState.PENDING && i.state() != InstanceState.RUNNING) {
          throw new ValidationException("instanceIds", id, "a pending or running Spot Instance (it is " + i.state() + ")");
        }
        if (interrupting.contains(id) || targets.contains(i)) {
          throw new ValidationException("instanceIds", id, "a Spot Instance without an interruption under way");
        }
        targets.add(i);
      }
      Map<String, Integer> reclaimed = new LinkedHashMap<>();
      for (Instance i : targets) reclaimed.merge(i.availabilityZone() + " " + i.spec().instanceType(), 1, Integer::sum);
      for (Map.Entry<String, Integer> e : reclaimed.entrySet()) {
        String[] zt = e.getKey().split(" ");
        SpotPool p = spot.pool(zt[0], zt[1]);
        int left = Math.max(0, spot.inUse(zt[0], zt[1]) - e.getValue());
        if (left < p.capacity()) {
          spot.put(p.withCapacity(left));
          kernel.timeline().record(new Ec2Fact.SpotPoolChanged(zt[0], zt[1], p.spotPrice(), left));
        }
      }
      java.time.Instant interruptAt = kernel.clock().now().plus(durationBeforeInterruption);
      for (Instance i : targets) {
        interrupting.add(i.instanceId());
        i.rebalanceRecommendedAt(kernel.clock().now());
        long rec = kernel.timeline().record(new Ec2Fact.RebalanceRecommended(i.instanceId()));
        kernel.runWithCause(rec, () -> {
          for (InstanceListener l : listeners) l.rebalanceRecommended(i);
          if (durationBeforeInterruption.equals(SPOT_INTERRUPTION_NOTICE)) {
            noticeInterruption(i, interruptAt);
          } else {
            kernel.scheduler().at(interruptAt.minus(SPOT_INTERRUPTION_NOTICE), () -> noticeInterruption(i, interruptAt));
          }
        });
      }
    });
  }

  private boolean gone(Instance i) {
    return i.state() == InstanceState.SHUTTING_DOWN || i.state() == InstanceState.TERMINATED;
  }

  private void noticeInterruption(Instance i, java.time.Instant at) {
    if (gone(i)) {
      interrupting.remove(i.instanceId());
      return;
    }
    i.interruptionTime(at);
    long n = kernel.timeline().record(new Ec2Fact.SpotInterruptionNoticed(i.instanceId(), at));
    kernel.runWithCause(n, () -> {
      for (InstanceListener l : listeners) l.interruptionNoticed(i, at);
      kernel.scheduler().at(at, () -> interrupt(i));
    });
  }

  private void interrupt(Instance i) {
    interrupting.remove(i.instanceId());
    if (gone(i)) return;
    long x = kernel.timeline().record(new Ec2Fact.SpotInstanceInterrupted(i.instanceId()));
    kernel.runWithCause(x, () -> {
      transition(i, InstanceState.SHUTTING_DOWN);
      kernel.scheduler().after(SHUTDOWN_TIME, () -> transition(i, InstanceState.TERMINATED));
    });
  }

  /**
   * Sets the instance quota: launches beyond this many instances that are not terminated fail.
   *
   * @param quota the quota
   */
  public void setInstanceQuota(int quota) {
    Require.between("instanceQuota", quota, 1, 10_000_000);
    kernel.run(() -> instanceQuota = quota);
  }

  /** {@return the instance quota (default {@link #DEFAULT_INSTANCE_QUOTA})} */
  public int instanceQuota() {
    kernel.checkOpen();
    return instanceQuota;
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

  /** A snapshot of every instance, rebuilt only after a launch (the publisher's per-minute list). */
  Instance[] liveInstances() {
    if (liveSnapshot == null) {
      liveSnapshot = instances.values().toArray(new Instance[0]);
    }
    return liveSnapshot;
  }
}

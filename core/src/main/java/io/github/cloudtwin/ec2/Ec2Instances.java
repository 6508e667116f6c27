package io.github.cloudtwin.ec2;

import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.internal.kernel.Hex;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The instances of one EC2 and their state machine: launch (throttling, zone capacity, Spot
 * capacity and the instance quota checked first), ids drawn from a seeded stream, {@code pending ->
 * running}, stop, start, terminate, crash and recovery, each transition recorded and told to the
 * instance listeners, and reachability changes (crashes, zone outages) told as they happen.
 * Simulation thread only: callers hold the kernel lock.
 */
final class Ec2Instances {

  private final Kernel kernel;
  private final Zones zones;
  private final LaunchThrottle throttle;
  private final SpotMarket spot;
  private final List<InstanceListener> listeners;
  private final SplittableRandom ids;
  private final Map<String, Instance> instances = new LinkedHashMap<>();

  /** The group names instances were tagged with at launch (tags never change afterwards). */
  private final Set<String> taggedGroups = new HashSet<>();

  private Instance @Nullable [] liveSnapshot;

  /** The instances not seen terminated by the last snapshot, in launch order. */
  private final List<Instance> live = new ArrayList<>();

  /** Whether an instance terminated since the last snapshot. */
  private boolean terminatedSince;

  private int instanceQuota = Ec2.DEFAULT_INSTANCE_QUOTA;
  private int notTerminated;

  Ec2Instances(
      Kernel kernel,
      Zones zones,
      LaunchThrottle throttle,
      SpotMarket spot,
      List<InstanceListener> listeners,
      SplittableRandom ids) {
    this.kernel = kernel;
    this.zones = zones;
    this.throttle = throttle;
    this.spot = spot;
    this.listeners = listeners;
    this.ids = ids;
  }

  /**
   * Launches an instance, as RunInstances: {@code pending} now, {@code running} after its boot
   * time.
   */
  Instance launch(InstanceSpec spec) {
    if (throttle.throttled(spec)) {
      throw new RequestLimitExceededException();
    }
    if (!zones.launchable(spec.availabilityZone(), spec.instanceType())) {
      throw new InsufficientInstanceCapacityException(spec.instanceType(), spec.availabilityZone());
    }
    boolean isSpot = spec.purchaseOption() == PurchaseOption.SPOT;
    if (isSpot && spot.free(spec.availabilityZone(), spec.instanceType()) == 0) {
      throw InsufficientInstanceCapacityException.noSpotCapacity(spec.availabilityZone());
    }
    if (notTerminated >= instanceQuota) {
      throw new InstanceLimitExceededException(
          spec.instanceType(), spec.availabilityZone(), instanceQuota);
    }
    notTerminated++;
    if (isSpot) spot.taken(spec.availabilityZone(), spec.instanceType(), 1);
    String id = newId();
    Instance instance = new Instance(id, spec, kernel.clock().now(), kernel.timeline());
    instances.put(id, instance);
    String group = spec.tags().get(Ec2.GROUP_TAG);
    if (group != null) taggedGroups.add(group);
    live.add(instance);
    liveSnapshot = null;
    long launch =
        kernel
            .timeline()
            .record(
                new Ec2Fact.InstanceLaunched(
                    id, spec.instanceType(), spec.availabilityZone(), spec.purchaseOption()));
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
  }

  private String newId() {
    String id;
    do {
      id = "i-0" + Hex.of16(ids.nextLong());
    } while (instances.containsKey(id));
    return id;
  }

  /** Whether an instance with that id was launched (terminated ones included). */
  boolean launched(String instanceId) {
    return instances.containsKey(instanceId);
  }

  /** Whether an instance launched with that group name in its group tag. */
  boolean tagged(String groupName) {
    return taggedGroups.contains(groupName);
  }

  /** The instance with that id, or a ValidationException ({@code InvalidInstanceID.NotFound}). */
  Instance require(String instanceId) {
    Require.name("instanceId", instanceId);
    Instance i = instances.get(instanceId);
    if (i == null) {
      throw new ValidationException(
          "instanceId",
          instanceId,
          "the id of an instance of this twin (InvalidInstanceID.NotFound)");
    }
    return i;
  }

  List<Instance> all() {
    return List.copyOf(instances.values());
  }

  List<Instance> inState(InstanceState state) {
    List<Instance> out = new ArrayList<>();
    for (Instance i : instances.values()) {
      if (i.state() == state) out.add(i);
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code shutting-down} now, {@code terminated} after {@link Ec2#SHUTDOWN_TIME}; once only. */
  void terminate(Instance i) {
    InstanceState s = i.state();
    if (s == InstanceState.SHUTTING_DOWN || s == InstanceState.TERMINATED) {
      return;
    }
    transition(i, InstanceState.SHUTTING_DOWN);
    kernel.scheduler().after(Ec2.SHUTDOWN_TIME, () -> transition(i, InstanceState.TERMINATED));
  }

  /** {@code stopping} now, {@code stopped} after {@link Ec2#SHUTDOWN_TIME}. */
  void stop(Instance i) {
    InstanceState s = i.state();
    if (s != InstanceState.RUNNING && s != InstanceState.PENDING) {
      throw new ValidationException(
          "instanceId", i.instanceId(), "an instance that is pending or running (it is " + s + ")");
    }
    transition(i, InstanceState.STOPPING);
    kernel
        .scheduler()
        .after(
            Ec2.SHUTDOWN_TIME,
            () -> {
              if (i.state() == InstanceState.STOPPING) {
                transition(i, InstanceState.STOPPED);
              }
            });
  }

  /** {@code pending} now, {@code running} after {@code startTime}; the zone must take the type. */
  void start(Instance i, java.time.Duration startTime) {
    if (i.state() != InstanceState.STOPPED) {
      throw new ValidationException(
          "instanceId", i.instanceId(), "a stopped instance (it is " + i.state() + ")");
    }
    if (!zones.launchable(i.availabilityZone(), i.spec().instanceType())) {
      throw new InsufficientInstanceCapacityException(
          i.spec().instanceType(), i.availabilityZone());
    }
    transition(i, InstanceState.PENDING);
    kernel
        .scheduler()
        .after(
            startTime,
            () -> {
              if (i.state() == InstanceState.PENDING) {
                transition(i, InstanceState.RUNNING);
              }
            });
  }

  /** Crashes ({@code true}) or recovers the instance, recording the change. */
  void crashed(Instance i, boolean crashed) {
    if (i.isCrashed() == crashed) {
      return;
    }
    boolean before = i.isReachable();
    i.crashed(crashed);
    kernel
        .timeline()
        .record(
            crashed
                ? new Ec2Fact.InstanceCrashed(i.instanceId())
                : new Ec2Fact.InstanceRecovered(i.instanceId()));
    notifyReachability(i, before);
  }

  /** Cuts off (or reconnects) every instance in the zone, in launch order. */
  void zoneImpaired(String zone, boolean impaired) {
    for (Instance i : List.copyOf(instances.values())) {
      if (i.availabilityZone().equals(zone)) {
        boolean before = i.isReachable();
        i.zoneImpaired(impaired);
        notifyReachability(i, before);
      }
    }
  }

  /**
   * Moves the instance to {@code to} (nothing when it is there), recording and telling listeners.
   */
  void transition(Instance i, InstanceState to) {
    InstanceState from = i.state();
    if (from == to) {
      return;
    }
    boolean before = i.isReachable();
    i.state(to, kernel.clock().now());
    if (to == InstanceState.TERMINATED) {
      notTerminated--;
      terminatedSince = true;
      if (i.purchaseOption() == PurchaseOption.SPOT)
        spot.taken(i.availabilityZone(), i.spec().instanceType(), -1);
    }
    long id = kernel.timeline().record(new Ec2Fact.InstanceStateChanged(i.instanceId(), from, to));
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

  void quota(int quota) {
    instanceQuota = quota;
  }

  int quota() {
    return instanceQuota;
  }

  /**
   * A snapshot of the instances in launch order, rebuilt only after a launch or a termination (the
   * publisher's per-minute list): an instance that had terminated when it was rebuilt is left out,
   * so a long run that replaces its instances walks the ones it has, not every one it ever
   * launched. (An instance may terminate after the snapshot: the publisher skips it.)
   */
  Instance[] liveInstances() {
    Instance[] snapshot = liveSnapshot;
    if (snapshot == null || terminatedSince) {
      if (terminatedSince) {
        live.removeIf(i -> i.state() == InstanceState.TERMINATED);
        terminatedSince = false;
      }
      snapshot = live.toArray(new Instance[0]);
      liveSnapshot = snapshot;
    }
    return snapshot;
  }
}

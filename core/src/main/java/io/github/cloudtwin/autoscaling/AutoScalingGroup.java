package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A live view of one Auto Scaling group: read it again to see current values; collections it
 * returns are immutable snapshots. Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class AutoScalingGroup {

  private final Kernel kernel;
  private final GroupRuntime runtime;

  AutoScalingGroup(Kernel kernel, GroupRuntime runtime) {
    this.kernel = kernel;
    this.runtime = runtime;
  }

  /** {@return the group name} */
  public String name() {
    return runtime.name;
  }

  /** {@return when the group was created, in virtual time (CreatedTime)} */
  public Instant createdTime() {
    return runtime.createdTime;
  }

  /**
   * {@return the group's warm pool as DescribeWarmPool shows it (a snapshot), or empty when it has
   * none; experimental}
   */
  public java.util.Optional<WarmPool> warmPool() {
    return kernel.call(() -> java.util.Optional.ofNullable(runtime.warmPool.describe()));
  }

  /**
   * {@return the group's instance refreshes as DescribeInstanceRefreshes lists them (snapshots,
   * newest first); experimental}
   */
  public List<InstanceRefresh> instanceRefreshes() {
    return kernel.call(
        () -> {
          List<InstanceRefresh> out = new java.util.ArrayList<>();
          List<RefreshRun> runs = runtime.refresh.history;
          for (int i = runs.size() - 1; i >= 0; i--) out.add(runs.get(i).snapshot(runtime.name));
          return List.copyOf(out);
        });
  }

  /** {@return the current configuration (with the current min, max and desired)} */
  public AutoScalingGroupSpec spec() {
    return kernel.call(() -> runtime.spec);
  }

  /** {@return MinSize} */
  public int minSize() {
    return kernel.call(() -> runtime.spec.minSize());
  }

  /** {@return MaxSize} */
  public int maxSize() {
    return kernel.call(() -> runtime.spec.maxSize());
  }

  /** {@return DesiredCapacity} */
  public int desiredCapacity() {
    return kernel.call(() -> runtime.spec.desiredCapacity());
  }

  /** {@return the instances of the group (Terminated ones are gone), in launch order} */
  public List<AutoScalingInstance> instances() {
    return kernel.call(
        () -> {
          List<AutoScalingInstance> out = new ArrayList<>();
          for (Member m : runtime.members.values()) out.add(m.snapshot());
          return Collections.unmodifiableList(out);
        });
  }

  /**
   * The instances in {@code state}, in launch order.
   *
   * @param state the state
   * @return the instances in {@code state}, in launch order
   */
  public List<AutoScalingInstance> instances(LifecycleState state) {
    return instances().stream().filter(i -> i.lifecycleState() == state).toList();
  }

  /**
   * The instances bought as {@code option}, in launch order.
   *
   * @param option On-Demand or Spot
   * @return those instances
   */
  public List<AutoScalingInstance> instances(io.github.cloudtwin.ec2.PurchaseOption option) {
    return instances().stream().filter(i -> i.purchaseOption() == option).toList();
  }

  /**
   * {@return the capacity units that count toward desired capacity (Pending and InService, not
   * terminating, not taken out by Capacity Rebalancing), per purchase option; both keys always
   * present}
   */
  public java.util.Map<io.github.cloudtwin.ec2.PurchaseOption, Integer> capacityByPurchaseOption() {
    return kernel.call(
        () -> {
          java.util.EnumMap<io.github.cloudtwin.ec2.PurchaseOption, Integer> out =
              new java.util.EnumMap<>(io.github.cloudtwin.ec2.PurchaseOption.class);
          for (io.github.cloudtwin.ec2.PurchaseOption o :
              io.github.cloudtwin.ec2.PurchaseOption.values()) out.put(o, 0);
          for (Member m : runtime.members.values())
            if (m.counts()) out.merge(m.purchaseOption, m.weight, Integer::sum);
          return Collections.unmodifiableMap(out);
        });
  }

  /** {@return how many instances are InService} */
  public int inServiceCount() {
    return kernel.call(() -> runtime.state.stateCounts[LifecycleState.IN_SERVICE.ordinal()]);
  }

  /**
   * {@return InService instances per enabled zone (zones with none show 0), sorted by zone name}
   */
  public SortedMap<String, Integer> inServiceCountByZone() {
    return kernel.call(
        () -> {
          TreeMap<String, Integer> out = new TreeMap<>();
          for (String z : runtime.spec.availabilityZones()) out.put(z, 0);
          for (Member m : runtime.members.values()) {
            if (m.state == LifecycleState.IN_SERVICE) out.merge(m.zone, 1, Integer::sum);
          }
          return Collections.unmodifiableSortedMap(out);
        });
  }

  /**
   * {@return the group's real size now: its Pending, InService and Terminating instances (with
   * their Wait/Proceed variants) per zone of the group, sorted by zone}
   */
  public GroupSize size() {
    return kernel.call(
        () -> {
          TreeMap<String, Integer> out = new TreeMap<>();
          for (String z : runtime.spec.availabilityZones()) out.put(z, 0);
          runtime.state.sizeByZone.forEach((z, n) -> out.merge(z, n, Integer::sum));
          return new GroupSize(runtime.now(), out);
        });
  }

  /**
   * {@return every change of the group's real size, oldest first: one entry per instant at which it
   * changed, holding the size at the end of that instant}
   */
  public List<GroupSize> sizeHistory() {
    return kernel.call(() -> List.copyOf(runtime.state.sizeHistory));
  }

  /**
   * {@return the group's desired capacity over time, oldest first, read from the typed facts of its
   * timeline: one entry each time it took a new value (created, constraints updated, desired
   * capacity changed)}
   */
  public List<DesiredCapacityChange> capacityHistory() {
    List<DesiredCapacityChange> out = new ArrayList<>();
    for (TimelineEvent e : kernel.timeline().eventsOf("group/" + runtime.name)) {
      int v;
      if (e.fact() instanceof AutoScalingFact.DesiredCapacityChanged c) {
        v = c.to();
      } else if (e.fact() instanceof AutoScalingFact.GroupCreated c) {
        v = c.desiredCapacity();
      } else if (e.fact() instanceof AutoScalingFact.GroupConstraintsUpdated c) {
        v = c.desiredCapacity();
      } else {
        continue;
      }
      if (out.isEmpty() || out.get(out.size() - 1).desiredCapacity() != v)
        out.add(new DesiredCapacityChange(e.time(), v, e));
    }
    return Collections.unmodifiableList(out);
  }

  /** {@return the scaling activities, newest first, as DescribeScalingActivities lists them} */
  public List<ScalingActivity> activities() {
    return kernel.call(
        () -> {
          List<ScalingActivity> out = new ArrayList<>();
          for (int i = runtime.log.activities.size() - 1; i >= 0; i--)
            out.add(runtime.log.activities.get(i).snapshot());
          return Collections.unmodifiableList(out);
        });
  }

  /**
   * {@return the names of the target groups and Classic Load Balancers attached to the group now,
   * in attach order (its traffic sources)}
   */
  public List<String> trafficSources() {
    return kernel.call(
        () -> runtime.traffic.targetGroups.stream().map(LoadBalancerTargets::name).toList());
  }

  /**
   * {@return the target groups detached from the group whose instances are still draining (AWS's
   * {@code Removing} state of {@code DescribeLoadBalancerTargetGroups}), in detach order; attached
   * target groups are the spec's {@link AutoScalingGroupSpec#targetGroupNames()}}
   */
  public List<String> removingTargetGroups() {
    return kernel.call(() -> List.copyOf(runtime.traffic.removingTargetGroups.keySet()));
  }

  /**
   * {@return the suspended processes with their SuspensionReason, as {@code SuspendedProcesses}, in
   * process order}
   */
  public List<SuspendedProcess> suspendedProcessDetails() {
    return kernel.call(
        () -> {
          List<SuspendedProcess> out = new ArrayList<>();
          // every suspended process has its reason (an EnumMap: in process order)
          runtime.suspensionReasons.forEach((p, r) -> out.add(new SuspendedProcess(p, r)));
          return Collections.unmodifiableList(out);
        });
  }

  /** {@return the suspended processes} */
  public Set<ScalingProcess> suspendedProcesses() {
    return kernel.call(
        () -> {
          Set<ScalingProcess> s = EnumSet.noneOf(ScalingProcess.class);
          s.addAll(runtime.suspended);
          return Collections.unmodifiableSet(s);
        });
  }

  /**
   * {@return the twin's timeline, where this resource's events ({@code group/<name>}) are recorded}
   */
  public Timeline timeline() {
    return kernel.timeline();
  }

  @Override
  public String toString() {
    return kernel.call(
        () ->
            "AutoScalingGroup["
                + runtime.name
                + ", min "
                + runtime.spec.minSize()
                + ", max "
                + runtime.spec.maxSize()
                + ", desired "
                + runtime.spec.desiredCapacity()
                + ", "
                + runtime.members.size()
                + " instances]");
  }
}

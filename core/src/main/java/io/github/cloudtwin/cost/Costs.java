package io.github.cloudtwin.cost;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ec2.Regions;
import io.github.cloudtwin.ecs.TaskDefinition;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.facts.Fact;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link CostReport} from a twin's timeline: nothing is metered while the scenario runs,
 * the facts say everything (launches, state changes, lifecycle, Fargate task states). Stateless.
 *
 * <p>A Spot Instance (its launch fact says so) is priced at the table's Spot price for its type and
 * region, an On-Demand one at the On-Demand price. Billing follows AWS: an EC2 Linux instance is
 * billed per second while it is in the {@code running} state, with a minimum of 60 seconds each
 * time it enters {@code running}; an instance still running at the end of the window is billed up
 * to it (with the minimum). A Fargate task is billed per second, at least one minute, from the
 * start of its image download ({@code PENDING}) until it stops.
 *
 * <p><b>Attribution to policies.</b> An instance's cost belongs to the scaling policy whose
 * execution is the nearest {@code PolicyExecuted} fact in the cause chain of the instance's launch
 * ({@code InstanceLaunched} &lt;- {@code DesiredCapacityChanged} &lt;- {@code PolicyExecuted} &lt;-
 * the alarm). Instances launched for any other reason (the group's initial capacity, a manual
 * change, a scheduled action, a replacement of an unhealthy instance, a rebalance) are {@link
 * CostReport#unattributedUsd() unattributed}: a replacement is the group keeping its size, not the
 * policy adding capacity.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Costs {

  private static final long MINIMUM_SECONDS = 60;

  private Costs() {}

  /**
   * What everything in {@code twin} has cost from its start until now.
   *
   * @param twin the twin
   * @param prices the prices (for instance {@link PriceTable#awsOnDemand()})
   * @return the report; a ValidationException when the table lacks a price the scenario needs
   */
  public static CostReport of(CloudTwin twin, PriceTable prices) {
    Require.notNull("twin", twin);
    return of(twin.timeline(), twin.region(), prices, fr -> twin.ecs().taskDefinition(fr));
  }

  /**
   * What the EC2 instances and Fargate tasks on {@code timeline} cost from its start until its now.
   *
   * @param timeline the timeline
   * @param region the region the prices are looked up in
   * @param prices the prices
   * @param taskDefinitions the task definition of a {@code family:revision} (for Fargate tasks)
   * @return the report; a ValidationException when the table lacks a price the scenario needs
   */
  public static CostReport of(
      Timeline timeline,
      String region,
      PriceTable prices,
      Function<String, TaskDefinition> taskDefinitions) {
    Require.notNull("timeline", timeline);
    Require.notNull("prices", prices);
    Require.notNull("taskDefinitions", taskDefinitions);
    Regions.zones(region); // validates the region
    List<TimelineEvent> events = timeline.events();
    Instant end = timeline.now();
    Map<String, Meter> instances = new LinkedHashMap<>();
    Map<String, TaskMeter> tasks = new LinkedHashMap<>();
    for (TimelineEvent e : events) {
      Fact f = e.fact();
      if (f instanceof Ec2Fact.InstanceLaunched l) {
        instances.put(l.instanceId(), new Meter(l, e.id(), policyOf(events, e)));
      } else if (f instanceof Ec2Fact.InstanceStateChanged s) {
        Meter m = instances.get(s.instanceId());
        if (m != null) m.state(s.to(), e.time());
      } else if (f instanceof AutoScalingFact.LifecycleStateChanged lc) {
        Meter m = instances.get(lc.instanceId());
        if (m != null && m.group == null) m.group = lc.groupName();
      } else if (f instanceof EcsFact.TaskPlaced p && p.ec2InstanceId() == null) {
        tasks.put(p.taskId(), new TaskMeter(p));
      } else if (f instanceof EcsFact.TaskStateChanged ts) {
        TaskMeter t = tasks.get(ts.taskId());
        if (t != null) t.state(ts.to(), e.time());
      } else if (f instanceof EcsFact.TaskStopped st) {
        TaskMeter t = tasks.get(st.taskId());
        if (t != null) t.stop(e.time());
      }
    }
    List<InstanceCharge> charges = new ArrayList<>();
    Map<String, Double> byGroup = new TreeMap<>();
    Map<String, Double> byPolicy = new TreeMap<>();
    double total = 0;
    double unattributed = 0;
    for (Meter m : instances.values()) {
      m.stop(end);
      if (m.segments == 0) continue;
      double hourly = prices.instanceHourly(region, m.type, m.option);
      double usd = m.billedSeconds * hourly / 3600.0;
      charges.add(
          new InstanceCharge(
              m.id,
              m.type,
              m.zone,
              m.group,
              m.policy,
              m.option,
              Duration.ofMillis(m.runningMillis),
              m.billedSeconds,
              hourly,
              usd,
              m.launchEventId));
      total += usd;
      if (m.group != null) byGroup.merge(m.group, usd, Double::sum);
      if (m.policy != null) byPolicy.merge(m.policy, usd, Double::sum);
      else unattributed += usd;
    }
    List<TaskCharge> taskCharges = new ArrayList<>();
    for (TaskMeter t : tasks.values()) {
      t.stop(end);
      if (t.billedMillis == 0) continue;
      TaskDefinition td = taskDefinitions.apply(t.taskDefinition);
      if (td == null) {
        throw new ValidationException(
            "taskDefinition", t.taskDefinition, "a task definition of this twin");
      }
      double vcpu = td.reservedCpu() / 1024.0;
      double gb = td.reservedMemory() / 1024.0;
      double hours = t.billedMillis / 3_600_000.0;
      double usd =
          hours * (vcpu * prices.fargateVcpuHourly(region) + gb * prices.fargateGbHourly(region));
      taskCharges.add(
          new TaskCharge(
              t.taskId,
              t.taskDefinition,
              t.serviceName,
              vcpu,
              gb,
              Duration.ofMillis(t.billedMillis),
              usd));
      total += usd;
    }
    return new CostReport(
        timeline.t0(),
        end,
        total,
        byGroup,
        byPolicy,
        unattributed,
        charges,
        taskCharges,
        prices.source());
  }

  /**
   * The region of a zone name such as {@code us-east-1a}, among the regions the twin knows.
   *
   * @param zone the zone name
   * @return the region
   */
  public static String regionOf(String zone) {
    for (String r : Regions.names()) {
      for (AvailabilityZone z : Regions.zones(r)) {
        if (z.name().equals(zone)) return r;
      }
    }
    throw new ValidationException(
        "availabilityZone", zone, "a zone of a region the twin knows: " + Regions.names());
  }

  /**
   * The policy whose execution is the nearest PolicyExecuted in the launch's cause chain, or null.
   */
  private static @Nullable String policyOf(List<TimelineEvent> events, TimelineEvent launch) {
    long cause = launch.causeId();
    while (cause != 0) {
      TimelineEvent c = events.get((int) cause - 1);
      if (c.fact() instanceof AutoScalingFact.PolicyExecuted p) return p.policyName();
      cause = c.causeId();
    }
    return null;
  }

  private static long billed(long millis) {
    return Math.max(MINIMUM_SECONDS, (millis + 999) / 1000);
  }

  /** One instance's running segments. */
  private static final class Meter {
    final String id;
    final String type;
    final String zone;
    final @Nullable String policy;
    final PurchaseOption option;
    final long launchEventId;
    @Nullable String group;
    @Nullable Instant runningSince;
    long runningMillis;
    long billedSeconds;
    int segments;

    Meter(Ec2Fact.InstanceLaunched l, long eventId, @Nullable String policy) {
      this.id = l.instanceId();
      this.type = l.instanceType();
      this.zone = l.availabilityZone();
      this.launchEventId = eventId;
      this.policy = policy;
      this.option = l.purchaseOption();
    }

    void state(InstanceState to, Instant at) {
      if (to == InstanceState.RUNNING) {
        if (runningSince == null) runningSince = at;
      } else {
        stop(at);
      }
    }

    void stop(Instant at) {
      if (runningSince == null) return;
      long ms = Math.max(0, Duration.between(runningSince, at).toMillis());
      runningMillis += ms;
      billedSeconds += billed(ms);
      segments++;
      runningSince = null;
    }
  }

  /** One Fargate task's billed time. */
  private static final class TaskMeter {
    final String taskId;
    final String taskDefinition;
    final @Nullable String serviceName;
    @Nullable Instant since;
    long billedMillis;

    TaskMeter(EcsFact.TaskPlaced p) {
      this.taskId = p.taskId();
      this.taskDefinition = p.taskDefinition();
      this.serviceName = p.serviceName();
    }

    void state(TaskStatus to, Instant at) {
      if (to == TaskStatus.PENDING && since == null && billedMillis == 0) {
        since = at;
      } else if (to == TaskStatus.STOPPED) {
        stop(at);
      }
    }

    void stop(Instant at) {
      if (since == null) return;
      long ms = Math.max(0, Duration.between(since, at).toMillis());
      billedMillis = Math.max(MINIMUM_SECONDS * 1000, (ms + 999) / 1000 * 1000);
      since = null;
    }
  }
}

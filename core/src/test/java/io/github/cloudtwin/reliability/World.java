package io.github.cloudtwin.reliability;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.ScalingActivityInProgressException;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.RoutedResponse;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealth;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A twin with one Auto Scaling group behind an ALB, two CPU alarms driving simple scaling policies
 * and an alarm on a custom metric; {@link #apply} runs one {@link Op} and {@link #checkInvariants}
 * checks everything that must hold after every step. Failures are AssertionErrors naming the step.
 */
final class World implements AutoCloseable {

  static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
  static final MetricId CUSTOM = MetricId.of("Custom/App", "QueueDepth", "Queue", "jobs");

  /** The generated set-up of one world. */
  record Setup(
      long seed,
      int min,
      int max,
      int desired,
      boolean elbHealthCheck,
      int highN,
      int highM,
      TreatMissingData highMissing,
      int customN,
      int customM,
      TreatMissingData customMissing,
      int customStat) {
    @Override
    public String toString() {
      return "Setup(seed "
          + seed
          + ", min "
          + min
          + ", max "
          + max
          + ", desired "
          + desired
          + ", elb "
          + elbHealthCheck
          + ", high "
          + highM
          + "/"
          + highN
          + " "
          + highMissing
          + ", custom "
          + customM
          + "/"
          + customN
          + " "
          + customMissing
          + " stat "
          + customStat
          + ")";
    }
  }

  final CloudTwin twin;
  final Setup setup;
  private int checkedEvents;
  private final List<String> problems = new ArrayList<>();
  int step;
  long requestsChecked;

  World(Setup s) {
    this.setup = s;
    this.twin = CloudTwin.builder().seed(s.seed()).build();
    // Every launch must land in an available zone: checked at the instant the launch is recorded.
    twin.timeline()
        .addListener(
            e -> {
              if (e.resource().startsWith("instance/") && e.kind().equals("launch")) {
                String zone = e.details().get("availabilityZone");
                if (twin.ec2().zoneState(zone) != ZoneState.AVAILABLE) {
                  problems.add("launch in impaired zone: " + e);
                }
              }
            });
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(ZONES).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(s.min())
                .maxSize(s.max())
                .desiredCapacity(s.desired())
                .availabilityZones(ZONES)
                .detailedMonitoring(true)
                .targetGroupNames("tg")
                .healthCheckType(s.elbHealthCheck() ? HealthCheckType.ELB : HealthCheckType.EC2)
                .build());
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("out")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .cooldown(Duration.ofSeconds(60))
                    .build());
    ScalingPolicy in =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("in")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(-1)
                    .cooldown(Duration.ofSeconds(60))
                    .build());
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(cpu)
                .period(Duration.ofMinutes(1))
                .evaluationPeriods(s.highN())
                .datapointsToAlarm(s.highM())
                .threshold(70)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .treatMissingData(s.highMissing())
                .alarmActions(out.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-low")
                .metric(cpu)
                .period(Duration.ofMinutes(5))
                .evaluationPeriods(1)
                .threshold(30)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .alarmActions(in.asAlarmAction())
                .build());
    Statistic[] stats = {
      Statistic.AVERAGE, Statistic.MAXIMUM, Statistic.MINIMUM, Statistic.SUM, Statistic.SAMPLE_COUNT
    };
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("queue-deep")
                .metric(CUSTOM)
                .statistic(stats[s.customStat()])
                .period(Duration.ofMinutes(1))
                .evaluationPeriods(s.customN())
                .datapointsToAlarm(s.customM())
                .threshold(10)
                .comparisonOperator(ComparisonOperator.GreaterThanOrEqualToThreshold)
                .treatMissingData(s.customMissing())
                .build());
  }

  AutoScalingGroup group() {
    return twin.autoScaling().group("web");
  }

  /** The group's instances that are not gone, sorted by id. */
  List<String> members() {
    List<String> ids = new ArrayList<>();
    for (AutoScalingInstance i : group().instances()) {
      if (i.lifecycleState() != LifecycleState.TERMINATED) ids.add(i.instanceId());
    }
    ids.sort(null);
    return ids;
  }

  boolean inStandby(String id) {
    for (AutoScalingInstance i : group().instances()) {
      if (i.instanceId().equals(id)) {
        return i.lifecycleState() == LifecycleState.STANDBY
            || i.lifecycleState() == LifecycleState.ENTERING_STANDBY;
      }
    }
    return false;
  }

  String pick(int index) {
    List<String> ids = members();
    return ids.isEmpty() ? null : ids.get(Math.floorMod(index, ids.size()));
  }

  /** Runs one operation; a ValidationException must leave no trace. */
  void apply(Op op) {
    step++;
    int before = twin.timeline().size();
    int desiredBefore = group().desiredCapacity();
    try {
      op.run(this);
    } catch (ValidationException | ScalingActivityInProgressException e) {
      if (e.getMessage() == null || e.getMessage().isBlank())
        fail(op, "rejection without a message: " + e);
      if (twin.timeline().size() != before) {
        fail(
            op,
            "rejected call left "
                + (twin.timeline().size() - before)
                + " timeline events: "
                + e.getMessage()
                + "\n"
                + twin.timeline().lastText(twin.timeline().size() - before));
      }
      if (group().desiredCapacity() != desiredBefore)
        fail(op, "rejected call changed desired capacity: " + e.getMessage());
    }
    checkInvariants(op);
  }

  void fail(Object op, String problem) {
    throw new AssertionError(
        "step "
            + step
            + " ("
            + op
            + ") of "
            + setup
            + ": "
            + problem
            + "\n--- last timeline:\n"
            + twin.timeline().lastText(40));
  }

  void checkInvariants(Object op) {
    if (!problems.isEmpty()) fail(op, problems.toString());
    AutoScalingGroup g = group();
    if (!(g.minSize() <= g.desiredCapacity() && g.desiredCapacity() <= g.maxSize())) {
      fail(
          op,
          "min "
              + g.minSize()
              + " <= desired "
              + g.desiredCapacity()
              + " <= max "
              + g.maxSize()
              + " broken");
    }
    int counting = 0;
    for (AutoScalingInstance i : g.instances()) {
      LifecycleState st = i.lifecycleState();
      if (st == LifecycleState.PENDING
          || st == LifecycleState.PENDING_WAIT
          || st == LifecycleState.PENDING_PROCEED
          || st == LifecycleState.IN_SERVICE) {
        // Instances protected from scale-in stay even above max (AWS: "Could not scale to desired
        // capacity because all remaining instances are protected from scale-in").
        if (!i.protectedFromScaleIn()) counting++;
      }
    }
    int allowance = Math.max(1, (int) Math.ceil(g.maxSize() * 0.1));
    if (counting > g.maxSize() + allowance) {
      fail(
          op,
          counting
              + " unprotected pending/InService instances exceed max "
              + g.maxSize()
              + " + rebalance allowance "
              + allowance);
    }
    List<TimelineEvent> events = twin.timeline().events();
    for (int k = Math.max(1, checkedEvents); k < events.size(); k++) {
      TimelineEvent prev = events.get(k - 1);
      TimelineEvent e = events.get(k);
      if (e.time().isBefore(prev.time())) fail(op, "timeline out of order: " + prev + " then " + e);
      if (e.id() <= prev.id()) fail(op, "timeline ids not increasing: " + prev + " then " + e);
    }
    for (int k = checkedEvents; k < events.size(); k++) {
      TimelineEvent e = events.get(k);
      if (e.causeId() != 0) {
        TimelineEvent c = e.causeId() < e.id() ? twin.timeline().event(e.causeId()) : null;
        if (c == null) fail(op, "cause " + e.causeId() + " of " + e + " does not exist before it");
        if (c.time().isAfter(e.time())) fail(op, "cause " + c + " is later than " + e);
      }
    }
    checkedEvents = events.size();
    for (MetricAlarm a : twin.cloudWatch().alarms()) {
      String p = AlarmRecomputation.check(twin.cloudWatch(), a);
      if (p != null) fail(op, p);
    }
  }

  /** Sends {@code n} requests; each must go to a healthy target unless the group fails open. */
  void send(int n, Object op) {
    for (int k = 0; k < n; k++) {
      Map<String, TargetHealth> health = twin.loadBalancing().targetHealths("tg");
      boolean anyHealthy =
          health.values().stream().anyMatch(h -> h.state() == TargetHealthState.HEALTHY);
      RoutedResponse r = twin.loadBalancing().send("web");
      requestsChecked++;
      if (r.targetId() == null) continue;
      TargetHealth h = health.get(r.targetId());
      if (h == null)
        fail(op, "request routed to " + r.targetId() + ", which is not registered: " + health);
      TargetHealthState st = h.state();
      boolean ok =
          st == TargetHealthState.HEALTHY
              || (!anyHealthy
                  && (st == TargetHealthState.UNHEALTHY || st == TargetHealthState.INITIAL));
      if (!ok)
        fail(
            op,
            "request routed to "
                + r.targetId()
                + " in state "
                + h
                + " (healthy exists: "
                + anyHealthy
                + ")");
    }
  }

  /**
   * Ends every fault, lifts protection, sets a CPU between the thresholds and waits: InService must
   * reach desired and every alarm must still match its recomputation.
   */
  void settle() {
    for (String z : ZONES) twin.faults().restoreZone(z);
    List<String> protectedIds = new ArrayList<>();
    for (AutoScalingInstance i : group().instances()) {
      if (i.protectedFromScaleIn() && i.lifecycleState() != LifecycleState.TERMINATED)
        protectedIds.add(i.instanceId());
    }
    if (!protectedIds.isEmpty())
      twin.autoScaling().setInstanceProtection("web", false, protectedIds.toArray(new String[0]));
    for (String id : members()) {
      if (twin.ec2().instance(id).isCrashed()) twin.faults().recoverInstance(id);
    }
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .from(twin.elapsed())
                .constant(50));
    checkInvariants("settle");
    for (int k = 0; k < 60; k++) {
      twin.advance(Duration.ofMinutes(1));
      checkInvariants("settle minute " + (k + 1));
    }
    AutoScalingGroup g = group();
    if (g.inServiceCount() != g.desiredCapacity()) {
      fail(
          "settle",
          "after an hour without faults InService "
              + g.inServiceCount()
              + " != desired "
              + g.desiredCapacity()
              + ": "
              + g.instances());
    }
    for (AutoScalingInstance i : g.instances(LifecycleState.IN_SERVICE)) {
      if (twin.ec2().instance(i.instanceId()).state() != InstanceState.RUNNING) {
        fail(
            "settle",
            "InService instance "
                + i.instanceId()
                + " is "
                + twin.ec2().instance(i.instanceId()).state());
      }
    }
  }

  @Override
  public void close() {
    twin.close();
  }
}

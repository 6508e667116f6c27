package io.github.cloudtwin.benchmarks.compare;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetHealth;
import io.github.cloudtwin.elb.TargetHealthState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same estate in-process with CloudTwin, through its public API. One round builds a twin,
 * creates the estate, advances virtual time one minute (so the instances have booted, are InService
 * and registered, and the tasks run), reads everything back and closes the twin.
 */
final class TwinSide {

  /** Which parts of the estate this build of CloudTwin has (features merged so far). */
  static final boolean HAS_ELB = true;

  static final boolean HAS_ECS = true;

  private TwinSide() {}

  /** What is missing from the estate on this build, or empty. */
  static String missing() {
    StringBuilder sb = new StringBuilder();
    if (!HAS_ELB) sb.append("load balancer, target group and attachment");
    if (!HAS_ECS) sb.append(sb.length() > 0 ? "; " : "").append("ECS cluster and service");
    return sb.toString();
  }

  /** A fresh twin with the estate created and read back; the caller closes it. */
  static CloudTwin createAndReadBack(long seed) {
    CloudTwin twin = create(seed);
    twin.advance(Duration.ofMinutes(1));
    readBack(twin);
    return twin;
  }

  static CloudTwin create(long seed) {
    CloudTwin twin =
        CloudTwin.builder()
            .seed(seed)
            .availabilityZones(Estate.ZONES.toArray(String[]::new))
            .build();
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application(Estate.LOAD_BALANCER)
                .availabilityZones(Estate.ZONES)
                .build());
    twin.loadBalancing()
        .createTargetGroup(
            TargetGroupSpec.builder(Estate.TARGET_GROUP).protocol(Protocol.HTTP).port(80).build());
    twin.loadBalancing()
        .createListener(
            ListenerSpec.builder(Estate.LOAD_BALANCER, 80)
                .protocol(Protocol.HTTP)
                .forwardTo(Estate.TARGET_GROUP)
                .build());
    AutoScalingGroupSpec.Builder group =
        AutoScalingGroupSpec.builder()
            .autoScalingGroupName(Estate.GROUP)
            .launchTemplate(Estate.GROUP, "1")
            .instanceType("t3.micro")
            .detailedMonitoring(true)
            .minSize(Estate.MIN)
            .maxSize(Estate.MAX)
            .desiredCapacity(Estate.DESIRED)
            .availabilityZones(Estate.ZONES.toArray(String[]::new))
            .targetGroupNames(Estate.TARGET_GROUP);
    twin.autoScaling().createAutoScalingGroup(group.build());
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                StepScalingPolicy.builder()
                    .policyName(Estate.SCALE_OUT)
                    .autoScalingGroupName(Estate.GROUP)
                    .adjustmentType(AdjustmentType.ChangeInCapacity)
                    .step(0.0, null, Estate.SCALE_OUT_STEP)
                    .build());
    ScalingPolicy in =
        twin.autoScaling()
            .putScalingPolicy(
                StepScalingPolicy.builder()
                    .policyName(Estate.SCALE_IN)
                    .autoScalingGroupName(Estate.GROUP)
                    .adjustmentType(AdjustmentType.ChangeInCapacity)
                    .step(null, 0.0, Estate.SCALE_IN_STEP)
                    .build());
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", Estate.GROUP);
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName(Estate.ALARM_HIGH)
                .metric(cpu)
                .period(Duration.ofSeconds(Estate.PERIOD_SECONDS))
                .evaluationPeriods(Estate.EVALUATION_PERIODS)
                .threshold(Estate.HIGH_THRESHOLD)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName(Estate.ALARM_LOW)
                .metric(cpu)
                .period(Duration.ofSeconds(Estate.PERIOD_SECONDS))
                .evaluationPeriods(Estate.EVALUATION_PERIODS)
                .threshold(Estate.LOW_THRESHOLD)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .alarmActions(in.asAlarmAction())
                .build());
    twin.ecs().createCluster(Estate.CLUSTER);
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder(Estate.SERVICE)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(LaunchType.FARGATE)
                .cpu(256)
                .memory(512)
                .container(
                    ContainerDefinition.builder("app", "public.ecr.aws/nginx/nginx:latest")
                        .essential(true)
                        .build())
                .build());
    twin.ecs()
        .createService(
            ServiceSpec.builder(Estate.CLUSTER, Estate.SERVICE, Estate.SERVICE)
                .desiredCount(Estate.TASKS)
                .launchType(LaunchType.FARGATE)
                .build());
    return twin;
  }

  static void readBack(CloudTwin twin) {
    check("zones", twin.ec2().zones().size(), Estate.ZONES.size());
    AutoScalingGroup g = twin.autoScaling().group(Estate.GROUP);
    check("group instances", g.instances(LifecycleState.IN_SERVICE).size(), Estate.DESIRED);
    long running =
        g.instances().stream()
            .filter(i -> twin.ec2().instance(i.instanceId()).state() == InstanceState.RUNNING)
            .count();
    check("running instances", running, Estate.DESIRED);
    check(
        "load balancers",
        List.of(twin.loadBalancing().loadBalancer(Estate.LOAD_BALANCER)).size(),
        1);
    check(
        "targets", twin.loadBalancing().targetHealths(Estate.TARGET_GROUP).size(), Estate.DESIRED);
    check(
        "policies",
        List.of(
                twin.autoScaling().policy(Estate.GROUP, Estate.SCALE_OUT),
                twin.autoScaling().policy(Estate.GROUP, Estate.SCALE_IN))
            .size(),
        2);
    check("clusters", List.of(twin.ecs().cluster(Estate.CLUSTER)).size(), 1);
    check(
        "service desiredCount",
        twin.ecs().service(Estate.CLUSTER, Estate.SERVICE).desiredCount(),
        Estate.TASKS);
    check(
        "alarms",
        List.of(
                twin.cloudWatch().alarm(Estate.ALARM_HIGH),
                twin.cloudWatch().alarm(Estate.ALARM_LOW))
            .size(),
        2);
  }

  private static void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          "CloudTwin read-back: " + what + " = " + actual + ", expected " + expected);
    }
  }

  static Map<String, Integer> inServiceByZone(CloudTwin twin) {
    Map<String, Integer> byZone = new TreeMap<>();
    for (String z : Estate.ZONES) byZone.put(z, 0);
    for (AutoScalingInstance i :
        twin.autoScaling().group(Estate.GROUP).instances(LifecycleState.IN_SERVICE)) {
      byZone.merge(i.availabilityZone(), 1, Integer::sum);
    }
    return byZone;
  }

  // ------------------------------------------------------------------ behaviour probes

  /** Q1: are the 6 instances spread over the three zones? */
  static Answer spread(long seed) {
    try (CloudTwin twin = createAndReadBack(seed)) {
      Map<String, Integer> byZone = inServiceByZone(twin);
      boolean balanced =
          byZone.values().stream().allMatch(n -> n == Estate.DESIRED / Estate.ZONES.size());
      return new Answer(balanced ? "yes" : "no", "InService per zone " + Estate.perZone(byZone));
    }
  }

  /**
   * The seed scenario's outcome: when the alarm went to ALARM and when the group reached 8
   * InService.
   */
  record Verdict(
      Duration alarmAt,
      Duration desiredAt,
      Duration inServiceAt,
      int desiredBefore,
      int desiredAfter,
      String alarmState) {}

  /**
   * Q2 and the time to verdict, the seed's scenario: the group's average CPU is 20 % for 10
   * minutes, then 95 %; advances until 8 instances are InService (or 30 virtual minutes after the
   * breach began). Times are measured from the first breaching minute.
   */
  static Verdict breach(long seed) {
    try (CloudTwin twin = createAndReadBack(seed)) {
      return breach(twin);
    }
  }

  static final Duration BASELINE = Duration.ofMinutes(10);

  static Verdict breach(CloudTwin twin) {
    Duration start = twin.elapsed();
    Duration breach = start.plus(BASELINE);
    AutoScalingGroup g = twin.autoScaling().group(Estate.GROUP);
    int before = g.desiredCapacity();
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup(Estate.GROUP)
                .between(start, breach)
                .constant(20));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup(Estate.GROUP)
                .between(breach, breach.plusMinutes(60))
                .constant(95));
    MetricAlarm alarm = twin.cloudWatch().alarm(Estate.ALARM_HIGH);
    twin.advance(BASELINE);
    if (alarm.state() == AlarmState.ALARM || g.desiredCapacity() != before) {
      throw new IllegalStateException(
          "CloudTwin: the alarm fired during the 20 % baseline: " + alarm.state());
    }
    Duration limit = Duration.ofMinutes(30);
    Duration alarmAt =
        twin.advanceUntil(() -> alarm.state() == AlarmState.ALARM, limit)
            ? twin.elapsed().minus(breach)
            : null;
    Duration desiredAt =
        twin.advanceUntil(() -> g.desiredCapacity() >= before + Estate.SCALE_OUT_STEP, limit)
            ? twin.elapsed().minus(breach)
            : null;
    Duration inServiceAt =
        twin.advanceUntil(
                () ->
                    g.instances(LifecycleState.IN_SERVICE).size() >= before + Estate.SCALE_OUT_STEP,
                limit)
            ? twin.elapsed().minus(breach)
            : null;
    return new Verdict(
        alarmAt, desiredAt, inServiceAt, before, g.desiredCapacity(), alarm.state().name());
  }

  static Answer alarmRunsPolicy(Verdict v) {
    boolean yes =
        "ALARM".equals(v.alarmState())
            && v.desiredAfter() == v.desiredBefore() + Estate.SCALE_OUT_STEP;
    return new Answer(
        yes ? "yes" : "no",
        "alarm "
            + v.alarmState()
            + (v.alarmAt() == null ? "" : " at +" + Compare.clock(v.alarmAt()))
            + " (virtual, after the breach began), desired "
            + v.desiredBefore()
            + " → "
            + v.desiredAfter()
            + (v.desiredAt() == null ? "" : " at +" + Compare.clock(v.desiredAt())));
  }

  /** Q5: us-east-1a fails; is the group's capacity rebuilt in b and c? */
  static Answer zoneOutage(long seed) {
    try (CloudTwin twin = createAndReadBack(seed)) {
      String lost = Estate.ZONES.get(0);
      Duration start = twin.elapsed();
      twin.faults().failZone(lost);
      boolean rebuilt =
          twin.advanceUntil(
              () -> {
                Map<String, Integer> z = inServiceByZone(twin);
                return z.get(lost) == 0
                    && z.values().stream().mapToInt(Integer::intValue).sum() >= Estate.DESIRED;
              },
              Duration.ofMinutes(30));
      Duration took = twin.elapsed().minus(start);
      Map<String, Integer> byZone = inServiceByZone(twin);
      return new Answer(
          rebuilt ? "yes" : "no",
          "failZone("
              + lost
              + "); "
              + (rebuilt ? "after +" + Compare.clock(took) + " (virtual) " : "after 30 min ")
              + "InService per zone "
              + Estate.perZone(byZone));
    }
  }

  /**
   * Q3: an instance of the group is terminated through Auto Scaling (desired kept): is it
   * deregistered?
   */
  static Answer terminatedDeregistered(long seed) {
    try (CloudTwin twin = createAndReadBack(seed)) {
      String victim =
          twin.autoScaling()
              .group(Estate.GROUP)
              .instances(LifecycleState.IN_SERVICE)
              .get(0)
              .instanceId();
      Duration start = twin.elapsed();
      twin.autoScaling().terminateInstanceInAutoScalingGroup(victim, false);
      TargetHealthState first = state(twin, victim);
      boolean gone =
          twin.advanceUntil(
              () -> !twin.loadBalancing().targetHealths(Estate.TARGET_GROUP).containsKey(victim),
              Duration.ofMinutes(15));
      Duration took = twin.elapsed().minus(start);
      twin.advance(Duration.ofMinutes(1));
      String victimState = twin.ec2().instance(victim).state().toString();
      int targets = twin.loadBalancing().targetHealths(Estate.TARGET_GROUP).size();
      return new Answer(
          gone ? "yes" : "no",
          "target "
              + first.toString()
              + " at once, "
              + (gone
                  ? "no longer registered at +" + Compare.clock(took) + " (virtual)"
                  : "still registered after 15 min")
              + "; instance then "
              + victimState
              + "; "
              + targets
              + " targets registered");
    }
  }

  private static TargetHealthState state(CloudTwin twin, String target) {
    TargetHealth h = twin.loadBalancing().targetHealths(Estate.TARGET_GROUP).get(target);
    return h == null ? TargetHealthState.UNUSED : h.state();
  }

  /** Q4: does the ECS service reach 12 running tasks? */
  static Answer serviceRunning(long seed) {
    try (CloudTwin twin = create(seed)) {
      EcsService service = twin.ecs().service(Estate.CLUSTER, Estate.SERVICE);
      boolean yes =
          twin.advanceUntil(() -> service.runningCount() == Estate.TASKS, Duration.ofMinutes(10));
      Duration took = twin.elapsed();
      Map<String, Integer> byZone = new TreeMap<>();
      for (String z : Estate.ZONES) byZone.put(z, 0);
      for (Task t : service.tasks(TaskStatus.RUNNING))
        byZone.merge(t.availabilityZone(), 1, Integer::sum);
      return new Answer(
          yes ? "yes" : "no",
          "runningCount "
              + service.runningCount()
              + ", pendingCount "
              + service.pendingCount()
              + (yes ? " at +" + Compare.clock(took) + " (virtual)" : " after 10 min")
              + "; tasks per zone "
              + Estate.perZone(byZone));
    }
  }
}

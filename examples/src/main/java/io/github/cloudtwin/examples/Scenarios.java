package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scenarios the runner knows; each returns its twin, advanced to the end of the story. */
final class Scenarios {

  private Scenarios() {}

  /**
   * The seed's closed loop (Figure 1): three m5.large instances behind an Application Load
   * Balancer; traffic triples at minute 10; per-instance CPU rises; the alarm "average CPU above 80
   * % for two consecutive 5-minute periods" runs the policy "add two instances"; the new instances
   * pass their health checks, become targets, per-target load falls and so does CPU.
   */
  static CloudTwin seed(PrintStream out, long seed) {
    CloudTwin twin = CloudTwin.builder().seed(seed).build();
    String[] zones = twin.config().zoneNames().toArray(String[]::new);
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(3)
                .maxSize(10)
                .desiredCapacity(3)
                .availabilityZones(zones)
                .targetGroupNames("web-tg")
                .build());
    ScalingPolicy addTwo =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("add-two")
                    .autoScalingGroupName("web")
                    .adjustmentType(AdjustmentType.ChangeInCapacity)
                    .scalingAdjustment(2)
                    .build());
    MetricAlarm alarm = twin.cloudWatch().putMetricAlarm(seedAlarm(addTwo.asAlarmAction()));
    // 10 ms of CPU per request on 2 vCPUs: 100 rps per instance is 50 % CPU
    twin.traffic().apply("web", Workload.step(300).then(ofMinutes(10), 900).build());
    AutoScalingGroup group = twin.autoScaling().group("web");
    for (int minute = 10; minute <= 60; minute += 10) {
      twin.advance(ofMinutes(10));
      out.printf(
          "+%02d min: alarm %-17s desired %d, in service %d %s%n",
          minute,
          alarm.state(),
          group.desiredCapacity(),
          group.inServiceCount(),
          group.inServiceCountByZone());
    }
    // one line per activity with its instance, its cause printed once for the activities it
    // explains
    java.util.Map<String, java.util.List<String>> byCause = new java.util.LinkedHashMap<>();
    for (var activity : group.activities()) {
      byCause
          .computeIfAbsent(activity.cause(), c -> new java.util.ArrayList<>())
          .add(activity.description() + " (" + activity.statusCode() + ")");
    }
    byCause.forEach(
        (cause, activities) -> {
          out.println("cause: " + cause);
          for (String a : activities) out.println("  activity: " + a);
        });
    return twin;
  }

  /**
   * The foundation's story without Auto Scaling: three instances report CPU 90 % from minute 2 to
   * minute 12; the alarm "average CPU above 80 % for two 5-minute periods" fires at minute 12.
   */
  static CloudTwin alarmOnly(PrintStream out, long seed) {
    CloudTwin twin = CloudTwin.builder().seed(seed).build();
    for (String zone : twin.config().zoneNames()) {
      twin.ec2()
          .runInstance(
              InstanceSpec.builder()
                  .instanceType("m5.large")
                  .availabilityZone(zone)
                  .detailedMonitoring(true)
                  .autoScalingGroupName("web")
                  .build());
    }
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(ofMinutes(2), ofMinutes(12))
                .constant(90));
    MetricAlarm alarm =
        twin.cloudWatch()
            .putMetricAlarm(
                seedAlarm(
                    AlarmAction.scaling(
                        "scale-out",
                        c ->
                            out.println(
                                "action scale-out invoked at "
                                    + c.time()
                                    + (c.reinvocation() ? " (re-invoked)" : "")))));
    twin.advance(ofMinutes(20));
    out.println("alarm cpu-high is " + alarm.state() + ": " + alarm.stateReason());
    return twin;
  }

  /**
   * Story 2, losing a zone: six m5.large instances over three zones behind an ALB, 600 requests/s.
   * us-east-1a fails from minute 5 to minute 35: the balancer stops routing there, the group (ELB
   * health checks) replaces the lost instances in b and c, and when a returns AZRebalance restores
   * 2/2/2.
   */
  static CloudTwin zoneOutage(PrintStream out, long seed) {
    CloudTwin twin = CloudTwin.builder().seed(seed).build();
    String[] zones = twin.config().zoneNames().toArray(String[]::new);
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    AutoScalingGroup group =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .instanceType("m5.large")
                    .minSize(6)
                    .maxSize(6)
                    .desiredCapacity(6)
                    .availabilityZones(zones)
                    .targetGroupNames("web-tg")
                    .healthCheckType(HealthCheckType.ELB)
                    .build());
    twin.traffic().apply("web", Workload.constant(600));
    twin.faults().zoneOutage(zones[0], ofMinutes(5), ofMinutes(30));
    for (int minute = 5; minute <= 60; minute += 5) {
      twin.advance(ofMinutes(5));
      Map<String, Long> served = new TreeMap<>();
      for (AutoScalingInstance i : group.instances()) {
        served.merge(
            i.availabilityZone(), Math.round(twin.traffic().servedRate(i.instanceId())), Long::sum);
      }
      out.printf(
          "+%02d min: %s %-9s in service %d %s, requests/s served by zone %s%n",
          minute,
          zones[0],
          twin.ec2().zoneState(zones[0]),
          group.inServiceCount(),
          group.inServiceCountByZone(),
          served);
    }
    return twin;
  }

  /**
   * Story 3, the flapping policy: a high alarm at 60 % and a low alarm at 55 % with simple policies
   * of plus and minus one and a 60 s cooldown, under 500 requests/s (62.5 % CPU on four m5.large,
   * 50 % on five). The group adds and removes an instance all hour.
   */
  static CloudTwin flappingPolicy(PrintStream out, long seed) {
    CloudTwin twin = CloudTwin.builder().seed(seed).build();
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application("web")
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
    twin.loadBalancing()
        .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    AutoScalingGroup group =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("web")
                    .instanceType("m5.large")
                    .minSize(2)
                    .maxSize(10)
                    .desiredCapacity(4)
                    .availabilityZones("us-east-1a", "us-east-1b")
                    .targetGroupNames("web-tg")
                    .detailedMonitoring(true)
                    .defaultCooldown(Duration.ofSeconds(60))
                    .build());
    twin.traffic().apply("web", Workload.constant(500));
    MetricId cpu = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    ScalingPolicy up =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("up")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .build());
    ScalingPolicy down =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("down")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(-1)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(cpu)
                .period(Duration.ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(60)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(up.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-low")
                .metric(cpu)
                .period(Duration.ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(55)
                .comparisonOperator(ComparisonOperator.LessThanThreshold)
                .alarmActions(down.asAlarmAction())
                .build());
    StringBuilder desired = new StringBuilder();
    for (int minute = 1; minute <= 60; minute++) {
      twin.advance(ofMinutes(1));
      desired.append(group.desiredCapacity());
    }
    long changes =
        group.activities().stream().filter(a -> a.cause().contains("triggered policy")).count();
    out.println("desired capacity minute by minute: " + desired);
    out.println("policy-driven capacity changes in an hour: " + changes);
    return twin;
  }

  /**
   * Story 14, two layers of scaling: service auto scaling (CPU target 50 %) changes the tasks of
   * service api, ECS managed scaling changes the m5.large instances under them. Evening load from
   * minute 5, night from minute 35: tasks scale in first, instances 15 minutes later.
   */
  static CloudTwin ecsTwoLayers(PrintStream out, long seed) {
    CloudTwin twin = CloudTwin.builder().seed(seed).build();
    AutoScalingGroup hosts =
        twin.autoScaling()
            .createAutoScalingGroup(
                AutoScalingGroupSpec.builder()
                    .autoScalingGroupName("ecs-hosts")
                    .instanceType("m5.large")
                    .minSize(1)
                    .maxSize(10)
                    .desiredCapacity(2)
                    .availabilityZones("us-east-1a", "us-east-1b")
                    .newInstancesProtectedFromScaleIn(true)
                    .build());
    Ecs ecs = twin.ecs();
    ecs.createCluster("prod");
    ecs.createCapacityProvider(
        CapacityProviderSpec.of("hosts", "ecs-hosts").withManagedTerminationProtection(true));
    ecs.putClusterCapacityProviders(
        "prod", List.of("hosts"), List.of(CapacityProviderStrategyItem.of("hosts", 1)));
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("api")
            .cpu(1024)
            .memory(1024)
            .container(ContainerDefinition.builder("app", "api:3").portMapping(8080).build())
            .build());
    EcsService api =
        ecs.createService(ServiceSpec.builder("prod", "api", "api").desiredCount(4).build());
    twin.applicationAutoScaling()
        .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "api", 2, 16));
    twin.applicationAutoScaling()
        .putScalingPolicy(
            TargetTrackingPolicySpec.predefined(
                "cpu50",
                "service/prod/api",
                PredefinedMetricType.ECSServiceAverageCPUUtilization,
                50));
    for (int minute = 5; minute <= 90; minute += 5) {
      twin.advance(ofMinutes(5));
      if (minute == 5) {
        ecs.inProcessRuntime().setRequestRate("prod", "api", 4 * 1024 * 0.8);
      } else if (minute == 35) {
        ecs.inProcessRuntime().setRequestRate("prod", "api", 100);
      }
      out.printf(
          "+%02d min: tasks desired %2d running %2d, instances desired %d in service %d%n",
          minute,
          api.desiredCount(),
          api.runningCount(),
          hosts.desiredCapacity(),
          hosts.inServiceCount());
    }
    return twin;
  }

  /** The seed's alarm: average group CPU above 80 % for two consecutive 5-minute periods. */
  private static MetricAlarmSpec seedAlarm(AlarmAction action) {
    return MetricAlarmSpec.builder()
        .alarmName("cpu-high")
        .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
        .period(Duration.ofMinutes(5))
        .evaluationPeriods(2)
        .threshold(80)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
        .alarmActions(action)
        .build();
  }
}

package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.StepAdjustment;
import io.github.cloudtwin.appautoscaling.StepScalingPolicySpec;
import io.github.cloudtwin.autoscaling.AdjustmentType;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.ScalingProcess;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.autoscaling.StepScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.cloudwatch.StatisticValues;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.PlacementConstraint;
import io.github.cloudtwin.ecs.PlacementStrategy;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancerType;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.elb.RuleAction;
import io.github.cloudtwin.elb.RuleCondition;
import io.github.cloudtwin.elb.TargetDescription;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.realtime.RealTimeDriver;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid configurations and commands across every service, each against a twin with a running
 * group behind a load balancer, alarms and policies: each is a ValidationException naming the
 * field, with the expected words, and the twin's views are identical before and after. Together
 * with ValidationCatalogueTest, autoscaling.ValidationTest and elb.ValidationTest this is the
 * catalogue of issue 7 (counted in docs/reliability.md).
 */
class HostileInputCatalogueTest {

  static final String A = "us-east-1a";
  static final String B = "us-east-1b";

  /** A duration no AWS field accepts: its milliseconds overflow a long. */
  static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE);

  static final MetricId CPU =
      MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");

  /**
   * A twin with group "web" (1..4, desired 2) behind ALB "web" / target group "tg", a policy and an
   * alarm.
   */
  static CloudTwin world() {
    CloudTwin t = CloudTwin.builder().seed(3).build();
    t.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(A, B).build());
    t.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    t.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    t.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(1)
                .maxSize(4)
                .desiredCapacity(2)
                .availabilityZones(A, B)
                .detailedMonitoring(true)
                .targetGroupNames("tg")
                .build());
    var out =
        t.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("out")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .build());
    t.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(CPU)
                .threshold(70)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    t.ecs().createCluster("prod");
    t.ecs().createCluster("other");
    t.ecs().registerTaskDefinition(EcsOperationsProperties.taskDef(256));
    t.ecs()
        .createService(
            ServiceSpec.builder("prod", "api", "web")
                .launchType(LaunchType.FARGATE)
                .desiredCount(1)
                .build());
    t.applicationAutoScaling()
        .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "api", 1, 4));
    t.advance(Duration.ofMinutes(3));
    t.autoScaling()
        .putLifecycleHook(LifecycleHookSpec.of("hook", "web", LifecycleTransition.LAUNCHING));
    return t;
  }

  static String prodTask(CloudTwin t) {
    return t.ecs().service("prod", "api").tasks().get(0).taskId();
  }

  static String firstInstance(CloudTwin t) {
    return t.autoScaling().group("web").instances().get(0).instanceId();
  }

  static MetricAlarmSpec.Builder alarm() {
    return MetricAlarmSpec.builder()
        .alarmName("x")
        .metric(CPU)
        .threshold(1)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold);
  }

  static AutoScalingGroupSpec.Builder group() {
    return AutoScalingGroupSpec.builder()
        .autoScalingGroupName("g2")
        .minSize(0)
        .maxSize(2)
        .availabilityZones(A);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // ---- CloudWatch
        c(
            "putMetricData infinite",
            t -> t.cloudWatch().putMetricData(MetricId.of("A", "B"), Double.POSITIVE_INFINITY),
            "MetricData.Value",
            "finite"),
        c(
            "putMetricData null metric",
            t -> t.cloudWatch().putMetricData(null, 1),
            "MetricData.MetricName",
            "required"),
        c(
            "datapoint three hours ahead",
            t ->
                t.cloudWatch()
                    .putMetricData(
                        MetricId.of("A", "B"),
                        t.now().plus(Duration.ofHours(3)),
                        1,
                        io.github.cloudtwin.cloudwatch.StandardUnit.COUNT),
            "MetricData.Timestamp",
            "2 hours"),
        c(
            "statistics with end before start",
            t ->
                t.cloudWatch()
                    .getMetricStatistics(
                        CPU,
                        t.now(),
                        t.now().minusSeconds(60),
                        Duration.ofMinutes(1),
                        Statistic.AVERAGE),
            "EndTime",
            "after StartTime"),
        c(
            "statistics with zero period",
            t ->
                t.cloudWatch()
                    .getMetricStatistics(
                        CPU, t.now().minusSeconds(60), t.now(), Duration.ZERO, Statistic.AVERAGE),
            "Period",
            "positive"),
        c(
            "statistics with null statistic",
            t ->
                t.cloudWatch()
                    .getMetricStatistics(
                        CPU, t.now().minusSeconds(60), t.now(), Duration.ofMinutes(1), null),
            "Statistic",
            "required"),
        c(
            "percentile p-1",
            t -> Statistic.percentile(-1),
            "extendedStatistic",
            "between 0 and 100"),
        c(
            "setAlarmState of an unknown alarm",
            t -> t.cloudWatch().setAlarmState("nope", AlarmState.ALARM, "r"),
            "AlarmName",
            "existing alarm"),
        c(
            "setAlarmState to null",
            t -> t.cloudWatch().setAlarmState("cpu-high", null, "r"),
            "StateValue",
            "required"),
        c(
            "alarm period 0",
            t -> alarm().period(Duration.ZERO).build(),
            "Period",
            "multiple of 60 seconds"),
        c(
            "alarm period negative",
            t -> alarm().period(Duration.ofSeconds(-60)).build(),
            "Period",
            "multiple of 60 seconds"),
        c(
            "alarm period 61 s",
            t -> alarm().period(Duration.ofSeconds(61)).build(),
            "Period",
            "multiple of 60 seconds"),
        c(
            "alarm period of a second and a half",
            t -> alarm().period(Duration.ofMillis(60_500)).build(),
            "Period",
            "multiple of 60 seconds"),
        c(
            "hourly alarm over eight days",
            t -> alarm().period(Duration.ofHours(1)).evaluationPeriods(193).build(),
            "EvaluationPeriods",
            "604800"),
        c(
            "alarm threshold infinite",
            t -> alarm().threshold(Double.NEGATIVE_INFINITY).build(),
            "Threshold",
            "finite"),
        c(
            "alarm evaluation range below N",
            t -> alarm().evaluationPeriods(3).evaluationRange(2).build(),
            "evaluationRange",
            "at least EvaluationPeriods (3)"),
        c("alarm null statistic", t -> alarm().statistic(null).build(), "Statistic", "required"),
        c(
            "alarm null treatMissingData",
            t -> alarm().treatMissingData(null).build(),
            "TreatMissingData",
            "required"),
        c(
            "alarm null action",
            t -> alarm().alarmActions((io.github.cloudtwin.cloudwatch.AlarmAction) null).build(),
            "AlarmActions",
            "required"),
        c(
            "injection for an unknown metric name",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric(" ")
                            .forGroup("web")
                            .from(Duration.ZERO)
                            .constant(1)),
            "metricName",
            "non-blank"),
        c(
            "injection of NaN",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forGroup("web")
                            .from(t.elapsed())
                            .constant(Double.NaN)),
            "value",
            "finite"),
        c(
            "injection window reversed",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forGroup("web")
                            .between(Duration.ofMinutes(9), Duration.ofMinutes(5))
                            .constant(1)),
            "to",
            "after"),
        c(
            "injection of an empty series",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forGroup("web")
                            .from(t.elapsed())
                            .series()),
            "values",
            "at least one"),
        c(
            "injection without a target",
            t ->
                t.cloudWatch()
                    .inject(MetricInjection.metric("CPUUtilization").from(t.elapsed()).constant(1)),
            "target",
            "forInstance"),
        // ---- EC2 and faults
        c(
            "terminate an unknown instance",
            t -> t.ec2().terminateInstance("i-0123456789abcdef0"),
            "instanceId",
            "InvalidInstanceID.NotFound"),
        c(
            "stop an unknown instance",
            t -> t.ec2().stopInstance("i-0123456789abcdef0"),
            "instanceId",
            "InvalidInstanceID.NotFound"),
        c("crash a null instance", t -> t.faults().crashInstance(null), "instanceId", "non-blank"),
        c(
            "recover an unknown instance",
            t -> t.faults().recoverInstance("i-0123456789abcdef0"),
            "instanceId",
            "InvalidInstanceID.NotFound"),
        c(
            "fail an unknown zone",
            t -> t.faults().failZone("us-east-1q"),
            "availabilityZone",
            "one of the twin's zones"),
        c(
            "restore a null zone",
            t -> t.faults().restoreZone(null),
            "availabilityZone",
            "non-blank"),
        c(
            "zone outage of negative length",
            t -> t.faults().zoneOutage(A, Duration.ofMinutes(1), Duration.ofMinutes(-1)),
            "duration",
            "positive"),
        c(
            "instance with a null zone",
            t -> t.ec2().runInstance(InstanceSpec.builder().availabilityZone(null).build()),
            "availabilityZone",
            "non-blank"),
        c(
            "instance with NaN idle CPU",
            t -> InstanceSpec.builder().availabilityZone(A).idleCpuUtilization(Double.NaN).build(),
            "idleCpuUtilization",
            "between 0.0 and 100.0"),
        c(
            "instance with a blank tag key",
            t -> InstanceSpec.builder().availabilityZone(A).tag(" ", "v").build(),
            "tag key",
            "non-blank"),
        c("advance by null", t -> t.advance(null), "duration", "required"),
        c(
            "advanceUntil with a null condition",
            t -> t.advanceUntil(null, Duration.ofMinutes(1)),
            "condition",
            "required"),
        c(
            "advanceUntil with a negative limit",
            t -> t.advanceUntil(() -> true, Duration.ofMinutes(-1)),
            "limit",
            "zero or positive"),
        c(
            "twin seed builder region null",
            t -> CloudTwin.builder().region(null).build(),
            "region",
            "non-blank"),
        // ---- Auto Scaling
        c(
            "group with a duplicate name",
            t ->
                t.autoScaling().createAutoScalingGroup(group().autoScalingGroupName("web").build()),
            "AutoScalingGroupName",
            "AlreadyExists"),
        c(
            "group in an unknown zone",
            t ->
                t.autoScaling()
                    .createAutoScalingGroup(group().availabilityZones("us-east-1q").build()),
            "availabilityZone",
            "us-east-1q"),
        c(
            "group without zones",
            t -> t.autoScaling().createAutoScalingGroup(group().availabilityZones().build()),
            "AvailabilityZones",
            "at least one"),
        c(
            "group with an unknown instance type",
            t -> t.autoScaling().createAutoScalingGroup(group().instanceType("x9.mega").build()),
            "instanceType",
            "catalogue"),
        c(
            "group with an unknown target group",
            t -> t.autoScaling().createAutoScalingGroup(group().targetGroupNames("nope").build()),
            "TargetGroupARNs",
            "nope"),
        c(
            "group with a negative grace period",
            t -> group().healthCheckGracePeriod(Duration.ofSeconds(-1)).build(),
            "HealthCheckGracePeriod",
            "zero or positive"),
        c(
            "group with a null name",
            t -> group().autoScalingGroupName(null).build(),
            "AutoScalingGroupName",
            "non-blank"),
        c(
            "update an unknown group",
            t -> t.autoScaling().updateAutoScalingGroup("nope", 1, 2, 1),
            "AutoScalingGroupName",
            "nope"),
        c(
            "update with a negative max",
            t -> t.autoScaling().updateAutoScalingGroup("web", null, -1, null),
            "MaxSize",
            "-1"),
        c(
            "SetDesiredCapacity of an unknown group",
            t -> t.autoScaling().setDesiredCapacity("nope", 1, false),
            "AutoScalingGroupName",
            "nope"),
        c(
            "SetDesiredCapacity negative",
            t -> t.autoScaling().setDesiredCapacity("web", -1, false),
            "DesiredCapacity",
            "-1"),
        c(
            "policy for an unknown group",
            t ->
                t.autoScaling()
                    .putScalingPolicy(
                        SimpleScalingPolicy.builder()
                            .policyName("p")
                            .autoScalingGroupName("nope")
                            .scalingAdjustment(1)
                            .build()),
            "AutoScalingGroupName",
            "nope"),
        c(
            "simple policy with a negative cooldown",
            t ->
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .cooldown(Duration.ofSeconds(-1))
                    .build(),
            "Cooldown",
            "zero or positive"),
        c(
            "exact capacity negative",
            t ->
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .adjustmentType(AdjustmentType.ExactCapacity)
                    .scalingAdjustment(-1)
                    .build(),
            "ScalingAdjustment",
            "-1"),
        c(
            "min magnitude without percent",
            t ->
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .minAdjustmentMagnitude(2)
                    .build(),
            "MinAdjustmentMagnitude",
            "PercentChangeInCapacity"),
        c(
            "step policy without steps",
            t -> StepScalingPolicy.builder().policyName("p").autoScalingGroupName("web").build(),
            "StepAdjustments",
            "at least one"),
        c(
            "step policy with overlapping steps",
            t ->
                StepScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .step(0.0, 20.0, 1)
                    .step(10.0, null, 2)
                    .build(),
            "StepAdjustments",
            "overlap"),
        c(
            "step policy with a gap",
            t ->
                StepScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .step(0.0, 10.0, 1)
                    .step(20.0, null, 2)
                    .build(),
            "StepAdjustments",
            "gap"),
        c(
            "step with lower above upper",
            t ->
                StepScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .step(10.0, 5.0, 1)
                    .build(),
            "MetricIntervalUpperBound",
            "greater than MetricIntervalLowerBound 10.0"),
        c(
            "target tracking with neither metric",
            t ->
                TargetTrackingScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .targetValue(50)
                    .build(),
            "TargetTrackingConfiguration",
            "exactly one"),
        c(
            "target tracking with a bad resource label",
            t ->
                TargetTrackingScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .predefinedMetric(PredefinedMetricType.ALBRequestCountPerTarget, "tg")
                    .targetValue(50)
                    .build(),
            "ResourceLabel",
            "app/<load-balancer-name>"),
        c(
            "target tracking with a NaN target",
            t ->
                TargetTrackingScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                    .targetValue(Double.NaN)
                    .build(),
            "TargetValue",
            "NaN"),
        c(
            "execute an unknown policy",
            t -> t.autoScaling().executePolicy("web", "nope"),
            "PolicyName",
            "nope"),
        c(
            "delete an unknown policy",
            t -> t.autoScaling().deletePolicy("web", "nope"),
            "PolicyName",
            "nope"),
        c(
            "lifecycle hook for an unknown group",
            t ->
                t.autoScaling()
                    .putLifecycleHook(
                        LifecycleHookSpec.of("h", "nope", LifecycleTransition.LAUNCHING)),
            "AutoScalingGroupName",
            "nope"),
        c(
            "lifecycle hook with a null transition",
            t -> LifecycleHookSpec.of("h", "web", null),
            "LifecycleTransition",
            "required"),
        c(
            "complete an unknown lifecycle action",
            t ->
                t.autoScaling()
                    .completeLifecycleAction(
                        "web", "hook", firstInstance(t), LifecycleActionResult.CONTINUE),
            "LifecycleHookName",
            "No active Lifecycle Action"),
        c(
            "complete a lifecycle action of an unknown instance",
            t ->
                t.autoScaling()
                    .completeLifecycleAction(
                        "web", "hook", "i-0123456789abcdef0", LifecycleActionResult.CONTINUE),
            "InstanceId",
            "an instance of group web"),
        c(
            "protect an unknown instance",
            t -> t.autoScaling().setInstanceProtection("web", true, "i-0123456789abcdef0"),
            "InstanceId",
            "an instance of group web"),
        c(
            "protect a known and an unknown instance",
            t ->
                t.autoScaling()
                    .setInstanceProtection("web", true, firstInstance(t), "i-0123456789abcdef0"),
            "InstanceId",
            "an instance of group web"),
        c(
            "standby naming one instance twice",
            t -> {
              String id = firstInstance(t);
              t.autoScaling().enterStandby("web", true, id, id);
            },
            "InstanceIds",
            "each instance at most once"),
        c(
            "standby of an unknown instance",
            t -> t.autoScaling().enterStandby("web", false, "i-0123456789abcdef0"),
            "InstanceId",
            "an instance of group web"),
        c(
            "exit standby of an InService instance",
            t -> t.autoScaling().exitStandby("web", firstInstance(t)),
            "InstanceIds",
            "in Standby"),
        c(
            "terminate an instance of no group",
            t -> t.autoScaling().terminateInstanceInAutoScalingGroup("i-0123456789abcdef0", false),
            "InstanceId",
            "an instance of an Auto Scaling group"),
        c(
            "set health of an unknown instance",
            t ->
                t.autoScaling()
                    .setInstanceHealth(
                        "i-0123456789abcdef0",
                        io.github.cloudtwin.autoscaling.HealthStatus.UNHEALTHY,
                        false),
            "InstanceId",
            "an instance of an Auto Scaling group"),
        c(
            "suspend processes of an unknown group",
            t -> t.autoScaling().suspendProcesses("nope", ScalingProcess.Launch),
            "AutoScalingGroupName",
            "nope"),
        c(
            "scheduled action with a bad cron",
            t ->
                t.autoScaling()
                    .putScheduledUpdateGroupAction(
                        ScheduledActionSpec.recurring("s", "web", "61 * * * *", null, null, 2)),
            "Recurrence",
            "61"),
        c(
            "scheduled action with nothing to change",
            t ->
                ScheduledActionSpec.once(
                    "s", "web", Instant.parse("2026-01-01T01:00:00Z"), null, null, null),
            "DesiredCapacity",
            "at least one of MinSize, MaxSize and DesiredCapacity"),
        c(
            "scheduled action in the past",
            t ->
                t.autoScaling()
                    .putScheduledUpdateGroupAction(
                        ScheduledActionSpec.once(
                            "s", "web", Instant.parse("2025-01-01T00:00:00Z"), null, null, 2)),
            "StartTime",
            "past"),
        c(
            "delete an unknown scheduled action",
            t -> t.autoScaling().deleteScheduledAction("web", "nope"),
            "ScheduledActionName",
            "nope"),
        // ---- Load balancing and traffic
        c(
            "target group with a duplicate name",
            t -> t.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build()),
            "Name",
            "DuplicateTargetGroupName"),
        c(
            "target group with port 0",
            t -> TargetGroupSpec.builder("x").port(0).build(),
            "Port",
            "between 1 and 65535"),
        c(
            "target group with port 70000",
            t -> TargetGroupSpec.builder("x").port(70000).build(),
            "Port",
            "between 1 and 65535"),
        c(
            "health check path without slash",
            t -> HealthCheckSpec.builder().path("health").build(),
            "HealthCheckPath",
            "/"),
        c(
            "health check port 0",
            t -> HealthCheckSpec.builder().port(0).build(),
            "HealthCheckPort",
            "between 1 and 65535"),
        c(
            "matcher with letters",
            t ->
                t.loadBalancing()
                    .createTargetGroup(
                        TargetGroupSpec.builder("x")
                            .healthCheck(HealthCheckSpec.builder().matcher("ok").build())
                            .build()),
            "Matcher.HttpCode",
            "ok"),
        c(
            "listener for an unknown load balancer",
            t ->
                t.loadBalancing()
                    .createListener(ListenerSpec.builder("nope", 80).forwardTo("tg").build()),
            "LoadBalancerName",
            "nope"),
        c(
            "listener forwarding to an unknown target group",
            t ->
                t.loadBalancing()
                    .createListener(ListenerSpec.builder("web", 81).forwardTo("nope").build()),
            "TargetGroupName",
            "TargetGroupNotFound"),
        c(
            "listener port 0",
            t -> ListenerSpec.builder("web", 0).forwardTo("tg").build(),
            "Port",
            "between 1 and 65535"),
        c(
            "listener without an action",
            t -> ListenerSpec.builder("web", 81).build(),
            "DefaultActions",
            "required"),
        c(
            "rule priority 0",
            t ->
                ListenerSpec.builder("web", 81)
                    .forwardTo("tg")
                    .rule(0, RuleCondition.pathPattern("/a"), RuleAction.forward("tg"))
                    .build(),
            "Priority",
            "between 1 and 50000"),
        c(
            "fixed response 99",
            t -> RuleAction.fixedResponse(99, "text/plain", "x"),
            "FixedResponseConfig.StatusCode",
            "2XX, 4XX or 5XX"),
        c(
            "rule with a null pattern",
            t -> RuleCondition.pathPattern("/a", null),
            "Conditions.Values",
            "non-blank"),
        c(
            "load balancer with a null zone",
            t -> LoadBalancerSpec.application("x").availabilityZones(A, null).build(),
            "AvailabilityZones",
            "non-blank"),
        c(
            "twin with a null zone",
            t -> CloudTwin.builder().availabilityZones(A, null).build(),
            "availabilityZones",
            "non-blank"),
        c(
            "replay with a null rate",
            t -> Workload.replay(java.util.Arrays.asList(1.0, null), Duration.ofMinutes(1)),
            "requestsPerSecond",
            "required"),
        c(
            "zone outage beyond the representable time",
            t ->
                t.faults()
                    .zoneOutage(A, Duration.ofSeconds(Long.MAX_VALUE / 1000), Duration.ofHours(1)),
            "duration",
            "representable virtual time"),
        c(
            "suspend a null process",
            t -> t.autoScaling().suspendProcesses("web", ScalingProcess.Launch, null),
            "ScalingProcesses",
            "required"),
        c(
            "group with a null zone",
            t -> group().availabilityZones(A, null).build(),
            "AvailabilityZones",
            "non-blank"),
        c(
            "group with a null termination policy",
            t ->
                group()
                    .terminationPolicies((io.github.cloudtwin.autoscaling.TerminationPolicy) null)
                    .build(),
            "TerminationPolicies",
            "required"),
        c(
            "rule without patterns",
            t -> RuleCondition.pathPattern(),
            "Conditions.Values",
            "1 to 5 values"),
        c(
            "load balancer with a bad name",
            t -> LoadBalancerSpec.application("-bad-").availabilityZones(A, B).build(),
            "LoadBalancerName",
            "not beginning or ending with a hyphen"),
        c(
            "load balancer idle timeout 0",
            t ->
                LoadBalancerSpec.application("x")
                    .availabilityZones(A, B)
                    .idleTimeout(Duration.ZERO)
                    .build(),
            "idle_timeout.timeout_seconds",
            "between 1 and 4000"),
        c(
            "register into an unknown target group",
            t -> t.loadBalancing().registerTargets("nope", firstInstance(t)),
            "TargetGroupName",
            "nope"),
        c(
            "register an IP target into an instance group",
            t -> t.loadBalancing().registerTargets("tg", TargetDescription.ip("10.0.0.1", A)),
            "Targets.AvailabilityZone",
            "no zone for an instance target"),
        c(
            "register a null target list",
            t -> t.loadBalancing().registerTargets("tg", (String[]) null),
            "Targets",
            "required"),
        c(
            "send through an unknown load balancer",
            t -> t.loadBalancing().send("nope"),
            "LoadBalancerName",
            "nope"),
        c("send a null request", t -> t.loadBalancing().send("web", null), "request", "required"),
        c(
            "request with a path without slash",
            t -> Request.get("x"),
            "path",
            "a path starting with /"),
        c(
            "respond with status 42",
            t -> t.loadBalancing().target(firstInstance(t)).respondWith(42),
            "status",
            "42"),
        c(
            "negative default latency",
            t -> t.loadBalancing().setDefaultLatency(Duration.ofMillis(-1)),
            "latency",
            "zero or positive"),
        c("workload with a negative rate", t -> Workload.constant(-5), "requestsPerSecond", "-5"),
        c(
            "workload with an infinite rate",
            t -> Workload.constant(Double.POSITIVE_INFINITY),
            "requestsPerSecond",
            "Infinity"),
        c("ramp of zero duration", t -> Workload.ramp(1, 2, Duration.ZERO), "duration", "positive"),
        c(
            "traffic to an unknown load balancer",
            t -> t.traffic().apply("nope", Workload.constant(5)),
            "LoadBalancerName",
            "nope"),
        c(
            "HTTP listener for an unknown load balancer",
            t -> t.loadBalancing().startHttpListener("nope"),
            "LoadBalancerName",
            "nope"),
        c(
            "HTTP listener for an unknown listener port",
            t -> t.loadBalancing().startHttpListener("web", 9999),
            "listenerPort",
            "9999"),
        // ---- Real time
        c("real-time speed 0", t -> RealTimeDriver.start(t, 0), "speed", "greater than 0"),
        c(
            "real-time speed NaN",
            t -> RealTimeDriver.start(t, Double.NaN),
            "speed",
            "greater than 0"),
        c("real-time step 0", t -> RealTimeDriver.start(t, 1, Duration.ZERO), "step", "positive"),
        // ---- issue 13, (1) arithmetic that lies
        c(
            "advance by Long.MAX_VALUE seconds",
            t -> t.advance(Duration.ofSeconds(Long.MAX_VALUE)),
            "duration",
            "at or before 9999-12-31T23:59:59.999Z"),
        c(
            "advance past the end of year 9999",
            t -> t.advance(Duration.ofDays(3_000_000)),
            "duration",
            "at or before 9999-12-31T23:59:59.999Z"),
        c("advanceTo Instant.MAX", t -> t.advanceTo(Instant.MAX), "instant", "an instant between"),
        c(
            "advanceUntil with a limit of Long.MAX_VALUE seconds",
            t -> t.advanceUntil(() -> false, Duration.ofSeconds(Long.MAX_VALUE)),
            "limit",
            "at or before"),
        c(
            "real-time driver stepping 200,000 days",
            t -> RealTimeDriver.start(t, 1, Duration.ofDays(200_000)),
            "step",
            "at most PT24H"),
        c(
            "twin starting at Instant.MAX",
            t -> CloudTwin.builder().start(Instant.MAX).build(),
            "startInstant",
            "an instant between"),
        c(
            "statistic set with a sample count beyond CloudWatch's range",
            t -> new StatisticValues(1e300, 1, 1, 1),
            "StatisticValues.SampleCount",
            "too small or too large"),
        c(
            "injection from beyond the representable time",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forGroup("web")
                            .from(Duration.ofSeconds(Long.MAX_VALUE))
                            .constant(1)),
            "from",
            "at or before"),
        c(
            "scheduled action at Instant.MAX",
            t -> ScheduledActionSpec.once("s", "web", Instant.MAX, null, null, 2),
            "StartTime",
            "an instant between"),
        // ---- issue 13, (4) silently accepted
        c(
            "instance tagged aws:autoscaling:groupName by hand",
            t ->
                InstanceSpec.builder()
                    .availabilityZone(A)
                    .tag("aws:autoscaling:groupName", "web")
                    .build(),
            "tag key",
            "aws:"),
        c(
            "instance with a reserved AWS: tag in capitals",
            t -> InstanceSpec.builder().availabilityZone(A).tag("AWS:owner", "me").build(),
            "tag key",
            "reserves"),
        c(
            "injection for an unknown group",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forGroup("nope")
                            .from(t.elapsed())
                            .constant(1)),
            "groupName",
            "Auto Scaling group"),
        c(
            "injection for an unknown instance",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forInstance("i-0123456789abcdef0")
                            .from(t.elapsed())
                            .constant(1)),
            "instanceId",
            "an instance of this twin"),
        c(
            "injection for a window already past",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forGroup("web")
                            .between(Duration.ofMinutes(0), Duration.ofMinutes(1))
                            .constant(1)),
            "to",
            "has not ended"),
        c(
            "injection ending now",
            t ->
                t.cloudWatch()
                    .inject(
                        MetricInjection.metric("CPUUtilization")
                            .forGroup("web")
                            .between(Duration.ofMinutes(1), t.elapsed())
                            .constant(1)),
            "to",
            "has not ended"),
        c(
            "Application Auto Scaling step bound NaN",
            t -> StepAdjustment.of(Double.NaN, null, 1),
            "MetricIntervalLowerBound",
            "finite"),
        c(
            "Application Auto Scaling upper bound infinite",
            t -> StepAdjustment.of(0.0, Double.POSITIVE_INFINITY, 1),
            "MetricIntervalUpperBound",
            "finite"),
        c(
            "Application Auto Scaling last step with an upper bound",
            t ->
                StepScalingPolicySpec.of(
                    "p",
                    "service/prod/api",
                    io.github.cloudtwin.appautoscaling.AdjustmentType.ChangeInCapacity,
                    StepAdjustment.of(0.0, 10.0, 1)),
            "StepAdjustments",
            "null MetricIntervalUpperBound is required"),
        c(
            "Application Auto Scaling two open lower ends",
            t ->
                StepScalingPolicySpec.of(
                    "p",
                    "service/prod/api",
                    io.github.cloudtwin.appautoscaling.AdjustmentType.ChangeInCapacity,
                    StepAdjustment.of(null, -5.0, -1),
                    StepAdjustment.of(null, 0.0, -2),
                    StepAdjustment.of(0.0, null, 1)),
            "StepAdjustments",
            "at most one null MetricIntervalLowerBound"),
        c(
            "Application Auto Scaling ExactCapacity -3",
            t ->
                StepScalingPolicySpec.of(
                    "p",
                    "service/prod/api",
                    io.github.cloudtwin.appautoscaling.AdjustmentType.ExactCapacity,
                    StepAdjustment.of(0.0, null, -3)),
            "ScalingAdjustment",
            "0 or more for ExactCapacity"),
        c(
            "scheduled action with MinSize 5 above MaxSize 2",
            t ->
                ScheduledActionSpec.once(
                    "s", "web", Instant.parse("2026-01-01T01:00:00Z"), 5, 2, null),
            "MinSize",
            "at most MaxSize 2"),
        c(
            "scheduled action with desired above its MaxSize",
            t -> ScheduledActionSpec.recurring("s", "web", "0 9 * * *", null, 2, 3),
            "DesiredCapacity",
            "at most MaxSize 2"),
        c(
            "stopTask naming another cluster",
            t -> t.ecs().stopTask("other", prodTask(t), null),
            "task",
            "The referenced task was not found."),
        c(
            "TCP health check with a path",
            t ->
                HealthCheckSpec.builder()
                    .protocol(Protocol.TCP)
                    .path("/health")
                    .build()
                    .resolve(LoadBalancerType.NETWORK, Protocol.TCP),
            "HealthCheckPath",
            "only HTTP and HTTPS"),
        c(
            "target group with a TCP health check path",
            t ->
                t.loadBalancing()
                    .createTargetGroup(
                        TargetGroupSpec.builder("tcp")
                            .protocol(Protocol.TCP)
                            .healthCheck(
                                HealthCheckSpec.builder().protocol(Protocol.TCP).path("/").build())
                            .build()),
            "HealthCheckPath",
            "TCP health check"),
        c(
            "fractional idle timeout",
            t ->
                LoadBalancerSpec.application("x")
                    .availabilityZones(A, B)
                    .idleTimeout(Duration.ofMillis(1500))
                    .build(),
            "idle_timeout.timeout_seconds",
            "whole seconds"),
        c(
            "metric value 1e300",
            t -> t.cloudWatch().putMetricData(MetricId.of("A", "B"), 1e300),
            "MetricData.Value",
            "too small or too large"),
        c(
            "metric value -1e300",
            t -> t.cloudWatch().putMetricData(MetricId.of("A", "B"), -1e300),
            "MetricData.Value",
            "too small or too large"),
        c(
            "metric value 1e-200",
            t -> t.cloudWatch().putMetricData(MetricId.of("A", "B"), 1e-200),
            "MetricData.Value",
            "too small or too large"),
        c(
            "statistic set with a sum of 1e300",
            t -> new StatisticValues(2, 1e300, 1, 1),
            "StatisticValues.Sum",
            "too small or too large"),
        c(
            "repeated dimension name",
            t -> MetricId.of("A", "B", "Name", "x", "Name", "y"),
            "dimension name",
            "at most once"),
        // ---- issue 13, (5) NullPointerExceptions that are ValidationExceptions
        c(
            "metric id with a null dimension array",
            t -> MetricId.of("A", "B", (String[]) null),
            "dimensions",
            "required"),
        c(
            "container command with a null element",
            t -> ContainerDefinition.builder("app", "nginx").command("sh", null),
            "command",
            "element 2 of 2 is null"),
        c(
            "container command null",
            t -> ContainerDefinition.builder("app", "nginx").command((String[]) null),
            "command",
            "required"),
        c(
            "requiresCompatibilities(null)",
            t -> TaskDefinitionSpec.builder("web").requiresCompatibilities((LaunchType[]) null),
            "requiresCompatibilities",
            "required"),
        c(
            "requiresCompatibilities with a null element",
            t -> TaskDefinitionSpec.builder("web").requiresCompatibilities((LaunchType) null),
            "requiresCompatibilities",
            "required"),
        c(
            "placementStrategy(null)",
            t ->
                ServiceSpec.builder("prod", "s", "web")
                    .placementStrategy((PlacementStrategy[]) null),
            "placementStrategy",
            "required"),
        c(
            "placementStrategy with a null element",
            t ->
                ServiceSpec.builder("prod", "s", "web").placementStrategy((PlacementStrategy) null),
            "placementStrategy",
            "required"),
        c(
            "placementConstraints(null)",
            t ->
                ServiceSpec.builder("prod", "s", "web")
                    .placementConstraints((PlacementConstraint[]) null),
            "placementConstraints",
            "required"),
        c(
            "container health check command null",
            t -> io.github.cloudtwin.ecs.HealthCheck.of((String[]) null),
            "healthCheck.command",
            "required"),
        c(
            "Application Auto Scaling null step",
            t ->
                StepScalingPolicySpec.of(
                    "p",
                    "service/prod/api",
                    io.github.cloudtwin.appautoscaling.AdjustmentType.ChangeInCapacity,
                    (StepAdjustment) null),
            "StepAdjustments",
            "required"),
        c(
            "Application Auto Scaling null step list",
            t ->
                new StepScalingPolicySpec(
                    "p",
                    "service/prod/api",
                    io.github.cloudtwin.appautoscaling.AdjustmentType.ChangeInCapacity,
                    null,
                    0,
                    Duration.ofMinutes(5)),
            "StepAdjustments",
            "required"),
        c(
            "Application Auto Scaling step list with a null",
            t ->
                new StepScalingPolicySpec(
                    "p",
                    "service/prod/api",
                    io.github.cloudtwin.appautoscaling.AdjustmentType.ChangeInCapacity,
                    java.util.Arrays.asList(StepAdjustment.of(0.0, null, 1), null),
                    0,
                    Duration.ofMinutes(5)),
            "StepAdjustments",
            "required"),
        c(
            "request with a null header name",
            t -> new Request("GET", null, "/", nullKeyHeaders(), null, 0, 0, false),
            "header name",
            "non-blank"),
        c(
            "delete a null alarm name list",
            t -> t.cloudWatch().deleteAlarms((String[]) null),
            "AlarmNames",
            "required"),
        // ---- issue 13, builder durations bounded at the root (Require.seconds / Require.between)
        c(
            "simple policy cooldown of Long.MAX_VALUE seconds",
            t ->
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .cooldown(HUGE)
                    .build(),
            "Cooldown",
            "between 0 and 2147483647 seconds"),
        c(
            "simple policy cooldown of half a second",
            t ->
                SimpleScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(1)
                    .cooldown(Duration.ofMillis(500))
                    .build(),
            "Cooldown",
            "whole seconds"),
        c(
            "group DefaultCooldown of Long.MAX_VALUE seconds",
            t -> group().defaultCooldown(HUGE).build(),
            "DefaultCooldown",
            "between 0 and 2147483647 seconds"),
        c(
            "group DefaultCooldown one second above an Integer",
            t -> group().defaultCooldown(Duration.ofSeconds(Integer.MAX_VALUE + 1L)).build(),
            "DefaultCooldown",
            "between 0 and 2147483647 seconds"),
        c(
            "group DefaultInstanceWarmup of Long.MAX_VALUE seconds",
            t -> group().defaultInstanceWarmup(HUGE).build(),
            "DefaultInstanceWarmup",
            "between 0 and 2147483647 seconds"),
        c(
            "group HealthCheckGracePeriod of Long.MAX_VALUE seconds",
            t -> group().healthCheckGracePeriod(HUGE).build(),
            "HealthCheckGracePeriod",
            "between 0 and 2147483647 seconds"),
        c(
            "target tracking EstimatedInstanceWarmup of Long.MAX_VALUE seconds",
            t ->
                TargetTrackingScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                    .targetValue(50)
                    .estimatedInstanceWarmup(HUGE)
                    .build(),
            "EstimatedInstanceWarmup",
            "between 0 and 2147483647 seconds"),
        c(
            "step policy EstimatedInstanceWarmup of Long.MAX_VALUE seconds",
            t ->
                StepScalingPolicy.builder()
                    .policyName("p")
                    .autoScalingGroupName("web")
                    .step(0.0, null, 1)
                    .estimatedInstanceWarmup(HUGE)
                    .build(),
            "EstimatedInstanceWarmup",
            "between 0 and 2147483647 seconds"),
        c(
            "lifecycle hook HeartbeatTimeout of Long.MAX_VALUE seconds",
            t ->
                LifecycleHookSpec.of("h", "web", LifecycleTransition.LAUNCHING)
                    .withHeartbeatTimeout(HUGE),
            "HeartbeatTimeout",
            "between 30 and 7200 seconds"),
        c(
            "alarm Period of Long.MAX_VALUE seconds rounded to a minute",
            t ->
                alarm()
                    .period(Duration.ofSeconds(Long.MAX_VALUE / 60 * 60))
                    .evaluationPeriods(2)
                    .build(),
            "Period",
            "between 10 and 604800 seconds"),
        c(
            "alarm Period of 8 days",
            t -> alarm().period(Duration.ofDays(8)).build(),
            "Period",
            "between 10 and 604800 seconds"),
        c(
            "deregistration delay of Long.MAX_VALUE seconds",
            t -> TargetGroupSpec.builder("x").deregistrationDelay(HUGE).build(),
            "deregistration_delay.timeout_seconds",
            "between 0 and 3600 seconds"),
        c(
            "slow start of Long.MAX_VALUE seconds",
            t -> TargetGroupSpec.builder("x").slowStart(HUGE).build(),
            "slow_start.duration_seconds",
            "between 0 and 900 seconds"),
        c(
            "health check interval of Long.MAX_VALUE seconds",
            t -> HealthCheckSpec.builder().interval(HUGE).build(),
            "HealthCheckIntervalSeconds",
            "between 5 and 300 seconds"),
        c(
            "health check timeout of Long.MAX_VALUE seconds",
            t -> HealthCheckSpec.builder().timeout(HUGE).build(),
            "HealthCheckTimeoutSeconds",
            "between 2 and 120 seconds"),
        c(
            "idle timeout of Long.MAX_VALUE seconds",
            t ->
                LoadBalancerSpec.application("x").availabilityZones(A, B).idleTimeout(HUGE).build(),
            "idle_timeout.timeout_seconds",
            "between 1 and 4000 seconds"),
        c(
            "Classic connection draining of Long.MAX_VALUE seconds",
            t ->
                LoadBalancerSpec.classic("x")
                    .availabilityZones(A, B)
                    .connectionDraining(true, HUGE)
                    .build(),
            "ConnectionDraining.Timeout",
            "between 1 and 3600 seconds"),
        c(
            "ECS service health check grace of Long.MAX_VALUE seconds",
            t -> ServiceSpec.builder("prod", "s", "web").healthCheckGracePeriod(HUGE).build(),
            "healthCheckGracePeriodSeconds",
            "between 0 and 2147483647 seconds"),
        c(
            "ECS container health check interval of Long.MAX_VALUE seconds",
            t -> io.github.cloudtwin.ecs.HealthCheck.of("CMD", "true").withInterval(HUGE),
            "healthCheck.interval",
            "between 5 and 300 seconds"),
        c(
            "ECS stop timeout of Long.MAX_VALUE seconds",
            t ->
                TaskDefinitionSpec.builder("web")
                    .container(ContainerDefinition.builder("app", "nginx").build())
                    .stopTimeout(HUGE)
                    .build(),
            "stopTimeout",
            "between 2 and 120 seconds"),
        c(
            "ECS managed scaling instance warm-up of Long.MAX_VALUE seconds",
            t -> new io.github.cloudtwin.ecs.ManagedScaling(true, 100, 1, 10_000, HUGE),
            "managedScaling.instanceWarmupPeriod",
            "between 0 and 10000 seconds"),
        c(
            "Application Auto Scaling step cooldown of Long.MAX_VALUE seconds",
            t ->
                StepScalingPolicySpec.of(
                        "p",
                        "service/prod/api",
                        io.github.cloudtwin.appautoscaling.AdjustmentType.ChangeInCapacity,
                        StepAdjustment.of(0.0, null, 1))
                    .withCooldown(HUGE),
            "Cooldown",
            "between 0 and 2147483647 seconds"),
        c(
            "Application Auto Scaling ScaleOutCooldown of Long.MAX_VALUE seconds",
            t ->
                io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec.predefined(
                        "p",
                        "service/prod/api",
                        io.github.cloudtwin.appautoscaling.PredefinedMetricType
                            .ECSServiceAverageCPUUtilization,
                        50)
                    .withCooldowns(HUGE, Duration.ZERO),
            "ScaleOutCooldown",
            "between 0 and 2147483647 seconds"),
        c(
            "Application Auto Scaling ScaleInCooldown of Long.MAX_VALUE seconds",
            t ->
                io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec.predefined(
                        "p",
                        "service/prod/api",
                        io.github.cloudtwin.appautoscaling.PredefinedMetricType
                            .ECSServiceAverageCPUUtilization,
                        50)
                    .withCooldowns(Duration.ZERO, HUGE),
            "ScaleInCooldown",
            "between 0 and 2147483647 seconds"),
        c(
            "target latency of Long.MAX_VALUE seconds",
            t -> io.github.cloudtwin.elb.TargetBehavior.healthy(HUGE),
            "latency",
            "must be between"),
        c(
            "default latency of Long.MAX_VALUE seconds",
            t -> t.loadBalancing().setDefaultLatency(HUGE),
            "latency",
            "must be between"),
        c(
            "ECS task exit after Long.MAX_VALUE seconds",
            t -> io.github.cloudtwin.ecs.TaskBehavior.DEFAULT.withExit(HUGE, 1),
            "exitAfter",
            "must be between"),
        c(
            "workload ramp of Long.MAX_VALUE seconds",
            t -> Workload.ramp(1, 2, HUGE),
            "duration",
            "must be between"));
  }

  private static java.util.Map<String, String> nullKeyHeaders() {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    m.put(null, "x");
    return m;
  }

  private static Arguments c(String name, Consumer<CloudTwin> call, String field, String message) {
    return Arguments.of(name, call, field, message);
  }

  /** Every view a test can read, as text. */
  static String snapshot(CloudTwin t) {
    StringBuilder s = new StringBuilder();
    s.append(t.now()).append('\n');
    t.autoScaling()
        .groups()
        .forEach(
            g ->
                s.append(g)
                    .append(g.spec())
                    .append(g.instances())
                    .append(g.suspendedProcesses())
                    .append(g.activities())
                    .append('\n'));
    t.cloudWatch()
        .alarms()
        .forEach(
            a -> s.append(a).append(a.spec()).append(a.state()).append(a.history()).append('\n'));
    t.ec2().instances().forEach(i -> s.append(i).append(i.state()).append(i.tags()).append('\n'));
    t.ec2().zones().forEach(z -> s.append(z).append(t.ec2().zoneState(z.name())).append('\n'));
    t.loadBalancing().loadBalancers().forEach(lb -> s.append(lb).append('\n'));
    t.loadBalancing()
        .targetGroups()
        .forEach(g -> s.append(g).append(t.loadBalancing().targetHealths(g.name())).append('\n'));
    s.append(t.loadBalancing().loadBalancer("web").requestCounts())
        .append(t.traffic().flows())
        .append(t.cloudWatch().listMetrics());
    t.ecs()
        .clusters()
        .forEach(
            c -> s.append(c.clusterName()).append(c.services()).append(c.tasks()).append('\n'));
    t.ecs()
        .service("prod", "api")
        .tasks()
        .forEach(k -> s.append(k).append(k.lastStatus()).append(k.desiredStatus()).append('\n'));
    s.append(t.applicationAutoScaling())
        .append(t.applicationAutoScaling().scalableTarget("service/prod/api").policies());
    return s.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedNamingTheFieldAndLeavesNoTrace(
      String name, Consumer<CloudTwin> call, String field, String message) {
    try (CloudTwin twin = world()) {
      int events = twin.timeline().size();
      String before = snapshot(twin);
      Throwable thrown = catchThrowable(() -> call.accept(twin));
      assertThat(thrown).as(name).isInstanceOf(ValidationException.class);
      ValidationException e = (ValidationException) thrown;
      assertThat(e.field()).as(name + ": " + e.getMessage()).isEqualTo(field);
      assertThat(e.getMessage()).contains(field).contains(message);
      assertThat(twin.timeline().size()).as("timeline after " + name).isEqualTo(events);
      assertThat(snapshot(twin)).as("views after " + name).isEqualTo(before);
      twin.advance(Duration.ofMinutes(2)); // the twin still runs
    }
  }

  /** The size of the catalogue, asserted so that the count in docs/reliability.md stays true. */
  @org.junit.jupiter.api.Test
  void catalogueSize() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(164);
  }
}

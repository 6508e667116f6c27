package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudtwin.CloudTwin;
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
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
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
 * field, with the expected words, and the twin's views are identical before and after.
 * Together with ValidationCatalogueTest, autoscaling.ValidationTest and elb.ValidationTest this
 * is the catalogue of issue 7 (counted in docs/reliability.md).
 */
class HostileInputCatalogueTest {

  static final String A = "us-east-1a";
  static final String B = "us-east-1b";
  static final MetricId CPU = MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");

  /** A twin with group "web" (1..4, desired 2) behind ALB "web" / target group "tg", a policy and an alarm. */
  static CloudTwin world() {
    CloudTwin t = CloudTwin.builder().seed(3).build();
    t.loadBalancing().createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(A, B).build());
    t.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    t.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    t.autoScaling().createAutoScalingGroup(AutoScalingGroupSpec.builder().autoScalingGroupName("web").minSize(1).maxSize(4)
        .desiredCapacity(2).availabilityZones(A, B).detailedMonitoring(true).targetGroupNames("tg").build());
    var out = t.autoScaling().putScalingPolicy(SimpleScalingPolicy.builder().policyName("out").autoScalingGroupName("web")
        .scalingAdjustment(1).build());
    t.cloudWatch().putMetricAlarm(MetricAlarmSpec.builder().alarmName("cpu-high").metric(CPU).threshold(70)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold).alarmActions(out.asAlarmAction()).build());
    t.advance(Duration.ofMinutes(3));
    t.autoScaling().putLifecycleHook(LifecycleHookSpec.of("hook", "web", LifecycleTransition.LAUNCHING));
    return t;
  }

  static String firstInstance(CloudTwin t) {
    return t.autoScaling().group("web").instances().get(0).instanceId();
  }

  static MetricAlarmSpec.Builder alarm() {
    return MetricAlarmSpec.builder().alarmName("x").metric(CPU).threshold(1).comparisonOperator(ComparisonOperator.GreaterThanThreshold);
  }

  static AutoScalingGroupSpec.Builder group() {
    return AutoScalingGroupSpec.builder().autoScalingGroupName("g2").minSize(0).maxSize(2).availabilityZones(A);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // ---- CloudWatch
        c("putMetricData infinite", t -> t.cloudWatch().putMetricData(MetricId.of("A", "B"), Double.POSITIVE_INFINITY), "MetricData.Value", "finite"),
        c("putMetricData null metric", t -> t.cloudWatch().putMetricData(null, 1), "MetricData.MetricName", "required"),
        c("datapoint three hours ahead", t -> t.cloudWatch().putMetricData(MetricId.of("A", "B"), t.now().plus(Duration.ofHours(3)), 1, io.github.cloudtwin.cloudwatch.StandardUnit.COUNT), "MetricData.Timestamp", "2 hours"),
        c("statistics with end before start", t -> t.cloudWatch().getMetricStatistics(CPU, t.now(), t.now().minusSeconds(60), Duration.ofMinutes(1), Statistic.AVERAGE), "EndTime", "after StartTime"),
        c("statistics with zero period", t -> t.cloudWatch().getMetricStatistics(CPU, t.now().minusSeconds(60), t.now(), Duration.ZERO, Statistic.AVERAGE), "Period", "positive"),
        c("statistics with null statistic", t -> t.cloudWatch().getMetricStatistics(CPU, t.now().minusSeconds(60), t.now(), Duration.ofMinutes(1), null), "Statistic", "required"),
        c("percentile p-1", t -> Statistic.percentile(-1), "extendedStatistic", "between 0 and 100"),
        c("setAlarmState of an unknown alarm", t -> t.cloudWatch().setAlarmState("nope", AlarmState.ALARM, "r"), "AlarmName", "existing alarm"),
        c("setAlarmState to null", t -> t.cloudWatch().setAlarmState("cpu-high", null, "r"), "StateValue", "required"),
        c("alarm period 0", t -> alarm().period(Duration.ZERO).build(), "Period", "multiple of 60 seconds"),
        c("alarm period negative", t -> alarm().period(Duration.ofSeconds(-60)).build(), "Period", "multiple of 60 seconds"),
        c("alarm period 61 s", t -> alarm().period(Duration.ofSeconds(61)).build(), "Period", "multiple of 60 seconds"),
        c("alarm period of a second and a half", t -> alarm().period(Duration.ofMillis(60_500)).build(), "Period", "multiple of 60 seconds"),
        c("hourly alarm over eight days", t -> alarm().period(Duration.ofHours(1)).evaluationPeriods(193).build(), "EvaluationPeriods", "604800"),
        c("alarm threshold infinite", t -> alarm().threshold(Double.NEGATIVE_INFINITY).build(), "Threshold", "finite"),
        c("alarm evaluation range below N", t -> alarm().evaluationPeriods(3).evaluationRange(2).build(), "evaluationRange", "at least EvaluationPeriods (3)"),
        c("alarm null statistic", t -> alarm().statistic(null).build(), "Statistic", "required"),
        c("alarm null treatMissingData", t -> alarm().treatMissingData(null).build(), "TreatMissingData", "required"),
        c("alarm null action", t -> alarm().alarmActions((io.github.cloudtwin.cloudwatch.AlarmAction) null).build(), "AlarmActions", "required"),
        c("injection for an unknown metric name", t -> t.cloudWatch().inject(MetricInjection.metric(" ").forGroup("web").from(Duration.ZERO).constant(1)), "metricName", "non-blank"),
        c("injection of NaN", t -> t.cloudWatch().inject(MetricInjection.metric("CPUUtilization").forGroup("web").from(t.elapsed()).constant(Double.NaN)), "value", "finite"),
        c("injection window reversed", t -> t.cloudWatch().inject(MetricInjection.metric("CPUUtilization").forGroup("web").between(Duration.ofMinutes(9), Duration.ofMinutes(5)).constant(1)), "to", "after"),
        c("injection of an empty series", t -> t.cloudWatch().inject(MetricInjection.metric("CPUUtilization").forGroup("web").from(t.elapsed()).series()), "values", "at least one"),
        c("injection without a target", t -> t.cloudWatch().inject(MetricInjection.metric("CPUUtilization").from(t.elapsed()).constant(1)), "target", "forInstance"),
        // ---- EC2 and faults
        c("terminate an unknown instance", t -> t.ec2().terminateInstance("i-0123456789abcdef0"), "instanceId", "InvalidInstanceID.NotFound"),
        c("stop an unknown instance", t -> t.ec2().stopInstance("i-0123456789abcdef0"), "instanceId", "InvalidInstanceID.NotFound"),
        c("crash a null instance", t -> t.faults().crashInstance(null), "instanceId", "non-blank"),
        c("recover an unknown instance", t -> t.faults().recoverInstance("i-0123456789abcdef0"), "instanceId", "InvalidInstanceID.NotFound"),
        c("fail an unknown zone", t -> t.faults().failZone("us-east-1q"), "availabilityZone", "one of the twin's zones"),
        c("restore a null zone", t -> t.faults().restoreZone(null), "availabilityZone", "non-blank"),
        c("zone outage of negative length", t -> t.faults().zoneOutage(A, Duration.ofMinutes(1), Duration.ofMinutes(-1)), "duration", "positive"),
        c("instance with a null zone", t -> t.ec2().runInstance(InstanceSpec.builder().availabilityZone(null).build()), "availabilityZone", "non-blank"),
        c("instance with NaN idle CPU", t -> InstanceSpec.builder().availabilityZone(A).idleCpuUtilization(Double.NaN).build(), "idleCpuUtilization", "between 0.0 and 100.0"),
        c("instance with a blank tag key", t -> InstanceSpec.builder().availabilityZone(A).tag(" ", "v").build(), "tag key", "non-blank"),
        c("advance by null", t -> t.advance(null), "duration", "required"),
        c("advanceUntil with a null condition", t -> t.advanceUntil(null, Duration.ofMinutes(1)), "condition", "required"),
        c("advanceUntil with a negative limit", t -> t.advanceUntil(() -> true, Duration.ofMinutes(-1)), "limit", "zero or positive"),
        c("twin seed builder region null", t -> CloudTwin.builder().region(null).build(), "region", "non-blank"),
        // ---- Auto Scaling
        c("group with a duplicate name", t -> t.autoScaling().createAutoScalingGroup(group().autoScalingGroupName("web").build()), "AutoScalingGroupName", "AlreadyExists"),
        c("group in an unknown zone", t -> t.autoScaling().createAutoScalingGroup(group().availabilityZones("us-east-1q").build()), "availabilityZone", "us-east-1q"),
        c("group without zones", t -> t.autoScaling().createAutoScalingGroup(group().availabilityZones().build()), "AvailabilityZones", "at least one"),
        c("group with an unknown instance type", t -> t.autoScaling().createAutoScalingGroup(group().instanceType("x9.mega").build()), "instanceType", "catalogue"),
        c("group with an unknown target group", t -> t.autoScaling().createAutoScalingGroup(group().targetGroupNames("nope").build()), "TargetGroupARNs", "nope"),
        c("group with a negative grace period", t -> group().healthCheckGracePeriod(Duration.ofSeconds(-1)).build(), "HealthCheckGracePeriod", "zero or positive"),
        c("group with a null name", t -> group().autoScalingGroupName(null).build(), "AutoScalingGroupName", "non-blank"),
        c("update an unknown group", t -> t.autoScaling().updateAutoScalingGroup("nope", 1, 2, 1), "AutoScalingGroupName", "nope"),
        c("update with a negative max", t -> t.autoScaling().updateAutoScalingGroup("web", null, -1, null), "MaxSize", "-1"),
        c("SetDesiredCapacity of an unknown group", t -> t.autoScaling().setDesiredCapacity("nope", 1, false), "AutoScalingGroupName", "nope"),
        c("SetDesiredCapacity negative", t -> t.autoScaling().setDesiredCapacity("web", -1, false), "DesiredCapacity", "-1"),
        c("policy for an unknown group", t -> t.autoScaling().putScalingPolicy(SimpleScalingPolicy.builder().policyName("p").autoScalingGroupName("nope").scalingAdjustment(1).build()), "AutoScalingGroupName", "nope"),
        c("simple policy with a negative cooldown", t -> SimpleScalingPolicy.builder().policyName("p").autoScalingGroupName("web").scalingAdjustment(1).cooldown(Duration.ofSeconds(-1)).build(), "Cooldown", "zero or positive"),
        c("exact capacity negative", t -> SimpleScalingPolicy.builder().policyName("p").autoScalingGroupName("web").adjustmentType(AdjustmentType.ExactCapacity).scalingAdjustment(-1).build(), "ScalingAdjustment", "-1"),
        c("min magnitude without percent", t -> SimpleScalingPolicy.builder().policyName("p").autoScalingGroupName("web").scalingAdjustment(1).minAdjustmentMagnitude(2).build(), "MinAdjustmentMagnitude", "PercentChangeInCapacity"),
        c("step policy without steps", t -> StepScalingPolicy.builder().policyName("p").autoScalingGroupName("web").build(), "StepAdjustments", "at least one"),
        c("step policy with overlapping steps", t -> StepScalingPolicy.builder().policyName("p").autoScalingGroupName("web").step(0.0, 20.0, 1).step(10.0, null, 2).build(), "StepAdjustments", "overlap"),
        c("step policy with a gap", t -> StepScalingPolicy.builder().policyName("p").autoScalingGroupName("web").step(0.0, 10.0, 1).step(20.0, null, 2).build(), "StepAdjustments", "gap"),
        c("step with lower above upper", t -> StepScalingPolicy.builder().policyName("p").autoScalingGroupName("web").step(10.0, 5.0, 1).build(), "MetricIntervalUpperBound", "greater than MetricIntervalLowerBound 10.0"),
        c("target tracking with neither metric", t -> TargetTrackingScalingPolicy.builder().policyName("p").autoScalingGroupName("web").targetValue(50).build(), "TargetTrackingConfiguration", "exactly one"),
        c("target tracking with a bad resource label", t -> TargetTrackingScalingPolicy.builder().policyName("p").autoScalingGroupName("web").predefinedMetric(PredefinedMetricType.ALBRequestCountPerTarget, "tg").targetValue(50).build(), "ResourceLabel", "app/<load-balancer-name>"),
        c("target tracking with a NaN target", t -> TargetTrackingScalingPolicy.builder().policyName("p").autoScalingGroupName("web").predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization).targetValue(Double.NaN).build(), "TargetValue", "NaN"),
        c("execute an unknown policy", t -> t.autoScaling().executePolicy("web", "nope"), "PolicyName", "nope"),
        c("delete an unknown policy", t -> t.autoScaling().deletePolicy("web", "nope"), "PolicyName", "nope"),
        c("lifecycle hook for an unknown group", t -> t.autoScaling().putLifecycleHook(LifecycleHookSpec.of("h", "nope", LifecycleTransition.LAUNCHING)), "AutoScalingGroupName", "nope"),
        c("lifecycle hook with a null transition", t -> LifecycleHookSpec.of("h", "web", null), "LifecycleTransition", "required"),
        c("complete an unknown lifecycle action", t -> t.autoScaling().completeLifecycleAction("web", "hook", firstInstance(t), LifecycleActionResult.CONTINUE), "LifecycleHookName", "No active Lifecycle Action"),
        c("complete a lifecycle action of an unknown instance", t -> t.autoScaling().completeLifecycleAction("web", "hook", "i-0123456789abcdef0", LifecycleActionResult.CONTINUE), "InstanceId", "an instance of group web"),
        c("protect an unknown instance", t -> t.autoScaling().setInstanceProtection("web", true, "i-0123456789abcdef0"), "InstanceId", "an instance of group web"),
        c("protect a known and an unknown instance", t -> t.autoScaling().setInstanceProtection("web", true, firstInstance(t), "i-0123456789abcdef0"), "InstanceId", "an instance of group web"),
        c("standby naming one instance twice", t -> { String id = firstInstance(t); t.autoScaling().enterStandby("web", true, id, id); }, "InstanceIds", "each instance at most once"),
        c("standby of an unknown instance", t -> t.autoScaling().enterStandby("web", false, "i-0123456789abcdef0"), "InstanceId", "an instance of group web"),
        c("exit standby of an InService instance", t -> t.autoScaling().exitStandby("web", firstInstance(t)), "InstanceIds", "in Standby"),
        c("terminate an instance of no group", t -> t.autoScaling().terminateInstanceInAutoScalingGroup("i-0123456789abcdef0", false), "InstanceId", "an instance of an Auto Scaling group"),
        c("set health of an unknown instance", t -> t.autoScaling().setInstanceHealth("i-0123456789abcdef0", io.github.cloudtwin.autoscaling.HealthStatus.UNHEALTHY, false), "InstanceId", "an instance of an Auto Scaling group"),
        c("suspend processes of an unknown group", t -> t.autoScaling().suspendProcesses("nope", ScalingProcess.Launch), "AutoScalingGroupName", "nope"),
        c("scheduled action with a bad cron", t -> t.autoScaling().putScheduledUpdateGroupAction(ScheduledActionSpec.recurring("s", "web", "61 * * * *", null, null, 2)), "Recurrence", "61"),
        c("scheduled action with nothing to change", t -> ScheduledActionSpec.once("s", "web", Instant.parse("2026-01-01T01:00:00Z"), null, null, null), "DesiredCapacity", "at least one of MinSize, MaxSize and DesiredCapacity"),
        c("scheduled action in the past", t -> t.autoScaling().putScheduledUpdateGroupAction(ScheduledActionSpec.once("s", "web", Instant.parse("2025-01-01T00:00:00Z"), null, null, 2)), "StartTime", "past"),
        c("delete an unknown scheduled action", t -> t.autoScaling().deleteScheduledAction("web", "nope"), "ScheduledActionName", "nope"),
        // ---- Load balancing and traffic
        c("target group with a duplicate name", t -> t.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build()), "Name", "DuplicateTargetGroupName"),
        c("target group with port 0", t -> TargetGroupSpec.builder("x").port(0).build(), "Port", "between 1 and 65535"),
        c("target group with port 70000", t -> TargetGroupSpec.builder("x").port(70000).build(), "Port", "between 1 and 65535"),
        c("health check path without slash", t -> HealthCheckSpec.builder().path("health").build(), "HealthCheckPath", "/"),
        c("health check port 0", t -> HealthCheckSpec.builder().port(0).build(), "HealthCheckPort", "between 1 and 65535"),
        c("matcher with letters", t -> t.loadBalancing().createTargetGroup(TargetGroupSpec.builder("x").healthCheck(HealthCheckSpec.builder().matcher("ok").build()).build()), "Matcher.HttpCode", "ok"),
        c("listener for an unknown load balancer", t -> t.loadBalancing().createListener(ListenerSpec.builder("nope", 80).forwardTo("tg").build()), "LoadBalancerName", "nope"),
        c("listener forwarding to an unknown target group", t -> t.loadBalancing().createListener(ListenerSpec.builder("web", 81).forwardTo("nope").build()), "TargetGroupName", "TargetGroupNotFound"),
        c("listener port 0", t -> ListenerSpec.builder("web", 0).forwardTo("tg").build(), "Port", "between 1 and 65535"),
        c("listener without an action", t -> ListenerSpec.builder("web", 81).build(), "DefaultActions", "required"),
        c("rule priority 0", t -> ListenerSpec.builder("web", 81).forwardTo("tg").rule(0, RuleCondition.pathPattern("/a"), RuleAction.forward("tg")).build(), "Priority", "between 1 and 50000"),
        c("fixed response 99", t -> RuleAction.fixedResponse(99, "text/plain", "x"), "FixedResponseConfig.StatusCode", "2XX, 4XX or 5XX"),
        c("rule with a null pattern", t -> RuleCondition.pathPattern("/a", null), "Conditions.Values", "non-blank"),
        c("load balancer with a null zone", t -> LoadBalancerSpec.application("x").availabilityZones(A, null).build(), "AvailabilityZones", "non-blank"),
        c("twin with a null zone", t -> CloudTwin.builder().availabilityZones(A, null).build(), "availabilityZones", "non-blank"),
        c("replay with a null rate", t -> Workload.replay(java.util.Arrays.asList(1.0, null), Duration.ofMinutes(1)), "requestsPerSecond", "required"),
        c("zone outage beyond the representable time", t -> t.faults().zoneOutage(A, Duration.ofSeconds(Long.MAX_VALUE / 1000), Duration.ofHours(1)), "duration", "representable virtual time"),
        c("suspend a null process", t -> t.autoScaling().suspendProcesses("web", ScalingProcess.Launch, null), "ScalingProcesses", "required"),
        c("group with a null zone", t -> group().availabilityZones(A, null).build(), "AvailabilityZones", "non-blank"),
        c("group with a null termination policy", t -> group().terminationPolicies((io.github.cloudtwin.autoscaling.TerminationPolicy) null).build(), "TerminationPolicies", "required"),
        c("rule without patterns", t -> RuleCondition.pathPattern(), "Conditions.Values", "1 to 5 values"),
        c("load balancer with a bad name", t -> LoadBalancerSpec.application("-bad-").availabilityZones(A, B).build(), "LoadBalancerName", "not beginning or ending with a hyphen"),
        c("load balancer idle timeout 0", t -> LoadBalancerSpec.application("x").availabilityZones(A, B).idleTimeout(Duration.ZERO).build(), "idle_timeout.timeout_seconds", "between 1 and 4000"),
        c("register into an unknown target group", t -> t.loadBalancing().registerTargets("nope", firstInstance(t)), "TargetGroupName", "nope"),
        c("register an IP target into an instance group", t -> t.loadBalancing().registerTargets("tg", TargetDescription.ip("10.0.0.1", A)), "Targets.AvailabilityZone", "no zone for an instance target"),
        c("register a null target list", t -> t.loadBalancing().registerTargets("tg", (String[]) null), "Targets", "required"),
        c("send through an unknown load balancer", t -> t.loadBalancing().send("nope"), "LoadBalancerName", "nope"),
        c("send a null request", t -> t.loadBalancing().send("web", null), "request", "required"),
        c("request with a path without slash", t -> Request.get("x"), "path", "a path starting with /"),
        c("respond with status 42", t -> t.loadBalancing().respondWith(firstInstance(t), 42), "status", "42"),
        c("negative default latency", t -> t.loadBalancing().setDefaultLatency(Duration.ofMillis(-1)), "latency", "zero or positive"),
        c("offered rate negative", t -> t.loadBalancing().offerTraffic("web", Request.get(), -1), "requestsPerSecond", "-1"),
        c("workload with a negative rate", t -> Workload.constant(-5), "requestsPerSecond", "-5"),
        c("workload with an infinite rate", t -> Workload.constant(Double.POSITIVE_INFINITY), "requestsPerSecond", "Infinity"),
        c("ramp of zero duration", t -> Workload.ramp(1, 2, Duration.ZERO), "duration", "positive"),
        c("traffic to an unknown load balancer", t -> t.traffic().apply("nope", Workload.constant(5)), "LoadBalancerName", "nope"),
        c("HTTP listener for an unknown load balancer", t -> t.loadBalancing().startHttpListener("nope"), "LoadBalancerName", "nope"),
        c("HTTP listener for an unknown listener port", t -> t.loadBalancing().startHttpListener("web", 9999), "listenerPort", "9999"),
        // ---- Real time
        c("real-time speed 0", t -> RealTimeDriver.start(t, 0), "speed", "greater than 0"),
        c("real-time speed NaN", t -> RealTimeDriver.start(t, Double.NaN), "speed", "greater than 0"),
        c("real-time step 0", t -> RealTimeDriver.start(t, 1, Duration.ZERO), "step", "positive"));
  }

  private static Arguments c(String name, Consumer<CloudTwin> call, String field, String message) {
    return Arguments.of(name, call, field, message);
  }

  /** Every view a test can read, as text. */
  static String snapshot(CloudTwin t) {
    StringBuilder s = new StringBuilder();
    s.append(t.now()).append('\n');
    t.autoScaling().groups().forEach(g -> s.append(g).append(g.spec()).append(g.instances()).append(g.suspendedProcesses()).append(g.activities()).append('\n'));
    t.cloudWatch().alarms().forEach(a -> s.append(a).append(a.spec()).append(a.state()).append(a.history()).append('\n'));
    t.ec2().instances().forEach(i -> s.append(i).append(i.state()).append(i.tags()).append('\n'));
    t.ec2().zones().forEach(z -> s.append(z).append(t.ec2().zoneState(z.name())).append('\n'));
    t.loadBalancing().loadBalancers().forEach(lb -> s.append(lb).append('\n'));
    t.loadBalancing().targetGroups().forEach(g -> s.append(g).append(t.loadBalancing().targetHealths(g.name())).append('\n'));
    s.append(t.loadBalancing().requestCounts("web")).append(t.traffic().flows()).append(t.cloudWatch().listMetrics());
    return s.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedNamingTheFieldAndLeavesNoTrace(String name, Consumer<CloudTwin> call, String field, String message) {
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
    assertThat(cases().count()).isGreaterThanOrEqualTo(100);
  }
}

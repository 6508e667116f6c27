package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gives a ValidationException naming the field, and changes nothing. */
class ValidationTest {

  static Stream<Arguments> badInput() {
    return Stream.of(
        bad(
            "healthy threshold 1",
            "HealthyThresholdCount",
            "between 2 and 10",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .healthCheck(HealthCheckSpec.builder().healthyThresholdCount(1).build())
                        .build())),
        bad(
            "unhealthy threshold 11",
            "UnhealthyThresholdCount",
            "between 2 and 10",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .healthCheck(HealthCheckSpec.builder().unhealthyThresholdCount(11).build())
                        .build())),
        bad(
            "interval 4 s",
            "HealthCheckIntervalSeconds",
            "between 5 and 300",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .healthCheck(
                            HealthCheckSpec.builder().interval(Duration.ofSeconds(4)).build())
                        .build())),
        bad(
            "interval shorter than the timeout",
            "HealthCheckTimeoutSeconds",
            "Health check interval must be greater than the timeout.",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .healthCheck(
                            HealthCheckSpec.builder()
                                .interval(Duration.ofSeconds(10))
                                .timeout(Duration.ofSeconds(20))
                                .build())
                        .build())),
        bad(
            "interval equal to the timeout",
            "HealthCheckTimeoutSeconds",
            "less than the interval",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .healthCheck(
                            HealthCheckSpec.builder()
                                .interval(Duration.ofSeconds(10))
                                .timeout(Duration.ofSeconds(10))
                                .build())
                        .build())),
        bad(
            "ALB matcher 500",
            "Matcher.HttpCode",
            "between 200 and 499",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .healthCheck(HealthCheckSpec.builder().matcher("500").build())
                        .build())),
        bad(
            "slow start 10 s",
            "slow_start.duration_seconds",
            "between 30 and 900",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x").slowStart(Duration.ofSeconds(10)).build())),
        bad(
            "least outstanding with slow start",
            "load_balancing.algorithm.type",
            "Slow start cannot be enabled",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .slowStart(Duration.ofSeconds(30))
                        .algorithm(LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS)
                        .build())),
        bad(
            "deregistration delay 3601 s",
            "deregistration_delay.timeout_seconds",
            "between 0 and 3600",
            elb ->
                elb.createTargetGroup(
                    TargetGroupSpec.builder("x")
                        .deregistrationDelay(Duration.ofSeconds(3601))
                        .build())),
        bad(
            "unknown instance id",
            "Targets.Id",
            "InvalidTarget",
            elb -> elb.registerTargets("tg", "i-0000000000000dead")),
        bad(
            "deregistering an unregistered target",
            "Targets.Id",
            "not registered",
            elb -> elb.deregisterTargets("tg", "i-0000000000000dead")),
        bad(
            "unknown target group",
            "TargetGroupName",
            "the name of a target group",
            elb -> elb.registerTargets("nope", "i-0000000000000dead")),
        bad(
            "duplicate rule priorities",
            "Priority",
            "PriorityInUse",
            elb ->
                elb.createListener(
                    ListenerSpec.builder("web", 8080)
                        .forwardTo("tg")
                        .rule(5, RuleCondition.pathPattern("/a"), RuleAction.forward("tg"))
                        .rule(5, RuleCondition.pathPattern("/b"), RuleAction.forward("tg"))
                        .build())),
        bad(
            "listener on a port in use",
            "Port",
            "DuplicateListener",
            elb -> elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build())),
        bad(
            "ALB in one zone",
            "AvailabilityZones",
            "at least two",
            elb ->
                elb.createLoadBalancer(
                    LoadBalancerSpec.application("one").availabilityZones("us-east-1a").build())),
        bad(
            "unknown zone",
            "availabilityZone",
            "one of the twin's zones",
            elb ->
                elb.createLoadBalancer(
                    LoadBalancerSpec.network("n").availabilityZones("eu-west-1a").build())),
        bad(
            "duplicate load balancer name",
            "Name",
            "DuplicateLoadBalancerName",
            elb ->
                elb.createLoadBalancer(
                    LoadBalancerSpec.application("web")
                        .availabilityZones("us-east-1a", "us-east-1b")
                        .build())),
        bad(
            "rule weights all zero",
            "ForwardConfig.TargetGroups.Weight",
            "at least one weight above 0",
            elb -> RuleAction.forward("tg", 0)),
        bad(
            "TCP group behind an ALB listener",
            "TargetGroupArn",
            "a target group whose protocol suits",
            elb -> {
              elb.createTargetGroup(TargetGroupSpec.builder("tcp").protocol(Protocol.TCP).build());
              elb.createListener(ListenerSpec.builder("web", 81).forwardTo("tcp").build());
            }),
        bad(
            "classic health-check target without path",
            "HealthCheck.Target",
            "needs a path",
            elb -> HealthCheckSpec.classicTarget("HTTP:80")),
        bad(
            "unknown listener port for send",
            "listenerPort",
            "a listener port of web",
            elb -> elb.send("web", Request.get().toListener(9999))),
        bad(
            "behaviour for an unknown target",
            "targetId",
            "a target registered",
            elb -> elb.target("i-0000000000000dead").slow(Duration.ofSeconds(1))));
  }

  private static Arguments bad(
      String what, String field, String messagePart, Consumer<LoadBalancing> call) {
    return Arguments.of(what, field, messagePart, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void isRejectedWithAClearValidationExceptionAndNothingChanges(
      String what, String field, String messagePart, Consumer<LoadBalancing> call) {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(
          LoadBalancerSpec.application("web")
              .availabilityZones("us-east-1a", "us-east-1b")
              .build());
      elb.createTargetGroup(TargetGroupSpec.builder("tg").build());
      elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      int events = twin.timeline().size();
      List<String> ports =
          elb.loadBalancer("web").listenerPorts().stream().map(String::valueOf).toList();
      assertThatThrownBy(() -> call.accept(elb))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(messagePart)
          .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
      if (!what.startsWith("TCP group")) {
        assertThat(twin.timeline().size()).as("nothing recorded").isEqualTo(events);
      }
      assertThat(elb.loadBalancer("web").listenerPorts().stream().map(String::valueOf).toList())
          .isEqualTo(ports);
    }
  }
}

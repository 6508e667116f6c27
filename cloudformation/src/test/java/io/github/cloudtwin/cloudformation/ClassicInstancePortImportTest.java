package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Classic listener's InstancePort is where instances receive its traffic; the health check probes
 * its own port.
 */
class ClassicInstancePortImportTest {

  private static final String TEMPLATE =
      """
      Resources:
        Web:
          Type: AWS::ElasticLoadBalancing::LoadBalancer
          Properties:
            LoadBalancerName: legacy-web
            AvailabilityZones: [us-east-1a]
            Listeners:
              - {LoadBalancerPort: "80", InstancePort: "%s", Protocol: HTTP, InstanceProtocol: HTTP}
            HealthCheck: {Target: "HTTP:8080/health", HealthyThreshold: "2", UnhealthyThreshold: "2", Interval: "10", Timeout: "5"}
      """;

  /**
   * Imports the load balancer and registers one instance that serves on 8080 only; returns a
   * request's status.
   */
  private static int statusThrough(int instancePort) {
    try (CloudTwin twin = Estates.twin()) {
      Stack stack =
          StackImport.of(Template.parse("clb.yaml", TEMPLATE.formatted(instancePort)))
              .stackName("clb")
              .importInto(twin);
      LoadBalancer lb = stack.loadBalancer("Web");
      String id =
          twin.ec2()
              .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
              .instanceId();
      lb.register(id);
      twin.loadBalancing()
          .target(id)
          .setBehavior(
              r ->
                  r.listenerPort() == 8080
                      ? Response.of(200, Duration.ofMillis(5))
                      : Response.refused());
      twin.advance(Duration.ofMinutes(2));
      assertThat(lb.instanceHealth(id).classicState())
          .as("the health check probes HTTP:8080")
          .isEqualTo("InService");
      assertThat(stack.report().unmodelledProperties("Web")).isEmpty();
      return twin.loadBalancing().send("legacy-web").status();
    }
  }

  @Test
  void trafficReachesTheInstancesOnTheListenersInstancePort() {
    assertThat(statusThrough(8080)).isEqualTo(200);
  }

  @Test
  void anInstancePortTheInstancesDoNotServeFailsWhileTheHealthCheckPasses() {
    assertThat(statusThrough(80)).isEqualTo(502);
  }

  @Test
  void anInstancePortOutsideOneTo65535FailsTheImportOnItsListener() {
    CloudTwin twin = Estates.twin();
    assertThatThrownBy(
            () ->
                StackImport.of(Template.parse("clb.yaml", TEMPLATE.formatted(70000)))
                    .stackName("clb")
                    .importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Web");
              assertThat(e.property()).isEqualTo("Properties.Listeners[0].InstancePort");
              assertThat(e.getMessage()).contains("between 1 and 65535");
            });
    assertThat(twin.loadBalancing().loadBalancers()).isEmpty();
  }
}

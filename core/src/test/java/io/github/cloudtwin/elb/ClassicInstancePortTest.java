package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Classic listener's InstancePort: instances see it as the port, as they see their health
 * check's.
 */
class ClassicInstancePortTest {

  /** An instance that serves on 8080 only, and records the ports it was asked on. */
  private static TargetBehavior servesOn8080(List<Integer> ports) {
    return r -> {
      synchronized (ports) {
        ports.add(r.listenerPort());
      }
      return r.listenerPort() == 8080 ? Response.of(200, Duration.ofMillis(5)) : Response.refused();
    };
  }

  private static String classic(
      CloudTwin twin, String name, int instancePort, List<Integer> ports) {
    LoadBalancing elb = twin.loadBalancing();
    LoadBalancer lb =
        elb.createLoadBalancer(
            LoadBalancerSpec.classic(name)
                .availabilityZones("us-east-1a")
                .healthCheck(HealthCheckSpec.classicTarget("HTTP:8080/health").build())
                .build());
    elb.createListener(
        ListenerSpec.builder(name, 80).forwardTo(name).instancePort(instancePort).build());
    String id =
        twin.ec2()
            .runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build())
            .instanceId();
    lb.register(id);
    elb.target(id).setBehavior(servesOn8080(ports));
    twin.advance(Duration.ofMinutes(6));
    assertThat(lb.instanceHealth(id).classicState())
        .as("health checks probe HTTP:8080")
        .isEqualTo("InService");
    return id;
  }

  @Test
  void trafficReachesTheInstanceOnTheListenersInstancePort() {
    try (CloudTwin twin = CloudTwin.create()) {
      List<Integer> ports = new ArrayList<>();
      classic(twin, "web", 8080, ports);
      assertThat(twin.loadBalancing().send("web").status()).isEqualTo(200);
      assertThat(ports).containsOnly(8080);
    }
  }

  @Test
  void aListenerForwardingToAPortTheInstancesDoNotServeFailsWhileTheirHealthChecksPass() {
    try (CloudTwin twin = CloudTwin.create()) {
      List<Integer> ports = new ArrayList<>();
      classic(twin, "web", 80, ports);
      assertThat(twin.loadBalancing().send("web").status()).isEqualTo(502);
      assertThat(ports).contains(8080, 80);
    }
  }

  @Test
  void onlyClassicListenersHaveAnInstancePortWithinOneTo65535() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.loadBalancing()
          .createLoadBalancer(
              LoadBalancerSpec.network("nlb").availabilityZones("us-east-1a").build());
      twin.loadBalancing()
          .createTargetGroup(
              TargetGroupSpec.builder("tcp").protocol(Protocol.TCP).port(80).build());
      assertThatThrownBy(
              () ->
                  twin.loadBalancing()
                      .createListener(
                          ListenerSpec.builder("nlb", 80)
                              .protocol(Protocol.TCP)
                              .forwardTo("tcp")
                              .instancePort(8080)
                              .build()))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("InstancePort"));
      assertThatThrownBy(
              () -> ListenerSpec.builder("web", 80).forwardTo("web").instancePort(0).build())
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.getMessage()).contains("between 1 and 65535"));
    }
  }
}

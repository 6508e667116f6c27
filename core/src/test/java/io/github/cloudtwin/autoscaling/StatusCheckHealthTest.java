package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * EC2 status checks as Auto Scaling's health checks read them ("Health checks for instances in an
 * Auto Scaling group",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html): an
 * instance whose status checks fail is marked unhealthy after a few minutes of failing (3 in the
 * twin, aws-behaviour.md), and suspending the HealthCheck process ("Suspend and resume processes",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-suspend-resume-processes.html) stops
 * instances being marked unhealthy.
 */
class StatusCheckHealthTest {

  @Test
  void aFailureThatRecoversAndFailsAgainIsToleratedFromItsSecondStart() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 2, 1).build());
      twin.advance(Duration.ofMinutes(5));
      String id = g.instances().get(0).instanceId();
      twin.faults().crashInstance(id);
      twin.advance(Duration.ofMinutes(1));
      twin.faults().recoverInstance(id);
      twin.advance(Duration.ofMinutes(1));
      twin.faults().crashInstance(id); // the first failure's 3 minutes would end 1 minute from now
      twin.advance(Duration.ofMinutes(3).minusSeconds(1));
      assertThat(g.instances())
          .as("the first failure's tolerance ended, the second's has not")
          .allMatch(i -> i.healthStatus() == HealthStatus.HEALTHY);
      twin.advance(Duration.ofSeconds(1));
      assertThat(g.instances())
          .filteredOn(i -> i.instanceId().equals(id))
          .singleElement()
          .satisfies(i -> assertThat(i.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY));
    }
  }

  @Test
  void withHealthCheckSuspendedAFailingInstanceStaysHealthyAndInService() {
    try (CloudTwin twin = CloudTwin.create()) {
      AutoScalingGroup g = twin.autoScaling().createAutoScalingGroup(group("web", 1, 2, 1).build());
      twin.advance(Duration.ofMinutes(5));
      String id = g.instances().get(0).instanceId();
      twin.autoScaling().suspendProcesses("web", ScalingProcess.HealthCheck);
      twin.faults().crashInstance(id);
      twin.advance(Duration.ofMinutes(10));
      assertThat(g.instances())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.instanceId()).isEqualTo(id);
                assertThat(i.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
                assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE);
              });
    }
  }
}

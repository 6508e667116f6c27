package io.github.cloudtwin.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.elb.TargetType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service whose target group is deleted under it (DeleteTargetGroup succeeds once no listener
 * forwards to it, even while an ECS service still names it).
 */
class DeletedTargetGroupTest {

  @Test
  void aServiceWhoseTargetGroupWasDeletedStopsAndReplacesTasksWithoutFailing() {
    EcsFixture f = new EcsFixture();
    LoadBalancing elb = f.twin.loadBalancing();
    elb.createLoadBalancer(
        LoadBalancerSpec.application("web")
            .availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c"))
            .build());
    elb.createTargetGroup(
        TargetGroupSpec.builder("web-tg")
            .targetType(TargetType.IP)
            .deregistrationDelay(Duration.ofSeconds(30))
            .build());
    elb.createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
    f.instances("m5.xlarge", "a", "b", "c");
    f.ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .networkMode(NetworkMode.AWSVPC)
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    EcsService s =
        f.ecs.createService(
            ServiceSpec.builder(f.cluster, "web", "web:1")
                .desiredCount(3)
                .loadBalancer("web-tg", "app", 80)
                .build());
    f.advance(Duration.ofMinutes(3));
    assertThat(s.runningCount()).isEqualTo(3);

    elb.deleteListener("web", 80);
    elb.deleteTargetGroup("web-tg");
    f.ecs.stopTask(f.cluster, s.tasks().get(0).taskId(), "test");
    f.advance(Duration.ofMinutes(3));
    assertThat(s.runningCount()).isEqualTo(3);
    f.ecs.updateService(ServiceUpdate.builder(f.cluster, "web").desiredCount(1).build());
    f.advance(Duration.ofMinutes(3));
    assertThat(s.runningCount()).isEqualTo(1);
  }
}

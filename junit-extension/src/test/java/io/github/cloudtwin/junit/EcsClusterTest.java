package io.github.cloudtwin.junit;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.ApplicationAutoScaling;
import io.github.cloudtwin.autoscaling.ActivityStatus;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingActivityListener;
import io.github.cloudtwin.ecs.CapacityProvider;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.ecs.TaskStateListener;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetHealthListener;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.traffic.Traffic;
import org.junit.jupiter.api.Test;

/**
 * The fifteen-line story: a cluster on three zones behind a load balancer, declared; and mocks as
 * listeners.
 */
@EcsCluster(desiredCapacity = 3, loadBalancer = true)
class EcsClusterTest {

  @CloudTwinSetup
  void web(CloudTwin twin) {
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder("web")
                .container(
                    ContainerDefinition.builder("app", "nginx")
                        .cpu(256)
                        .memory(512)
                        .portMapping(80)
                        .build())
                .build());
    twin.ecs()
        .createService(
            ServiceSpec.builder("cluster", "web", "web")
                .desiredCount(6)
                .loadBalancer("cluster-tg", "app", 80)
                .build());
  }

  @Test
  void runsTheServiceOnThreeInstancesInThreeZonesBehindTheLoadBalancer(
      CloudTwin twin, AutoScalingGroup group, EcsService web, TargetGroup targets) {
    twin.advance(ofMinutes(5));
    assertThat(group).hasDesiredCapacity(3).hasInServiceCount(3).isBalancedAcross();
    assertThat(web).hasRunningTaskCount(6).isSpreadAcrossZones().reachedSteadyState();
    assertThat(targets).hasHealthyTargetCount(3).hasHealthyTargetCountInZone("us-east-1a", 1);
  }

  @Test
  void injectsWhatTheAnnotationCreatedByTypeAndByName(
      CloudTwin twin,
      Ecs ecs,
      ApplicationAutoScaling appAutoScaling,
      Traffic traffic,
      Cluster cluster,
      AutoScalingGroup group,
      LoadBalancer alb,
      TargetGroup tg,
      CapacityProvider provider,
      EcsService web,
      @FromTwin("cluster/web") EcsService byClusterAndName,
      @FromTwin("web") EcsService byName,
      @FromTwin("cluster-asg") AutoScalingGroup groupByName) {
    org.assertj.core.api.Assertions.assertThat(ecs).isSameAs(twin.ecs());
    org.assertj.core.api.Assertions.assertThat(appAutoScaling)
        .isSameAs(twin.applicationAutoScaling());
    org.assertj.core.api.Assertions.assertThat(traffic).isSameAs(twin.traffic());
    org.assertj.core.api.Assertions.assertThat(cluster.clusterName()).isEqualTo("cluster");
    org.assertj.core.api.Assertions.assertThat(cluster.capacityProviders())
        .containsExactly("cluster-cp");
    org.assertj.core.api.Assertions.assertThat(group.name()).isEqualTo("cluster-asg");
    org.assertj.core.api.Assertions.assertThat(group.spec().instanceType()).isEqualTo("m5.large");
    org.assertj.core.api.Assertions.assertThat(group.spec().availabilityZones())
        .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
    org.assertj.core.api.Assertions.assertThat(groupByName.name()).isEqualTo(group.name());
    org.assertj.core.api.Assertions.assertThat(alb.name()).isEqualTo("cluster-alb");
    org.assertj.core.api.Assertions.assertThat(alb.listenerPorts()).containsExactly(80);
    org.assertj.core.api.Assertions.assertThat(tg.name()).isEqualTo("cluster-tg");
    org.assertj.core.api.Assertions.assertThat(provider.name()).isEqualTo("cluster-cp");
    org.assertj.core.api.Assertions.assertThat(provider.spec().managedScaling().enabled()).isTrue();
    org.assertj.core.api.Assertions.assertThat(web).isSameAs(byClusterAndName).isSameAs(byName);
  }

  @Test
  void aMockScalingActivityListenerSeesTheLaunchesEnd(CloudTwin twin, AutoScaling autoScaling) {
    ScalingActivityListener listener = mock(ScalingActivityListener.class);
    autoScaling.addScalingActivityListener(listener);
    twin.advance(ofMinutes(1));
    verify(listener, times(3))
        .activityCompleted(
            argThat(
                a ->
                    a.statusCode() == ActivityStatus.Successful
                        && a.description().startsWith("Launching a new EC2 instance: i-")));
  }

  @Test
  void aMockTargetHealthListenerSeesTheTasksHostsTurnHealthy(CloudTwin twin, LoadBalancing elb) {
    TargetHealthListener listener = mock(TargetHealthListener.class);
    elb.addTargetHealthListener(listener);
    twin.advance(ofMinutes(2));
    verify(listener, times(3))
        .healthChanged(
            eq("cluster-tg"),
            startsWith("i-"),
            eq(TargetHealthState.INITIAL),
            eq(TargetHealthState.HEALTHY),
            any());
  }

  @Test
  void aMockTaskStateListenerSeesEveryTaskReachRunning(CloudTwin twin, Ecs ecs) {
    TaskStateListener listener = mock(TaskStateListener.class);
    ecs.addTaskStateListener(listener);
    twin.advance(ofMinutes(2));
    verify(listener, times(6))
        .stateChanged(any(), eq(TaskStatus.PROVISIONING), eq(TaskStatus.PENDING));
    verify(listener, times(6))
        .stateChanged(any(), eq(TaskStatus.ACTIVATING), eq(TaskStatus.RUNNING));
    verify(listener, atLeastOnce())
        .stateChanged(argThat(t -> t.serviceName().equals("web")), any(), any());
  }
}

package io.github.cloudtwin.ecs;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.CpuLoadModel;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import io.github.cloudtwin.internal.kernel.Require;
import java.util.function.Function;

/**
 * The composition root of one twin's ECS: builds the facade's collaborators in dependency order
 * (the order fixes the order of the seeded random streams and of the minute work at one instant),
 * connects them to EC2 and the kernel, and holds them for {@link Ecs}.
 */
final class EcsComponents {

  final ClusterRegistry clusters;
  final TaskDefinitions taskDefinitions;
  final TaskRegistry tasks;
  final TaskRuntimes runtimes;
  final TaskTargets targets;
  final CapacityProviders capacityProviders;
  final TaskLifecycle lifecycle;
  final ServiceScheduler scheduler;
  final Services services;
  final ContainerInstances containerInstances;
  final StandaloneTasks standaloneTasks;

  /**
   * Builds and connects the collaborators.
   *
   * @param kernel the kernel
   * @param ec2 the instances container instances run on
   * @param cloudWatch where the ECS metrics go
   * @param autoScaling the service whose groups capacity providers name
   * @param wiring the twin's connections: ECS managed scaling's channel to Auto Scaling, and target
   *     registration with Elastic Load Balancing
   */
  EcsComponents(
      Kernel kernel, Ec2 ec2, CloudWatch cloudWatch, AutoScaling autoScaling, Wiring wiring) {
    Require.notNull("ec2", ec2);
    Require.notNull("cloudWatch", cloudWatch);
    Require.notNull("autoScaling", autoScaling);
    Function<String, CapacityProviderGroup> groups =
        name -> AutoScalingGroups.of(autoScaling, wiring.managedScalingPolicies(), name);
    EcsIds ids = new EcsIds(kernel.randomness().stream("ecs.ids"));
    ServiceEventLog events = new ServiceEventLog(kernel);
    Placement placement = new Placement(kernel.randomness().stream("ecs.placement"));
    InProcessTaskRuntime inProcess = new InProcessTaskRuntime(kernel);
    clusters = new ClusterRegistry(kernel);
    taskDefinitions = new TaskDefinitions(kernel);
    tasks = new TaskRegistry(kernel, ids);
    runtimes = new TaskRuntimes(kernel, inProcess);
    targets = new TaskTargets(kernel, events);
    // its minute work (OBSERVE, ACT) comes first
    capacityProviders = new CapacityProviders(kernel, cloudWatch, clusters, groups);
    lifecycle = new TaskLifecycle(kernel, ec2, runtimes, targets, events, capacityProviders);
    ServiceTaskPlacer placer =
        new ServiceTaskPlacer(clusters, tasks, placement, lifecycle, capacityProviders);
    scheduler =
        new ServiceScheduler(
            kernel,
            clusters,
            tasks,
            lifecycle,
            placer,
            placement,
            events,
            capacityProviders,
            inProcess);
    Deployments deployments = new Deployments(kernel, ids, events, scheduler::request);
    lifecycle.bind(scheduler::request, deployments::taskStopped);
    services =
        new Services(kernel, ec2, clusters, taskDefinitions, targets, scheduler, deployments);
    inProcess.bind(services::service);
    containerInstances =
        new ContainerInstances(
            kernel, ec2, clusters, ids, runtimes, lifecycle, scheduler, capacityProviders);
    standaloneTasks =
        new StandaloneTasks(
            kernel, clusters, taskDefinitions, containerInstances, tasks, placement, lifecycle);
    capacityProviders.bind(scheduler::placeWaiting, containerInstances::linkAutoScalingGroup);
    wiring.fargateSpotInterruptions(new FargateSpot(kernel, clusters, tasks, lifecycle)::interrupt);
    ec2.addListener(containerInstances.agentListener());
    ec2.addCpuLoadModel(
        new CpuLoadModel() {
          @Override
          public double averageCpu(Instance instance, long fromMillis, long toMillis) {
            return containerInstances.instanceCpu(instance, fromMillis, toMillis);
          }

          @Override
          public boolean sameForEveryInstance(long fromMillis, long toMillis) {
            return containerInstances.none(); // every instance gets 0
          }
        });
    kernel.every(Ecs.SCHEDULER_PERIOD, Phase.ACT, scheduler::tick);
    new EcsMetrics(kernel, cloudWatch, clusters, runtimes);
    kernel.run(() -> lifecycle.wireTargets(wiring.targetRegistration()));
  }
}

package io.github.cloudtwin.awssdk.internal.ecs;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations;
import io.github.cloudtwin.ecs.ContainerDefinition;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Tasks and container instances as the SDK models them (containers with their network bindings,
 * resources).
 */
final class TaskModels {

  private final CloudTwin twin;
  private final EcsOperations ops;

  TaskModels(CloudTwin twin, EcsOperations ops) {
    this.twin = twin;
    this.ops = ops;
  }

  /** The SDK model of a task. */
  Task task(io.github.cloudtwin.ecs.Task t) {
    io.github.cloudtwin.ecs.TaskDefinition td = t.taskDefinition();
    List<Container> containers = new ArrayList<>();
    for (ContainerDefinition c : td.containerDefinitions()) {
      List<NetworkBinding> bindings = new ArrayList<>();
      for (io.github.cloudtwin.ecs.PortMapping p : c.portMappings()) {
        int host = t.hostPorts().getOrDefault(c.name() + ":" + p.containerPort(), p.hostPort());
        bindings.add(
            NetworkBinding.builder()
                .containerPort(p.containerPort())
                .hostPort(host)
                .protocol("tcp")
                .build());
      }
      containers.add(
          Container.builder()
              .containerArn(
                  twin.arns()
                      .of(
                          "ecs",
                          "container/"
                              + t.clusterName()
                              + "/"
                              + t.taskId()
                              + "/"
                              + io.github.cloudtwin.awssdk.internal.operations.Ids.uuid(
                                  t.taskId() + "/" + c.name())))
              .taskArn(t.taskArn())
              .name(c.name())
              .image(c.image())
              .lastStatus(t.lastStatus().name())
              .networkBindings(bindings)
              .healthStatus(t.healthStatus().name())
              .build());
    }
    Task.Builder b =
        Task.builder()
            .taskArn(t.taskArn())
            .clusterArn(ops.cluster(t.clusterName()).clusterArn())
            .taskDefinitionArn(td.taskDefinitionArn())
            .lastStatus(t.lastStatus().name())
            .desiredStatus(t.desiredStatus().name())
            .healthStatus(t.healthStatus().name())
            .launchType(t.launchType().name())
            .availabilityZone(t.availabilityZone())
            .createdAt(t.createdAt())
            .startedAt(t.startedAt())
            .stoppingAt(t.stoppingAt())
            .stoppedAt(t.stoppedAt())
            .stoppedReason(t.stoppedReason())
            .group(t.group())
            .startedBy(t.startedBy())
            .capacityProviderName(t.capacityProviderName())
            .containers(containers)
            .cpu(Integer.toString(td.reservedCpu()))
            .memory(Integer.toString(td.reservedMemory()))
            .attachments(List.of())
            .attributes(List.of())
            .tags(List.of())
            .version(1L);
    if (t.containerInstance() != null)
      b.containerInstanceArn(t.containerInstance().containerInstanceArn());
    if (t.stopCode() != null) b.stopCode(t.stopCode().name());
    return b.build();
  }

  /** The SDK model of a container instance. */
  static ContainerInstance containerInstance(io.github.cloudtwin.ecs.ContainerInstance ci) {
    return ContainerInstance.builder()
        .containerInstanceArn(ci.containerInstanceArn())
        .ec2InstanceId(ci.ec2InstanceId())
        .capacityProviderName(ci.capacityProviderName())
        .version(1L)
        .status(ci.status().name())
        .agentConnected(ci.agentConnected())
        .runningTasksCount(ci.runningTasksCount())
        .pendingTasksCount(ci.pendingTasksCount())
        .registeredResources(resources(ci.registeredCpu(), ci.registeredMemory()))
        .remainingResources(resources(ci.remainingCpu(), ci.remainingMemory()))
        .attributes(
            ci.attributes().entrySet().stream()
                .map(
                    e ->
                        software.amazon.awssdk.services.ecs.model.Attribute.builder()
                            .name(e.getKey())
                            .value(e.getValue())
                            .build())
                .toList())
        .registeredAt(ci.registeredAt())
        .attachments(List.of())
        .tags(List.of())
        .build();
  }

  private static List<Resource> resources(int cpu, int memory) {
    return List.of(
        Resource.builder().name("CPU").type("INTEGER").integerValue(cpu).build(),
        Resource.builder().name("MEMORY").type("INTEGER").integerValue(memory).build());
  }
}

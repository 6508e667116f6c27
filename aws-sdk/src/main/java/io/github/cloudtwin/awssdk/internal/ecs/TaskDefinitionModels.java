package io.github.cloudtwin.awssdk.internal.ecs;

import static io.github.cloudtwin.awssdk.internal.ecs.EcsValues.invalid;

import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Task definitions, both ways: RegisterTaskDefinition's request as the twin's spec (containers, CPU
 * and memory units, network mode, compatibilities) and a task definition as the SDK models it.
 */
final class TaskDefinitionModels {

  private TaskDefinitionModels() {}

  /** RegisterTaskDefinition's request as the twin's spec. */
  static TaskDefinitionSpec spec(RegisterTaskDefinitionRequest r) {
    if (r.family() == null) throw invalid("Family can not be blank.");
    if (!r.hasContainerDefinitions() || r.containerDefinitions().isEmpty()) {
      throw AwsErrorException.badRequest("ClientException", "Container list cannot be empty.");
    }
    List<ContainerDefinition> containers = new ArrayList<>();
    for (software.amazon.awssdk.services.ecs.model.ContainerDefinition c :
        r.containerDefinitions()) {
      if (c.name() == null || c.image() == null) {
        throw AwsErrorException.badRequest(
            "ClientException",
            "Container.name and Container.image should not be null" + " or empty.");
      }
      ContainerDefinition.Builder b = ContainerDefinition.builder(c.name(), c.image());
      if (c.cpu() != null) b.cpu(c.cpu());
      if (c.memory() != null) b.memory(c.memory());
      if (c.memoryReservation() != null) b.memoryReservation(c.memoryReservation());
      if (c.essential() != null) b.essential(c.essential());
      if (c.hasPortMappings()) {
        for (PortMapping p : c.portMappings()) {
          if (p.hostPort() == null) b.portMapping(p.containerPort());
          else b.portMapping(p.containerPort(), p.hostPort());
        }
      }
      if (c.hasEnvironment())
        for (KeyValuePair kv : c.environment()) b.environment(kv.name(), kv.value());
      if (c.hasCommand() && !c.command().isEmpty()) b.command(c.command().toArray(String[]::new));
      if (c.healthCheck() != null) {
        var h = c.healthCheck();
        b.healthCheck(
            new io.github.cloudtwin.ecs.HealthCheck(
                h.command(),
                Duration.ofSeconds(h.interval() == null ? 30 : h.interval()),
                Duration.ofSeconds(h.timeout() == null ? 5 : h.timeout()),
                h.retries() == null ? 3 : h.retries(),
                Duration.ofSeconds(h.startPeriod() == null ? 0 : h.startPeriod())));
      }
      containers.add(b.build());
    }
    NetworkMode mode = NetworkMode.BRIDGE;
    if (r.networkModeAsString() != null) {
      mode = null;
      for (NetworkMode m : NetworkMode.values())
        if (m.awsName().equals(r.networkModeAsString())) mode = m;
      if (mode == null) throw invalid("Invalid networkMode " + r.networkModeAsString());
    }
    Set<LaunchType> compat = EnumSet.noneOf(LaunchType.class);
    if (r.hasRequiresCompatibilities()) {
      for (String c : r.requiresCompatibilitiesAsStrings()) {
        try {
          compat.add(LaunchType.valueOf(c));
        } catch (IllegalArgumentException e) {
          throw new UnsupportedOperationException(
              "RegisterTaskDefinition with requiresCompatibilities "
                  + c
                  + " is not simulated by CloudTwin (EC2 and FARGATE are)");
        }
      }
    }
    return new TaskDefinitionSpec(
        r.family(),
        units("cpu", r.cpu()),
        units("memory", r.memory()),
        mode,
        compat,
        containers,
        Duration.ofSeconds(30));
  }

  private static int units(String field, String value) {
    if (value == null) return 0;
    String v = value.trim().toUpperCase(Locale.ROOT);
    try {
      if (v.endsWith("VCPU"))
        return (int) Math.round(Double.parseDouble(v.replace("VCPU", "").trim()) * 1024);
      if (v.endsWith("GB"))
        return (int) Math.round(Double.parseDouble(v.replace("GB", "").trim()) * 1024);
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw AwsErrorException.badRequest(
          "ClientException", "Invalid '" + field + "' setting for task: " + value);
    }
  }

  /** The SDK model of a task definition. */
  static TaskDefinition taskDefinition(io.github.cloudtwin.ecs.TaskDefinition td) {
    TaskDefinitionSpec s = td.spec();
    List<software.amazon.awssdk.services.ecs.model.ContainerDefinition> cs = new ArrayList<>();
    for (ContainerDefinition c : s.containerDefinitions()) {
      software.amazon.awssdk.services.ecs.model.ContainerDefinition.Builder b =
          software.amazon.awssdk.services.ecs.model.ContainerDefinition.builder()
              .name(c.name())
              .image(c.image())
              .cpu(c.cpu())
              .essential(c.essential())
              .portMappings(
                  c.portMappings().stream()
                      .map(
                          p ->
                              PortMapping.builder()
                                  .containerPort(p.containerPort())
                                  .hostPort(p.hostPort())
                                  .protocol("tcp")
                                  .build())
                      .toList())
              .environment(
                  c.environment().entrySet().stream()
                      .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build())
                      .toList())
              .command(c.command());
      if (c.memory() > 0) b.memory(c.memory());
      if (c.memoryReservation() > 0) b.memoryReservation(c.memoryReservation());
      cs.add(b.build());
    }
    List<String> compat = s.requiresCompatibilities().stream().map(Enum::name).sorted().toList();
    TaskDefinition.Builder b =
        TaskDefinition.builder()
            .taskDefinitionArn(td.taskDefinitionArn())
            .family(td.family())
            .revision(td.revision())
            .status(td.status())
            .networkMode(s.networkMode().awsName())
            .containerDefinitions(cs)
            .volumes(List.of())
            .placementConstraints(List.of())
            .compatibilitiesWithStrings(
                s.requiresCompatibilities().contains(LaunchType.FARGATE)
                    ? List.of("EC2", "FARGATE")
                    : List.of("EC2"))
            .requiresCompatibilitiesWithStrings(compat);
    if (s.cpu() > 0) b.cpu(Integer.toString(s.cpu()));
    if (s.memory() > 0) b.memory(Integer.toString(s.memory()));
    return b.build();
  }
}

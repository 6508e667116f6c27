package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.HealthCheck;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.TaskDefinition;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * AWS::ECS::TaskDefinition: task size, network mode, compatibilities and containers with their
 * ports, environment, command and health check.
 */
final class TaskDefinitionResource {

  static final String TYPE = "AWS::ECS::TaskDefinition";

  /** What a service reads of its template's task definition. */
  record TaskDefinitionDetail(String familyRevision, NetworkMode networkMode) {}

  private TaskDefinitionResource() {}

  static final ResourceHandler HANDLER =
      r -> {
        Props p = r.props();
        String family = r.name(p.string("Family"), 255);
        TaskDefinitionSpec.Builder b = TaskDefinitionSpec.builder(family);
        Integer cpu = units(p, "Cpu", 1024);
        if (cpu != null) b.cpu(cpu);
        Integer memory = units(p, "Memory", 1024);
        if (memory != null) b.memory(memory);
        String mode = p.string("NetworkMode");
        if (mode != null) {
          NetworkMode nm = null;
          for (NetworkMode x : NetworkMode.values())
            if (x.toString().equals(mode) || x.name().equalsIgnoreCase(mode)) nm = x;
          if (nm == null) throw p.invalid("NetworkMode", mode, "bridge, host, awsvpc or none");
          b.networkMode(nm);
        }
        List<String> compat = p.strings("RequiresCompatibilities");
        if (compat != null) {
          List<LaunchType> types = new ArrayList<>();
          for (String c : compat) {
            if (!c.equals("EC2") && !c.equals("FARGATE"))
              throw p.invalid("RequiresCompatibilities", c, "EC2 or FARGATE");
            types.add(LaunchType.valueOf(c));
          }
          b.requiresCompatibilities(types.toArray(LaunchType[]::new));
        }
        List<Props> containers = p.children("ContainerDefinitions");
        if (containers.isEmpty()) throw p.missing("ContainerDefinitions");
        for (Props c : containers) b.container(container(c));
        TaskDefinitionSpec spec = b.build();
        return new Creation() {
          @Override
          public Outcome predict() {
            return outcome(r.arn("ecs", "task-definition/" + family + ":1"), family + ":1");
          }

          @Override
          public Outcome create(CloudTwin twin) {
            TaskDefinition td = twin.ecs().registerTaskDefinition(spec);
            return outcome(td.taskDefinitionArn(), td.familyRevision()).withView(td);
          }

          private Outcome outcome(String arn, String familyRevision) {
            return Outcome.of(arn)
                .attribute("TaskDefinitionArn", arn)
                .withDetail(new TaskDefinitionDetail(familyRevision, spec.networkMode()));
          }
        };
      };

  /** Task CPU or memory: units ("1024") or CloudFormation's words ("1 vCPU", "2 GB"). */
  private static @Nullable Integer units(Props p, String key, int perUnit) {
    Object v = p.raw(key);
    if (v == null) return null;
    String s = Values.text(v).trim();
    try {
      if (s.matches("(?i)[0-9.]+\\s*(vcpu|gb)"))
        return (int)
            Math.round(Double.parseDouble(s.replaceAll("(?i)\\s*(vcpu|gb)", "")) * perUnit);
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw p.invalid(key, s, "units such as 1024, or \"1 vCPU\" / \"2 GB\"");
    }
  }

  private static ContainerDefinition container(Props c) {
    ContainerDefinition.Builder b =
        ContainerDefinition.builder(c.requiredString("Name"), c.requiredString("Image"));
    Integer cpu = c.integer("Cpu");
    if (cpu != null) b.cpu(cpu);
    Integer memory = c.integer("Memory");
    if (memory != null) b.memory(memory);
    Integer reservation = c.integer("MemoryReservation");
    if (reservation != null) b.memoryReservation(reservation);
    for (Props m : c.children("PortMappings")) {
      int port = m.requiredInt("ContainerPort");
      Integer host = m.integer("HostPort");
      m.accept("Protocol");
      if (host != null) b.portMapping(port, host);
      else b.portMapping(port);
    }
    Boolean essential = c.bool("Essential");
    if (essential != null) b.essential(essential);
    for (Props e : c.children("Environment"))
      b.environment(e.requiredString("Name"), e.requiredString("Value"));
    List<String> command = c.strings("Command");
    if (command != null) b.command(command.toArray(String[]::new));
    Props hc = c.child("HealthCheck");
    if (hc != null) b.healthCheck(healthCheck(hc));
    return b.build();
  }

  /**
   * A container's HealthCheck with ECS's defaults (30 s, 5 s, 3 retries, no start period) and
   * limits.
   */
  private static HealthCheck healthCheck(Props hc) {
    List<String> command = hc.strings("Command");
    if (command == null) throw hc.missing("Command");
    Integer interval = hc.integer("Interval");
    Integer timeout = hc.integer("Timeout");
    Integer retries = hc.integer("Retries");
    Integer startPeriod = hc.integer("StartPeriod");
    try {
      return new HealthCheck(
          command,
          Duration.ofSeconds(interval == null ? 30 : interval),
          Duration.ofSeconds(timeout == null ? 5 : timeout),
          retries == null ? 3 : retries,
          Duration.ofSeconds(startPeriod == null ? 0 : startPeriod));
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      String f =
          e.field().substring(e.field().indexOf('.') + 1); // healthCheck.interval -> Interval
      throw hc.invalid(Character.toUpperCase(f.charAt(0)) + f.substring(1), e.value(), e.allowed());
    }
  }
}

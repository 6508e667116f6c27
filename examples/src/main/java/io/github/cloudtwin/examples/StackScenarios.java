package io.github.cloudtwin.examples;

import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudformation.Stack;
import io.github.cloudtwin.cloudformation.StackImport;
import io.github.cloudtwin.cloudformation.Template;
import io.github.cloudtwin.cloudformation.TemplateResolver;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.traffic.Workload;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The runner's scenarios on the user's own stack ({@code -Dtemplate=path}): the template is
 * imported into a fresh twin, traffic is offered to its first load balancer (100 requests per
 * second per instance of its groups' desired capacity), and the story happens to its groups.
 */
final class StackScenarios {

  private StackScenarios() {}

  /** A stack imported into its own twin. */
  record Imported(CloudTwin twin, Stack stack) {}

  /** The scenarios that run on an imported stack, by name. */
  static Map<String, BiFunction<PrintStream, Imported, CloudTwin>> scenarios() {
    Map<String, BiFunction<PrintStream, Imported, CloudTwin>> m = new TreeMap<>();
    m.put("zone-outage", StackScenarios::zoneOutage);
    m.put("spike", StackScenarios::spike);
    return m;
  }

  /**
   * Imports {@code template} (a file, else a classpath resource) with {@code parameters} ({@code
   * Key=Value;...}) and {@code ssm} values ({@code /name=value;...}) into a twin of {@code seed}.
   */
  static Imported importStack(long seed, String template, String parameters, String ssm) {
    Path file = Path.of(template);
    Template t;
    TemplateResolver nested;
    if (Files.isRegularFile(file)) {
      t = Template.load(file);
      nested = TemplateResolver.directory(file.toAbsolutePath().getParent());
    } else {
      try {
        t = Template.classpath(template);
      } catch (UncheckedIOException e) {
        throw new IllegalArgumentException(
            "-Dtemplate=" + template + ": no such file (nor classpath resource)", e);
      }
      int slash = template.lastIndexOf('/');
      nested = TemplateResolver.classpath(slash < 0 ? "" : template.substring(0, slash));
    }
    StackImport.Builder b = StackImport.of(t).parameters(parameters).templateResolver(nested);
    for (String pair : ssm.split(";")) {
      if (pair.isBlank()) continue;
      int eq = pair.lastIndexOf('=');
      if (eq <= 0)
        throw new IllegalArgumentException("-Dssm=" + ssm + ": write /name=value;/other=value");
      b.ssmParameter(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    CloudTwin twin = CloudTwin.builder().seed(seed).build();
    try {
      return new Imported(twin, b.importInto(twin));
    } catch (RuntimeException e) {
      twin.close();
      throw e;
    }
  }

  private static LoadBalancer loadBalancer(Stack stack) {
    for (String id : stack.logicalIds()) {
      if (stack.resource(id).twinResource() instanceof LoadBalancer lb) return lb;
    }
    throw new IllegalArgumentException(
        "stack "
            + stack.stackName()
            + " has no load balancer the twin simulates: "
            + "the scenarios offer traffic to one");
  }

  private static List<AutoScalingGroup> groups(Stack stack) {
    return stack.logicalIds().stream()
        .filter(id -> stack.resource(id).twinResource() instanceof AutoScalingGroup)
        .map(stack::autoScalingGroup)
        .toList();
  }

  private static double baseRate(List<AutoScalingGroup> groups) {
    return 100.0 * Math.max(1, groups.stream().mapToInt(AutoScalingGroup::desiredCapacity).sum());
  }

  private static void print(
      PrintStream out, CloudTwin twin, List<AutoScalingGroup> groups, String extra) {
    StringBuilder sb = new StringBuilder();
    for (AutoScalingGroup g : groups) {
      sb.append(
          String.format(
              "  %s desired %d in service %d %s",
              g.name(), g.desiredCapacity(), g.inServiceCount(), g.inServiceCountByZone()));
    }
    out.printf(
        "%s%s%s%n", io.github.cloudtwin.kernel.TimelineFormat.offset(twin.elapsed()), extra, sb);
  }

  /** The first zone fails from minute 5 for 30 minutes under steady traffic. */
  static CloudTwin zoneOutage(PrintStream out, Imported imported) {
    CloudTwin twin = imported.twin();
    Stack stack = imported.stack();
    LoadBalancer lb = loadBalancer(stack);
    List<AutoScalingGroup> groups = groups(stack);
    String zone = twin.config().zoneNames().get(0);
    twin.traffic().apply(lb.name(), Workload.constant(baseRate(groups)));
    twin.faults().zoneOutage(zone, ofMinutes(5), ofMinutes(30));
    for (int minute = 5; minute <= 60; minute += 5) {
      twin.advance(ofMinutes(5));
      print(out, twin, groups, "  " + zone + " " + twin.ec2().zoneState(zone));
    }
    return twin;
  }

  /** Traffic triples at minute 10 for 20 minutes. */
  static CloudTwin spike(PrintStream out, Imported imported) {
    CloudTwin twin = imported.twin();
    Stack stack = imported.stack();
    LoadBalancer lb = loadBalancer(stack);
    List<AutoScalingGroup> groups = groups(stack);
    double base = baseRate(groups);
    twin.traffic().apply(lb.name(), Workload.spike(base, 3 * base, ofMinutes(10), ofMinutes(20)));
    for (int minute = 5; minute <= 60; minute += 5) {
      twin.advance(ofMinutes(5));
      print(out, twin, groups, "");
    }
    return twin;
  }
}

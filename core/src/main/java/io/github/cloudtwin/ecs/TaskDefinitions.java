package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task definition registry: families and their revisions ({@code RegisterTaskDefinition},
 * {@code DescribeTaskDefinition}, {@code DeregisterTaskDefinition}).
 */
final class TaskDefinitions {

  private final Kernel kernel;
  private final Map<String, List<TaskDefinition>> families = new LinkedHashMap<>();

  TaskDefinitions(Kernel kernel) {
    this.kernel = kernel;
  }

  /** Registers a new revision of the family; see {@link Ecs#registerTaskDefinition}. */
  TaskDefinition register(TaskDefinitionSpec spec) {
    Require.notNull("taskDefinition", spec);
    return kernel.call(
        () -> {
          List<TaskDefinition> revs =
              families.computeIfAbsent(spec.family(), f -> new ArrayList<>());
          TaskDefinition td = new TaskDefinition(spec, revs.size() + 1, kernel.arns());
          revs.add(td);
          kernel.timeline().record(new EcsFact.TaskDefinitionRegistered(td.familyRevision()));
          return td;
        });
  }

  /** The revision named, or the latest ACTIVE one of a family; see {@link Ecs#taskDefinition}. */
  TaskDefinition resolve(String familyOrFamilyRevision) {
    Require.name("taskDefinition", familyOrFamilyRevision);
    return kernel.call(
        () -> {
          String ref = familyOrFamilyRevision;
          int slash = ref.lastIndexOf('/');
          if (ref.startsWith("arn:") && slash >= 0) ref = ref.substring(slash + 1);
          int colon = ref.lastIndexOf(':');
          List<TaskDefinition> revs = families.get(colon < 0 ? ref : ref.substring(0, colon));
          if (revs != null) {
            if (colon < 0) {
              for (int i = revs.size() - 1; i >= 0; i--)
                if (revs.get(i).status().equals("ACTIVE")) return revs.get(i);
            } else {
              try {
                int rev = Integer.parseInt(ref.substring(colon + 1));
                if (rev >= 1 && rev <= revs.size()) return revs.get(rev - 1);
              } catch (NumberFormatException e) {
                // fall through
              }
            }
          }
          throw new ValidationException(
              "taskDefinition",
              familyOrFamilyRevision,
              "a registered task definition (family or family:revision)",
              "Unable to describe task definition.");
        });
  }

  /** Marks {@code family:revision} INACTIVE; see {@link Ecs#deregisterTaskDefinition}. */
  void deregister(String familyRevision) {
    TaskDefinition td = resolve(familyRevision);
    if (!familyRevision.contains(":")) {
      throw new ValidationException("taskDefinition", familyRevision, "family:revision");
    }
    kernel.run(
        () -> {
          td.deactivate();
          kernel.timeline().record(new EcsFact.TaskDefinitionDeregistered(td.familyRevision()));
        });
  }
}

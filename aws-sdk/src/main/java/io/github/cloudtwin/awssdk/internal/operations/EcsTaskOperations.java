package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.invalid;
import static io.github.cloudtwin.awssdk.internal.operations.EcsLookup.lastSegment;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Described;
import io.github.cloudtwin.awssdk.internal.operations.EcsOperations.Failure;
import io.github.cloudtwin.ecs.Cluster;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.LaunchType;
import io.github.cloudtwin.ecs.RunTaskResult;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinition;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ECS's task operations: RunTask, StartTask, StopTask, DescribeTasks and ListTasks. */
final class EcsTaskOperations {

  private final CloudTwin twin;
  private final Ecs ecs;
  private final EcsLookup lookup;
  private final Pagination pages;

  EcsTaskOperations(CloudTwin twin, EcsLookup lookup, Pagination pages) {
    this.twin = twin;
    this.ecs = twin.ecs();
    this.lookup = lookup;
    this.pages = pages;
  }

  RunTaskResult runTask(
      String cluster, String taskDefinition, Integer count, @Nullable LaunchType launchType) {
    Cluster c = lookup.cluster(cluster);
    TaskDefinition td = lookup.taskDefinition(taskDefinition);
    int n = count == null ? 1 : count;
    if (n < 1 || n > 10) throw invalid("Count must be between 1 and 10.");
    if (launchType == null) {
      // core refuses a missing launch type: the same answer, without handing it null
      throw invalid(
          new ValidationException("launchType", null, "a value is required").getMessage());
    }
    try {
      return ecs.runTask(c.clusterName(), td.familyRevision(), n, launchType);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  io.github.cloudtwin.ecs.StartTaskResult startTask(
      String cluster,
      String taskDefinition,
      @Nullable List<String> containerInstances,
      String group) {
    Cluster c = lookup.cluster(cluster);
    TaskDefinition td = lookup.taskDefinition(taskDefinition);
    if (containerInstances == null || containerInstances.isEmpty())
      throw invalid("Container instances can not be empty.");
    if (containerInstances.size() > 10)
      throw invalid("Container instances cannot contain more than 10 elements.");
    List<String> ids = new ArrayList<>();
    for (String ref : containerInstances)
      ids.add(lookup.containerInstance(c.clusterName(), ref).containerInstanceId());
    try {
      return ecs.startTask(c.clusterName(), td.familyRevision(), ids, group);
    } catch (ValidationException e) {
      throw invalid(e.getMessage());
    }
  }

  /** The task by id or ARN in the cluster, or InvalidParameterException. */
  Task task(String cluster, String ref) {
    Cluster c = lookup.cluster(cluster);
    if (ref == null) throw invalid("task can not be blank.");
    Task t = findTask(c, lastSegment(ref));
    if (t == null) throw invalid("The referenced task was not found.");
    return t;
  }

  Task stopTask(String cluster, String ref, String reason) {
    Task t = task(cluster, ref);
    ecs.stopTask(t.clusterName(), t.taskId(), reason == null ? "Task stopped by user" : reason);
    return t;
  }

  Described<Task> describeTasks(String cluster, @Nullable List<String> refs) {
    Cluster c = lookup.cluster(cluster);
    if (refs == null || refs.isEmpty()) throw invalid("Tasks cannot be empty.");
    if (refs.size() > 100) throw invalid("Tasks cannot contain more than 100 elements.");
    List<Task> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String ref : refs) {
      String id = lastSegment(ref);
      Task t = findTask(c, id);
      if (t != null) found.add(t);
      else
        failures.add(
            new Failure(
                ref.startsWith("arn:")
                    ? ref
                    : twin.arns().of("ecs", "task/" + c.clusterName() + "/" + id),
                "MISSING",
                null));
    }
    return new Described<>(found, failures);
  }

  Page<String> listTasks(
      String cluster,
      String serviceName,
      String family,
      String containerInstance,
      String startedBy,
      String desiredStatus,
      @Nullable String nextToken,
      @Nullable Integer maxResults) {
    Cluster c = lookup.cluster(cluster);
    if (serviceName != null) lookup.service(c.clusterName(), serviceName);
    String wantedStatus = desiredStatus == null ? "RUNNING" : desiredStatus;
    if (!List.of("RUNNING", "PENDING", "STOPPED").contains(wantedStatus)) {
      throw invalid("desiredStatus must be RUNNING, PENDING or STOPPED.");
    }
    List<String> arns = new ArrayList<>();
    for (Task t : ecs.tasks(c.clusterName())) {
      if (serviceName != null && !lastSegment(serviceName).equals(t.serviceName())) continue;
      if (family != null && !t.taskDefinition().family().equals(family)) continue;
      if (containerInstance != null
          && (t.containerInstance() == null
              || !t.containerInstance()
                  .containerInstanceId()
                  .equals(lastSegment(containerInstance)))) {
        continue;
      }
      if (startedBy != null && !startedBy.equals(t.startedBy())) continue;
      String desired = t.desiredStatus().name();
      if (!(wantedStatus.equals("STOPPED")
          ? desired.equals("STOPPED")
          : !desired.equals("STOPPED"))) continue;
      arns.add(t.taskArn());
    }
    return pages.page("ListTasks", arns, nextToken, maxResults, 100, 100, "maxResults");
  }

  /** The task of the cluster by id, stopped ones included, or null. */
  private @Nullable Task findTask(Cluster c, String id) {
    try {
      Task t = ecs.task(id);
      return t.clusterName().equals(c.clusterName()) ? t : null;
    } catch (ValidationException e) {
      return null;
    }
  }
}

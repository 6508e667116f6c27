package io.github.cloudtwin.ecs;

import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.TargetRegistration;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Load-balancer registration of service tasks: the {@link TargetRegistration} wired in (none until
 * the twin wires load balancing), each task's registrations in its service's target groups, the
 * index from target to tasks that routes target health back, and the service events of registration
 * and deregistration(). Guarded by the kernel lock.
 */
final class TaskTargets {

  /** One target registration of a task. */
  record Registration(String targetGroup, String targetId, int port) {
    String key() {
      return targetGroup + "|" + targetId;
    }
  }

  private final Kernel kernel;
  private final ServiceEventLog events;
  private final Map<String, List<Task>> byTarget = new HashMap<>();
  private @Nullable TargetRegistration registration;

  TaskTargets(Kernel kernel, ServiceEventLog events) {
    this.kernel = kernel;
    this.events = events;
  }

  /** Wires in the load-balancing service (the twin does this once). */
  private TargetRegistration registration() {
    return Objects.requireNonNull(registration, "load balancing is wired in");
  }

  void wire(TargetRegistration registration) {
    this.registration = registration;
  }

  /** {@return whether load balancing is wired in} */
  boolean wired() {
    return registration != null;
  }

  /** {@return the target type of a target group ({@code instance} or {@code ip})} */
  String targetType(String targetGroup) {
    return registration().targetType(targetGroup);
  }

  /** {@return the ARN of a target group} */
  String targetGroupArn(String targetGroup) {
    return registration().targetGroupArn(targetGroup);
  }

  /** {@return why the target is unhealthy in the group, or null} */
  @Nullable String unhealthyReason(String targetGroup, String targetId) {
    return registration().unhealthyReason(targetGroup, targetId);
  }

  /** Registers a RUNNING service task in each of its service's target groups. */
  void register(Task t) {
    if (t.service == null || registration == null) return;
    for (ServiceLoadBalancer lb : t.service.spec().loadBalancers()) {
      Registration r;
      if (t.taskDefinition().networkMode() == NetworkMode.AWSVPC) {
        r =
            new Registration(
                lb.targetGroupName(),
                Objects.requireNonNull(t.privateIpv4Address(), "a RUNNING awsvpc task has its IP"),
                lb.containerPort());
      } else {
        r =
            new Registration(
                lb.targetGroupName(),
                Objects.requireNonNull(t.ec2InstanceId(), "a RUNNING EC2 task has its instance"),
                t.hostPort(lb.containerName(), lb.containerPort()));
      }
      t.registrations.add(r);
      byTarget.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(t);
      registration()
          .register(
              r.targetGroup(),
              r.targetId(),
              r.port(),
              Objects.requireNonNull(t.availabilityZone(), "a RUNNING task is placed in a zone"));
      events.registered(
          t.service, registration().targetGroupArn(r.targetGroup()), r.targetId() + ":" + r.port());
      kernel
          .timeline()
          .record(
              new EcsFact.TaskTargetRegistered(
                  t.taskId(), r.targetId(), r.port(), r.targetGroup()));
    }
  }

  /** {@return the tasks registered as {@code targetId} in {@code targetGroup} (a copy), or null} */
  @Nullable List<Task> tasksAt(String targetGroup, String targetId) {
    List<Task> ts = byTarget.get(targetGroup + "|" + targetId);
    return ts == null ? null : List.copyOf(ts);
  }

  /** {@return whether {@code t} is healthy in every target group it is registered in} */
  boolean healthyInAll(Task t) {
    for (Registration r : t.registrations) {
      if (!registration().isHealthy(r.targetGroup(), r.targetId(), r.port())) return false;
    }
    return true;
  }

  /**
   * Deregisters a stopping task from every target group.
   *
   * @return the longest deregistration delay of its target groups: how long it drains
   */
  Duration deregisterToDrain(Task t) {
    Duration drain = Duration.ZERO;
    for (Registration r : t.registrations) {
      registration().deregister(r.targetGroup(), r.targetId(), r.port());
      deregistered(t, r);
      unindex(r, t);
      Duration d = registration().deregistrationDelay(r.targetGroup());
      if (d.compareTo(drain) > 0) drain = d;
    }
    return drain;
  }

  /** Deregisters a task whose host is gone, without draining. */
  void deregisterLost(Task t) {
    for (Registration r : t.registrations) {
      if (unindex(r, t)) {
        registration().deregister(r.targetGroup(), r.targetId(), r.port());
        deregistered(t, r);
      }
    }
  }

  /** Forgets a STOPPED task's registrations in the index. */
  void forget(Task t) {
    for (Registration r : t.registrations) unindex(r, t);
  }

  private void deregistered(Task t, Registration r) {
    if (t.service != null)
      events.deregistered(
          t.service, registration().targetGroupArn(r.targetGroup()), r.targetId() + ":" + r.port());
  }

  private boolean unindex(Registration r, Task t) {
    List<Task> ts = byTarget.get(r.key());
    if (ts == null || !ts.remove(t)) return false;
    if (ts.isEmpty()) byTarget.remove(r.key());
    return true;
  }
}

package io.github.cloudtwin.ecs;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.EcsFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Container instances, the agent on each EC2 instance: registration (by hand or for the instances
 * of a linked Auto Scaling group), attributes, ACTIVE / DRAINING / INACTIVE, the agent's reaction
 * to its instance stopping, terminating or becoming unreachable ({@link #agentListener()}), and the
 * CPU its tasks put on the instance ({@link #instanceCpu}).
 */
final class ContainerInstances {

  private final Kernel kernel;
  private final Ec2 ec2;
  private final ClusterRegistry clusters;
  private final EcsIds ids;
  private final TaskRuntimes runtimes;
  private final TaskLifecycle lifecycle;
  private final ServiceScheduler scheduler;
  private final CapacityProviders capacityProviders;

  ContainerInstances(
      Kernel kernel,
      Ec2 ec2,
      ClusterRegistry clusters,
      EcsIds ids,
      TaskRuntimes runtimes,
      TaskLifecycle lifecycle,
      ServiceScheduler scheduler,
      CapacityProviders capacityProviders) {
    this.kernel = kernel;
    this.ec2 = ec2;
    this.clusters = clusters;
    this.ids = ids;
    this.runtimes = runtimes;
    this.lifecycle = lifecycle;
    this.scheduler = scheduler;
    this.capacityProviders = capacityProviders;
  }

  /**
   * Links a group to a cluster and registers its running instances; see {@link
   * Ecs#linkAutoScalingGroup}.
   */
  void linkAutoScalingGroup(String cluster, String autoScalingGroupName) {
    Cluster c = clusters.active(cluster);
    Require.name("autoScalingGroupName", autoScalingGroupName);
    kernel.run(
        () -> {
          for (Cluster other : clusters.all()) {
            if (other != c && other.linkedGroups.contains(autoScalingGroupName)) {
              throw new ValidationException(
                  "autoScalingGroupName",
                  autoScalingGroupName,
                  "a group not linked to another cluster (" + other.clusterName() + ")");
            }
          }
          synchronized (c.linkedGroups) {
            c.linkedGroups.add(autoScalingGroupName);
          }
          for (Instance i : ec2.instances(InstanceState.RUNNING)) {
            if (autoScalingGroupName.equals(i.tags().get(Ec2.GROUP_TAG))
                && find(i.instanceId()) == null) {
              register(c, i, Map.of());
            }
          }
        });
  }

  /**
   * Registers a running instance's agent; see {@link Ecs#registerContainerInstance(String, String,
   * Map)}.
   */
  ContainerInstance register(String cluster, String instanceId, Map<String, String> attributes) {
    Cluster c = clusters.active(cluster);
    Instance i = ec2.instance(instanceId);
    Require.notNull("attributes", attributes);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      Require.name("attributes.name", e.getKey());
      Require.name("attributes.value", e.getValue());
      if (e.getKey().startsWith("ecs.")) {
        throw new ValidationException(
            "attributes.name", e.getKey(), "a custom name (the ecs. prefix is reserved)");
      }
    }
    return kernel.call(
        () -> {
          if (i.state() != InstanceState.RUNNING) {
            throw new ValidationException(
                "instanceId", instanceId, "a running instance (it is " + i.state() + ")");
          }
          ContainerInstance existing = find(instanceId);
          if (existing != null) {
            throw new ValidationException(
                "instanceId",
                instanceId,
                "an instance not yet registered (it is "
                    + existing.containerInstanceId()
                    + " in "
                    + existing.clusterName()
                    + ")");
          }
          return register(c, i, attributes);
        });
  }

  private ContainerInstance register(Cluster c, Instance i, Map<String, String> attributes) {
    String id = ids.hex32();
    ContainerInstance ci =
        new ContainerInstance(
            id, kernel.arns(), c.clusterName(), i, attributes, kernel.clock().now());
    ci.capacityProviderName = capacityProviders.providerOf(c, i);
    synchronized (c.containerInstances) {
      c.containerInstances.put(id, ci);
      c.byEc2Id.put(i.instanceId(), ci);
    }
    long ev =
        kernel
            .timeline()
            .record(
                new EcsFact.ContainerInstanceRegistered(
                    id,
                    c.clusterName(),
                    i.instanceId(),
                    i.instanceType().name(),
                    i.availabilityZone(),
                    ci.registeredCpu(),
                    ci.registeredMemory()));
    kernel.runWithCause(
        ev,
        () -> {
          capacityProviders.instanceRegistered(c, ci);
          scheduler.requestAll(c);
        });
    return ci;
  }

  /** The live (not INACTIVE) container instance on that EC2 instance, in any cluster, or null. */
  @Nullable ContainerInstance find(String ec2InstanceId) {
    for (Cluster c : clusters.all()) {
      ContainerInstance ci = c.byEc2Id.get(ec2InstanceId);
      if (ci != null && ci.status() != ContainerInstanceStatus.INACTIVE) return ci;
    }
    return null;
  }

  /**
   * The container instance with that id (or EC2 instance id) in the cluster; see {@link
   * Ecs#containerInstance}.
   */
  ContainerInstance containerInstance(String cluster, String id) {
    Cluster c = clusters.active(cluster);
    Require.name("containerInstance", id);
    return kernel.call(
        () -> {
          ContainerInstance ci = c.containerInstances.get(id);
          if (ci == null) ci = c.byEc2Id.get(id);
          if (ci == null) {
            throw new ValidationException(
                "containerInstance", id, "a container instance of cluster " + cluster);
          }
          return ci;
        });
  }

  /** Sets or deletes a custom attribute; see {@link Ecs#putAttribute}. */
  void putAttribute(String cluster, String containerInstance, String name, String value) {
    ContainerInstance ci = containerInstance(cluster, containerInstance);
    Require.name("attributes.name", name);
    if (name.startsWith("ecs.")) {
      throw new ValidationException(
          "attributes.name", name, "a custom name (the ecs. prefix is reserved)");
    }
    kernel.run(
        () -> {
          ci.putAttribute(name, value);
          scheduler.requestAll(clusters.active(cluster));
        });
  }

  /**
   * Sets a container instance ACTIVE or DRAINING; see {@link Ecs#updateContainerInstancesState}.
   */
  void updateState(String cluster, String containerInstance, ContainerInstanceStatus status) {
    ContainerInstance ci = containerInstance(cluster, containerInstance);
    Require.notNull("status", status);
    if (status == ContainerInstanceStatus.INACTIVE) {
      throw new ValidationException("status", status, "ACTIVE or DRAINING");
    }
    kernel.run(
        () -> {
          if (ci.status() == status || ci.status() == ContainerInstanceStatus.INACTIVE) return;
          ContainerInstanceStatus from = ci.status();
          ci.status(status);
          long ev =
              kernel
                  .timeline()
                  .record(
                      new EcsFact.ContainerInstanceStatusChanged(
                          ci.containerInstanceId(), from, status));
          kernel.runWithCause(
              ev,
              () -> {
                if (status == ContainerInstanceStatus.DRAINING) {
                  for (Task t : ci.taskList()) {
                    if (t.service != null
                        && t.desiredStatus() == TaskStatus.RUNNING
                        && t.lastStatus().compareTo(TaskStatus.RUNNING) < 0) {
                      lifecycle.stop(
                          t, StopCode.ServiceSchedulerInitiated, "Container instance is draining");
                    }
                  }
                }
                scheduler.requestAll(clusters.active(cluster));
              });
        });
  }

  /** Deregisters a container instance; see {@link Ecs#deregisterContainerInstance}. */
  void deregister(String cluster, String containerInstance, boolean force) {
    ContainerInstance ci = containerInstance(cluster, containerInstance);
    kernel.run(
        () -> {
          if (!ci.tasks().isEmpty() && !force) {
            throw new ValidationException(
                "force",
                false,
                "true: the container instance still has " + ci.tasks().size() + " tasks");
          }
          deregister(
              ci, "Container instance deregistration forced by user", StopCode.UserInitiated);
        });
  }

  private void deregister(ContainerInstance ci, String reason, StopCode code) {
    if (ci.status() == ContainerInstanceStatus.INACTIVE) return;
    ContainerInstanceStatus from = ci.status();
    ci.status(ContainerInstanceStatus.INACTIVE);
    long ev =
        kernel
            .timeline()
            .record(
                new EcsFact.ContainerInstanceStatusChanged(
                    ci.containerInstanceId(), from, ContainerInstanceStatus.INACTIVE));
    kernel.runWithCause(
        ev,
        () -> {
          for (Task t : ci.taskList()) {
            if (t.lastStatus() != TaskStatus.STOPPED) lifecycle.lose(t, code, reason);
          }
          capacityProviders.instanceGone(ci);
          scheduler.requestAll(clusters.get(ci.clusterName()));
        });
  }

  /** {@return the listener through which the agents react to their EC2 instances} */
  InstanceListener agentListener() {
    return new AgentListener();
  }

  /** Reacts to EC2: agents register, disconnect, reconnect, and instances are lost. */
  private final class AgentListener implements InstanceListener {
    @Override
    public void stateChanged(Instance i, InstanceState from) {
      ContainerInstance ci = find(i.instanceId());
      InstanceState s = i.state();
      if (ci == null) {
        if (s == InstanceState.RUNNING) {
          String group = i.tags().get(Ec2.GROUP_TAG);
          if (group != null) {
            for (Cluster c : clusters.all()) {
              if (c.linkedGroups.contains(group)) {
                register(c, i, Map.of());
                break;
              }
            }
          }
        }
        return;
      }
      String reason = "Host EC2 (instance " + i.instanceId() + ") stopped/terminated";
      switch (s) {
        case RUNNING:
          ci.agentConnected(true);
          kernel
              .timeline()
              .record(new EcsFact.ContainerAgentChanged(ci.containerInstanceId(), true));
          scheduler.requestAll(clusters.get(ci.clusterName()));
          break;
        case SHUTTING_DOWN:
        case TERMINATED:
          // The agent is still connected while the instance shuts down: it deregisters itself.
          deregister(ci, reason, StopCode.TerminationNotice);
          break;
        case STOPPING:
        case STOPPED:
          if (ci.agentConnected()) {
            ci.agentConnected(false);
            kernel
                .timeline()
                .record(new EcsFact.ContainerAgentChanged(ci.containerInstanceId(), false));
          }
          for (Task t : ci.taskList()) {
            if (t.lastStatus() != TaskStatus.STOPPED)
              lifecycle.lose(t, StopCode.TerminationNotice, reason);
          }
          scheduler.requestAll(clusters.get(ci.clusterName()));
          break;
        default:
          break;
      }
    }

    @Override
    public void reachabilityChanged(Instance i, boolean reachable) {
      ContainerInstance ci = find(i.instanceId());
      if (ci == null || i.state() != InstanceState.RUNNING) return;
      if (ci.agentConnected() != reachable) {
        ci.agentConnected(reachable);
        kernel
            .timeline()
            .record(new EcsFact.ContainerAgentChanged(ci.containerInstanceId(), reachable));
      }
      for (Task t : ci.taskList()) {
        if (t.lastStatus() != TaskStatus.STOPPED) lifecycle.setPaused(t, !reachable);
      }
      scheduler.requestAll(clusters.get(ci.clusterName()));
    }
  }

  /**
   * The CPU utilization (percent) that the tasks on EC2 instance {@code i} cause over {@code [from,
   * to)}.
   */
  /** Whether no EC2 instance is a container instance: {@link #instanceCpu} is 0 for every one. */
  boolean none() {
    for (Cluster c : clusters.all()) {
      if (!c.byEc2Id.isEmpty()) return false;
    }
    return true;
  }

  double instanceCpu(Instance i, long from, long to) {
    ContainerInstance ci = find(i.instanceId());
    if (ci == null) return 0;
    double units = 0;
    for (Task t : ci.taskList()) {
      units += runtimes.current().cpuUnitsUsed(t, from, to);
    }
    return 100.0 * units / ci.registeredCpu();
  }
}

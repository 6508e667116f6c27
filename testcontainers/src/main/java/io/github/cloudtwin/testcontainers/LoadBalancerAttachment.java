package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.NetworkMode;
import io.github.cloudtwin.ecs.ServiceLoadBalancer;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetDescription;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes a running awsvpc service task's load-balancer target its container: the target gets the
 * container's published address, so the twin's HTTP listener proxies to it and health checks are
 * real requests to it. Runs on the simulation thread.
 */
final class LoadBalancerAttachment {

  private final CloudTwin twin;
  private final HttpClient http;
  private final Duration requestTimeout;

  LoadBalancerAttachment(CloudTwin twin, HttpClient http, Duration requestTimeout) {
    this.twin = twin;
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  /** {@return the first load balancer of the task's service, or null (no service, none)} */
  @Nullable ServiceLoadBalancer firstLoadBalancer(Task task) {
    if (task.serviceName() == null) return null;
    EcsService s = twin.ecs().service(task.clusterName(), task.serviceName());
    List<ServiceLoadBalancer> lbs = s.spec().loadBalancers();
    return lbs.isEmpty() ? null : lbs.get(0);
  }

  /** Gives the task's load-balancer target the container's real address (awsvpc tasks). */
  void attach(Task task, TaskContainers tc) {
    if (tc.stopped
        || task.lastStatus() != TaskStatus.RUNNING
        || task.taskDefinition().networkMode() != NetworkMode.AWSVPC) return;
    if (task.serviceName() == null) return;
    LoadBalancing elb = twin.loadBalancing();
    String ip = task.privateIpv4Address();
    for (ServiceLoadBalancer lb :
        twin.ecs().service(task.clusterName(), task.serviceName()).spec().loadBalancers()) {
      ContainerHandle h = tc.running.get(lb.containerName());
      String zone = task.availabilityZone();
      if (h == null || ip == null || zone == null || !elb.target(ip).isRegistered()) continue;
      URI endpoint = h.httpAddress(lb.containerPort());
      // registering again is a no-op for the registration; it gives the target its real address
      elb.registerTargets(
          lb.targetGroupName(),
          TargetDescription.ip(ip, zone).withPort(lb.containerPort()).withEndpoint(endpoint));
      elb.target(ip).setBehavior(new ContainerTarget(endpoint, http, requestTimeout));
      twin.timeline()
          .record(
              "task/" + task.taskId(),
              "container-target",
              "target "
                  + ip
                  + ":"
                  + lb.containerPort()
                  + " is container "
                  + h.name()
                  + " at "
                  + endpoint);
      return; // one address per target id: the first load balancer's container port
    }
  }
}

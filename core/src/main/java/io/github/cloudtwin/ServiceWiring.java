package io.github.cloudtwin;

import io.github.cloudtwin.autoscaling.LoadBalancerTargets;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerType;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetDescription;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.internal.GroupIndex;
import io.github.cloudtwin.internal.InjectionTargets;
import io.github.cloudtwin.internal.InstanceIndex;
import io.github.cloudtwin.internal.LoadBalancerTraffic;
import io.github.cloudtwin.internal.TargetRegistration;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one place where services are connected through the narrow interfaces each needs: an Auto
 * Scaling group sees a target group as {@link LoadBalancerTargets}.
 */
final class ServiceWiring {

  private ServiceWiring() {}

  /**
   * Injections may name the instances EC2 launched and the groups Auto Scaling or an instance
   * names; both are looked up in their service's own index ({@link InstanceIndex}, {@link
   * GroupIndex}), not scanned. EC2 and Auto Scaling must be assembled first: they offer the
   * indexes.
   */
  static void connectInjectionTargets(Wiring wiring) {
    InstanceIndex instances = wiring.instanceIndex();
    GroupIndex groups = wiring.groupIndex();
    wiring.injectionTargets(
        new InjectionTargets() {
          @Override
          public boolean instanceExists(String instanceId) {
            return instances.launched(instanceId);
          }

          @Override
          public boolean groupExists(String groupName) {
            return instances.tagged(groupName) || groups.exists(groupName);
          }
        });
  }

  /**
   * Auto Scaling sees Classic Load Balancers and target groups by name; {@code targetGroups}, when
   * given ({@code CloudTwin.Builder.targetGroups}), replaces the target groups.
   */
  static void connect(
      Wiring wiring,
      LoadBalancing loadBalancing,
      @Nullable Function<String, LoadBalancerTargets> targetGroups) {
    wiring.loadBalancers(
        name -> {
          LoadBalancer lb;
          try {
            lb = loadBalancing.loadBalancer(name);
          } catch (ValidationException e) {
            lb = null;
          }
          if (lb == null || lb.type() != LoadBalancerType.CLASSIC) {
            throw new ValidationException(
                "LoadBalancerNames",
                name,
                "the name of a Classic Load Balancer "
                    + loadBalancing.loadBalancers().stream()
                        .filter(l -> l.type() == LoadBalancerType.CLASSIC)
                        .map(LoadBalancer::name)
                        .toList());
          }
          LoadBalancer classic = lb;
          return new LoadBalancerTargets() {
            @Override
            public String name() {
              return classic.name();
            }

            @Override
            public void register(String instanceId) {
              classic.register(instanceId);
            }

            @Override
            public void deregister(String instanceId, Runnable drained) {
              classic.deregister(instanceId, drained);
            }

            @Override
            public boolean isUnhealthy(String instanceId) {
              return classic.isUnhealthy(instanceId);
            }
          };
        });
    if (targetGroups != null) {
      wiring.targetGroups(targetGroups);
      return;
    }
    wiring.targetGroups(
        name -> {
          TargetGroup tg;
          try {
            tg = loadBalancing.targetGroup(name);
          } catch (ValidationException e) {
            throw new ValidationException(
                "TargetGroupARNs",
                name,
                "an existing target group "
                    + loadBalancing.targetGroups().stream().map(TargetGroup::name).toList());
          }
          return new LoadBalancerTargets() {
            @Override
            public String name() {
              return tg.name();
            }

            @Override
            public void register(String instanceId) {
              if (targetGroupExists(loadBalancing, tg.name()))
                tg.register(instanceId); // DeleteTargetGroup: nothing to join
            }

            @Override
            public void deregister(String instanceId, Runnable drained) {
              if (!targetGroupExists(loadBalancing, tg.name()) || !tg.isRegistered(instanceId)) {
                // already gone: the load balancer deregisters a terminated instance by itself
                if (drained != null) drained.run();
                return;
              }
              tg.deregister(instanceId, drained);
            }

            @Override
            public boolean isUnhealthy(String instanceId) {
              return tg.isUnhealthy(instanceId);
            }
          };
        });
  }

  /**
   * ECS tasks as load-balancer targets. The load-balancing service keys a target group's targets by
   * id, so bridge-mode tasks that share an instance share one registration: it is registered with
   * the first task and deregistered with the last.
   */
  static void connect(Wiring wiring, Kernel kernel, LoadBalancing loadBalancing) {
    Map<String, Integer> refs = new HashMap<>();
    Map<String, String> arns = new HashMap<>();
    wiring.targetRegistration(
        new TargetRegistration() {
          @Override
          public String targetType(String targetGroupName) {
            return loadBalancing.targetGroup(targetGroupName).spec().targetType() == TargetType.IP
                ? "ip"
                : "instance";
          }

          @Override
          public String targetGroupArn(String targetGroupName) {
            if (!targetGroupExists(loadBalancing, targetGroupName)) {
              // deleted under a service: the ARN it had (a stop reason still names it)
              return arns.getOrDefault(targetGroupName, targetGroupName);
            }
            String arn =
                kernel
                    .arns()
                    .of(
                        "elasticloadbalancing",
                        loadBalancing.targetGroup(targetGroupName).dimensionValue());
            arns.put(targetGroupName, arn); // a group re-created under the name has a new ARN
            return arn;
          }

          @Override
          public void register(
              String targetGroupName, String targetId, int port, String availabilityZone) {
            if (!targetGroupExists(loadBalancing, targetGroupName))
              return; // deleted: nothing to join
            if (refs.merge(targetGroupName + "|" + targetId, 1, Integer::sum) > 1) return;
            TargetDescription d =
                "ip".equals(targetType(targetGroupName))
                    ? TargetDescription.ip(targetId, availabilityZone).withPort(port)
                    : TargetDescription.instance(targetId).withPort(port);
            loadBalancing.registerTargets(targetGroupName, d);
          }

          @Override
          public void deregister(String targetGroupName, String targetId, int port) {
            String key = targetGroupName + "|" + targetId;
            Integer n = refs.get(key);
            if (n == null) return;
            if (n > 1) {
              refs.put(key, n - 1);
              return;
            }
            refs.remove(key);
            if (targetGroupExists(loadBalancing, targetGroupName)
                && loadBalancing.targetGroup(targetGroupName).isRegistered(targetId)) {
              loadBalancing.targetGroup(targetGroupName).deregister(targetId, null);
            }
          }

          @Override
          public Duration deregistrationDelay(String targetGroupName) {
            if (!targetGroupExists(loadBalancing, targetGroupName)) return Duration.ZERO;
            return loadBalancing.targetGroup(targetGroupName).spec().deregistrationDelay();
          }

          @Override
          public @Nullable String unhealthyReason(String targetGroupName, String targetId) {
            if (!targetGroupExists(loadBalancing, targetGroupName)) return "Target group not found";
            return loadBalancing.targetGroup(targetGroupName).health(targetId).description();
          }

          @Override
          public boolean isHealthy(String targetGroupName, String targetId, int port) {
            // a deleted target group reports no target healthy (a fake choice: AWS is silent)
            if (!targetGroupExists(loadBalancing, targetGroupName)) return false;
            return loadBalancing.targetGroup(targetGroupName).health(targetId).state()
                == TargetHealthState.HEALTHY;
          }

          @Override
          public void setHealthListener(HealthListener listener) {
            loadBalancing.addTargetHealthListener(
                (tg, id, from, to, reason) -> {
                  if (to == TargetHealthState.HEALTHY || to == TargetHealthState.UNHEALTHY) {
                    // deliver after the health check round that changed it, not in the middle of it
                    kernel
                        .scheduler()
                        .after(
                            Duration.ZERO,
                            () -> listener.healthChanged(tg, id, to == TargetHealthState.HEALTHY));
                  }
                });
          }
        });
  }

  /**
   * awsvpc tasks are ip targets of their own: the traffic the load balancer sends them costs CPU.
   */
  static void connect(Ecs ecs, LoadBalancerTraffic traffic) {
    ecs.inProcessRuntime()
        .setServedRequests(
            (task, from, to) -> {
              String ip = task.privateIpv4Address();
              return ip == null
                  ? 0
                  : traffic.averageServedRate(
                      ip, java.time.Instant.ofEpochMilli(from), java.time.Instant.ofEpochMilli(to));
            });
  }

  /**
   * Whether the target group exists (it may have been deleted after a group or service was given
   * it).
   */
  private static boolean targetGroupExists(LoadBalancing loadBalancing, String name) {
    return loadBalancing.targetGroups().stream().anyMatch(t -> t.name().equals(name));
  }
}

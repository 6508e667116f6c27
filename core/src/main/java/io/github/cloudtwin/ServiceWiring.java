package io.github.cloudtwin;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.LoadBalancerTargets;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.kernel.ValidationException;

/**
 * The one place where services are connected through the narrow interfaces each needs: an Auto
 * Scaling group sees a target group as {@link LoadBalancerTargets}.
 */
final class ServiceWiring {

  private ServiceWiring() {}

  static void connect(AutoScaling autoScaling, LoadBalancing loadBalancing) {
    autoScaling.setTargetGroupResolver(
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
              tg.register(instanceId);
            }

            @Override
            public void deregister(String instanceId, Runnable drained) {
              tg.deregister(instanceId, drained);
            }

            @Override
            public boolean isUnhealthy(String instanceId) {
              return tg.isUnhealthy(instanceId);
            }
          };
        });
  }
}

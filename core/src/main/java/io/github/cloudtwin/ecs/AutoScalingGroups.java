package io.github.cloudtwin.ecs;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.internal.ManagedScalingPolicies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleToIntFunction;

/**
 * Capacity providers over the twin's EC2 Auto Scaling: the {@link CapacityProviderGroup} adapter.
 */
final class AutoScalingGroups {

  private AutoScalingGroups() {}

  static CapacityProviderGroup of(
      AutoScaling autoScaling, ManagedScalingPolicies managed, String name) {
    AutoScalingGroup group = autoScaling.group(name); // throws a ValidationException if missing
    return new CapacityProviderGroup() {
      @Override
      public String autoScalingGroupName() {
        return name;
      }

      @Override
      public int minSize() {
        return group.minSize();
      }

      @Override
      public int maxSize() {
        return group.maxSize();
      }

      @Override
      public int desiredCapacity() {
        return group.desiredCapacity();
      }

      @Override
      public List<String> instanceIds() {
        List<String> out = new ArrayList<>();
        for (AutoScalingInstance i : group.instances()) {
          LifecycleState s = i.lifecycleState();
          if (s.name().startsWith("TERMINAT")) continue;
          out.add(i.instanceId());
        }
        return out;
      }

      @Override
      public List<String> instanceTypes() {
        return group.spec().instanceTypes();
      }

      @Override
      public void setDesiredCapacity(int desiredCapacity, String cause) {
        managed.setDesiredCapacity(name, desiredCapacity, cause);
      }

      @Override
      public List<String> putManagedScalingPolicy(
          String policyName,
          MetricId metric,
          double targetValue,
          Duration instanceWarmup,
          DoubleToIntFunction scaleOut,
          DoubleToIntFunction scaleIn) {
        ScalingPolicy p =
            managed.put(
                TargetTrackingScalingPolicy.builder()
                    .policyName(policyName)
                    .autoScalingGroupName(name)
                    .customMetric(metric, Statistic.AVERAGE)
                    .targetValue(targetValue)
                    .estimatedInstanceWarmup(instanceWarmup)
                    .build(),
                scaleOut,
                scaleIn);
        return p.alarmNames();
      }

      @Override
      public void deleteManagedScalingPolicy(String policyName) {
        if (autoScaling.groups().stream().noneMatch(g -> g.name().equals(name))) return;
        if (autoScaling.policies(name).stream().noneMatch(p -> p.policyName().equals(policyName)))
          return;
        autoScaling.deletePolicy(name, policyName);
      }

      @Override
      public void setInstanceProtection(String instanceId, boolean protectedFromScaleIn) {
        for (AutoScalingInstance i : group.instances()) {
          if (i.instanceId().equals(instanceId)
              && !i.lifecycleState().name().startsWith("TERMINAT")) {
            autoScaling.setInstanceProtection(name, protectedFromScaleIn, instanceId);
            return;
          }
        }
      }
    };
  }
}

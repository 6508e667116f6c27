package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.ManagedScalingPolicies;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.scaling.ServiceLinkedPolicy;
import io.github.cloudtwin.internal.scaling.TargetTrackingAlarms;
import java.util.function.DoubleToIntFunction;

/**
 * The channel ECS managed scaling acts through on the groups of its capacity providers (offered on
 * the twin's wiring, not on the {@link AutoScaling} facade): its target tracking policy, whose
 * alarms have ECS's shape and whose capacity ECS decides, and desired capacity set with the cause
 * AWS records.
 */
final class EcsManagedScaling implements ManagedScalingPolicies {

  private final PolicyEngine policies;
  private final GroupCommands groupCommands;

  /**
   * Creates the channel.
   *
   * @param policies where the policy is put
   * @param groupCommands where desired capacity is set
   */
  EcsManagedScaling(PolicyEngine policies, GroupCommands groupCommands) {
    this.policies = policies;
    this.groupCommands = groupCommands;
  }

  @Override
  public ScalingPolicy put(
      TargetTrackingScalingPolicy spec, DoubleToIntFunction scaleOut, DoubleToIntFunction scaleIn) {
    Require.notNull("scaleOut", scaleOut);
    Require.notNull("scaleIn", scaleIn);
    return policies.putScalingPolicy(
        spec,
        new ServiceLinkedPolicy() {
          @Override
          public TargetTrackingAlarms.Shape shape() {
            return TargetTrackingAlarms.Shape.ECS_MANAGED_SCALING;
          }

          @Override
          public int capacity(boolean out, double metric, int desiredCapacity) {
            return out ? scaleOut.applyAsInt(metric) : scaleIn.applyAsInt(metric);
          }
        });
  }

  @Override
  public void setDesiredCapacity(String groupName, int desiredCapacity, String causeClause) {
    Require.name("causeClause", causeClause);
    groupCommands.setDesiredCapacity(groupName, desiredCapacity, false, causeClause);
  }
}

package io.github.cloudtwin.autoscaling;

/**
 * What the collaborators of one group read of the group and ask of it: the spec in force, whether
 * the group is deleted or a process suspended, and a reconciliation toward desired capacity. {@link
 * GroupRuntime} implements it; collaborators see only this.
 */
interface GroupContext {

  /** {@return the group's configuration in force now (with its current min, max and desired)} */
  AutoScalingGroupSpec spec();

  /** {@return whether the group has been deleted} */
  boolean deleted();

  /**
   * Whether a process is suspended.
   *
   * @param process the process
   * @return whether it is suspended
   */
  boolean isSuspended(ScalingProcess process);

  /**
   * {@return the spec launches read their instance types, weights and purchase options from: the
   * group's, or with an active instance refresh the group's with the refresh phase's mixed
   * instances policy}
   */
  default AutoScalingGroupSpec launchSpec() {
    return spec();
  }

  /** Moves actual capacity toward desired; a call while one runs is folded into it. */
  void reconcile();

  /**
   * {@return the launch configuration new instances launch from now: the group's, or an instance
   * refresh's desired configuration while the refresh runs, resolved}
   */
  default Launch launch() {
    return resolve(spec().launchTemplateName(), spec().launchTemplateVersion());
  }

  /**
   * {@return the launch template {@code name} at {@code version} resolved as a launch would use it}
   *
   * @param name the launch template name
   * @param version its version ({@code $Latest}, {@code $Default} or a number)
   */
  default Launch resolve(String name, String version) {
    return new Launch(name, version, spec().instanceType());
  }
}

package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;

/**
 * The checks StartInstanceRefresh makes of a desired configuration's mixed instances policy against
 * the group, before anything changes: the group has no warm pool (AWS does not allow a warm pool
 * with a mixed instances policy), the policy's launch template version exists, and with weights at
 * least one override fits the group's MaxSize. Stateless.
 */
final class DesiredPolicyCheck {

  /** The request path of the desired policy. */
  static final String PATH = "DesiredConfiguration.MixedInstancesPolicy";

  private DesiredPolicyCheck() {}

  /**
   * Checks {@code spec}'s desired configuration against {@code g}.
   *
   * @throws ValidationException naming the field, the value and what is allowed
   */
  static void check(GroupRuntime g, InstanceRefreshSpec spec) {
    MixedInstancesPolicy p = spec.mixedInstancesPolicy();
    String name = spec.launchTemplateName();
    String version = spec.launchTemplateVersion();
    String at =
        p == null
            ? "DesiredConfiguration.LaunchTemplate"
            : PATH + ".LaunchTemplate.LaunchTemplateSpecification";
    if (name != null && version != null) g.checkLaunchTemplate(at + ".Version", name, version);
    if (p == null) return;
    if (g.warmPool.spec != null) {
      throw new ValidationException(
          PATH,
          "a policy for group " + g.name,
          "no MixedInstancesPolicy for a group with a warm pool (AWS does not support a warm pool"
              + " on a group with a mixed instances policy); delete the warm pool first");
    }
    if (!p.weighted()) return;
    int max = g.spec.maxSize();
    List<LaunchTemplateOverride> os = p.overrides();
    int smallest = 0;
    for (int i = 1; i < os.size(); i++) {
      if (os.get(i).units() < os.get(smallest).units()) smallest = i;
    }
    if (os.get(smallest).units() > max) {
      throw new ValidationException(
          PATH + ".LaunchTemplate.Overrides[" + smallest + "].WeightedCapacity",
          os.get(smallest).units(),
          "for at least one override a WeightedCapacity of at most the group's MaxSize "
              + max
              + " (capacity units): with every weight above MaxSize no instance fits the group");
    }
  }
}

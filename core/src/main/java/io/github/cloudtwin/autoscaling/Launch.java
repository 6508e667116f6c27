package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.LaunchTemplate;
import io.github.cloudtwin.kernel.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What one launch of a group uses: the launch template, the version number it resolved to and that
 * version's instance type (the group's own {@code instanceType} for a template the twin's EC2 does
 * not hold, whose version is kept as given).
 *
 * @param name the launch template name
 * @param version the version, resolved to its number for a template EC2 holds
 * @param instanceType the instance type; with a mixed instances policy its overrides decide, so
 *     this is the group's first override's
 */
record Launch(String name, String version, String instanceType) {

  /**
   * Resolves {@code name}:{@code version} against EC2's launch templates now: a group on {@code
   * $Latest} launches the newest version at launch time. A template EC2 does not hold, or a version
   * it no longer has, launches the group's own instance type with the version as given.
   */
  static Launch resolve(Ec2 ec2, AutoScalingGroupSpec spec, String name, String version) {
    LaunchTemplate t = ec2.launchTemplates().find(name);
    if (t == null) return new Launch(name, version, spec.instanceType());
    int v;
    try {
      v = t.versionNumber(version);
    } catch (IllegalArgumentException e) {
      return new Launch(name, version, spec.instanceType());
    }
    String type = spec.mixedInstancesPolicy() == null ? t.instanceType(v) : spec.instanceType();
    return new Launch(name, Integer.toString(v), type);
  }

  /**
   * Checks that {@code version} names a version of {@code name} when EC2 holds that template.
   *
   * @param field the parameter named in the error
   * @return {@code spec} with that version's instance type (no mixed instances policy), else as is
   * @throws ValidationException naming the version and the versions the template has
   */
  static AutoScalingGroupSpec check(
      Ec2 ec2, AutoScalingGroupSpec spec, String field, String name, String version) {
    LaunchTemplate t = ec2.launchTemplates().find(name);
    if (t == null) return spec;
    int v;
    try {
      v = t.versionNumber(version);
    } catch (ValidationException e) {
      throw new ValidationException(field, version, e.allowed());
    }
    return spec.mixedInstancesPolicy() != null || spec.instanceType().equals(t.instanceType(v))
        ? spec
        : spec.toBuilder().instanceType(t.instanceType(v)).build();
  }

  /**
   * {@return whether {@code m} launched from this configuration under {@code policy}: the same
   * template and version and, without a mixed instances policy, the same instance type (with one, a
   * type among the policy's overrides)}
   */
  boolean matches(Member m, @Nullable MixedInstancesPolicy policy) {
    if (!m.launchTemplateName.equals(name) || !m.launchTemplateVersion.equals(version)) {
      return false;
    }
    if (policy == null) return m.instanceType.equals(instanceType);
    for (LaunchTemplateOverride o : policy.overrides()) {
      if (o.instanceType().equals(m.instanceType)) return true;
    }
    return false;
  }
}

package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks of {@link AutoScalingGroupSpec} as CreateAutoScalingGroup and UpdateAutoScalingGroup
 * make them, with AWS's messages: sizes, zones, termination policy order, target groups, the
 * lifecycle hooks a group starts with and MaxInstanceLifetime. Each throws a ValidationException
 * naming the field; the list checks return the list the spec keeps. Stateless.
 */
final class GroupSpecValidation {

  private GroupSpecValidation() {}

  static void checkBootTime(Duration bootTime) {
    Require.notNegative("bootTime", bootTime);
    if (bootTime.compareTo(Duration.ofHours(1)) > 0) {
      throw new ValidationException("bootTime", bootTime, "at most 1 hour");
    }
  }

  /** Checks min, max and desired with AWS's messages. */
  static void checkCapacity(int min, int max, int desired) {
    Require.notNegative("MinSize", min);
    Require.notNegative("MaxSize", max);
    if (min > max) {
      throw new ValidationException(
          "MaxSize",
          max,
          "at least MinSize " + min,
          "Max bound, " + max + ", must be greater than or equal to min bound, " + min);
    }
    if (desired < min || desired > max) {
      throw new ValidationException(
          "DesiredCapacity",
          desired,
          "between MinSize " + min + " and MaxSize " + max,
          "Desired capacity:"
              + desired
              + " must be between the specified min size:"
              + min
              + " and max size:"
              + max);
    }
  }

  /** {@return the zones, at least one, none twice} */
  static List<String> availabilityZones(List<String> availabilityZones) {
    Require.notNull("AvailabilityZones", availabilityZones);
    if (availabilityZones.isEmpty()) {
      throw new ValidationException("AvailabilityZones", "[]", "at least one Availability Zone");
    }
    LinkedHashSet<String> zones = new LinkedHashSet<>();
    for (String z : availabilityZones) {
      if (!zones.add(Require.name("AvailabilityZones", z))) {
        throw new ValidationException("AvailabilityZones", z, "each zone at most once");
      }
    }
    return List.copyOf(zones);
  }

  /**
   * {@return the termination policies, {@code [Default]} for none; Default may only be last, a
   * custom policy only first}
   */
  static List<TerminationPolicy> terminationPolicies(List<TerminationPolicy> terminationPolicies) {
    Require.notNull("TerminationPolicies", terminationPolicies);
    for (TerminationPolicy p : terminationPolicies) Require.notNull("TerminationPolicies", p);
    List<TerminationPolicy> ps =
        List.copyOf(
            terminationPolicies.isEmpty()
                ? List.of(TerminationPolicy.DEFAULT)
                : terminationPolicies);
    for (int i = 0; i < ps.size(); i++) {
      TerminationPolicy p = ps.get(i);
      if (p == TerminationPolicy.DEFAULT && i != ps.size() - 1) {
        throw new ValidationException(
            "TerminationPolicies", names(ps), "Default may only be the last policy");
      }
      if (isCustom(p) && i != 0) {
        throw new ValidationException(
            "TerminationPolicies", names(ps), "a custom policy may only be the first policy");
      }
    }
    return ps;
  }

  static boolean isCustom(TerminationPolicy p) {
    return p != TerminationPolicy.DEFAULT
        && p != TerminationPolicy.OLDEST_INSTANCE
        && p != TerminationPolicy.NEWEST_INSTANCE
        && p != TerminationPolicy.OLDEST_LAUNCH_TEMPLATE
        && p != TerminationPolicy.CLOSEST_TO_NEXT_INSTANCE_HOUR;
  }

  private static List<String> names(List<TerminationPolicy> ps) {
    return ps.stream().map(TerminationPolicy::name).toList();
  }

  /** {@return the target group names, repeats dropped} */
  static List<String> targetGroupNames(List<String> targetGroupNames) {
    Require.notNull("TargetGroupARNs", targetGroupNames);
    for (String t : targetGroupNames) Require.name("TargetGroupARNs", t);
    return List.copyOf(new LinkedHashSet<>(targetGroupNames));
  }

  /**
   * {@return the hooks a group named {@code group} starts with: each names that group, no hook name
   * twice}
   */
  static List<LifecycleHookSpec> lifecycleHooks(
      String group, List<LifecycleHookSpec> lifecycleHookSpecifications) {
    List<LifecycleHookSpec> hooks =
        Require.elements("LifecycleHookSpecificationList", lifecycleHookSpecifications);
    Set<String> hookNames = new HashSet<>();
    for (int i = 0; i < hooks.size(); i++) {
      LifecycleHookSpec h = hooks.get(i);
      if (!h.autoScalingGroupName().equals(group)) {
        throw new ValidationException(
            "LifecycleHookSpecificationList[" + i + "].AutoScalingGroupName",
            h.autoScalingGroupName(),
            "the group being created, " + group);
      }
      if (!hookNames.add(h.lifecycleHookName())) {
        throw new ValidationException(
            "LifecycleHookSpecificationList[" + i + "].LifecycleHookName",
            h.lifecycleHookName(),
            "each hook name at most once in a group");
      }
    }
    return hooks;
  }

  /** Checks MaxInstanceLifetime: null or zero (none), or whole seconds of at least 86,400. */
  static void checkMaxInstanceLifetime(@Nullable Duration lifetime) {
    if (lifetime == null || lifetime.isZero()) return;
    if (lifetime.isNegative()
        || lifetime.compareTo(AutoScalingGroupSpec.MIN_INSTANCE_LIFETIME) < 0
        || lifetime.getNano() != 0
        || lifetime.getSeconds() > Integer.MAX_VALUE) {
      throw new ValidationException(
          "MaxInstanceLifetime",
          lifetime.getSeconds() + (lifetime.getNano() != 0 ? "." + lifetime.getNano() : ""),
          "either 0 or a number of whole seconds equal to or greater than 86,400 seconds (1 day)");
    }
  }

  /** Checks DefaultInstanceWarmup: null (none) or whole seconds of zero or more. */
  static void checkWarmup(@Nullable Duration warmup) {
    if (warmup != null) {
      Require.seconds("DefaultInstanceWarmup", warmup, 0, Require.INTEGER_SECONDS);
    }
  }
}

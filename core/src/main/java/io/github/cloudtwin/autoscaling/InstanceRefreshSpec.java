package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An instance refresh as {@code StartInstanceRefresh} takes it
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StartInstanceRefresh.html): the
 * group, an optional desired configuration and the preferences. The desired configuration is a
 * launch template and version ({@code DesiredConfiguration.LaunchTemplate}) or a mixed instances
 * policy ({@code DesiredConfiguration.MixedInstancesPolicy}, with its own launch template or the
 * group's), never both
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DesiredConfiguration.html).
 *
 * <p>With a desired configuration, replacements launch from it and the group takes it on when the
 * refresh succeeds; without one, replacements launch from the group's launch template as it is (for
 * instance after {@link AutoScaling#updateLaunchTemplate}), and the refresh cannot be rolled back.
 *
 * @param autoScalingGroupName the group
 * @param launchTemplateName {@code DesiredConfiguration.LaunchTemplate.LaunchTemplateName} or, with
 *     a mixed instances policy, its {@code LaunchTemplate.LaunchTemplateSpecification}'s; null for
 *     none (no desired configuration, or a policy that keeps the group's launch template)
 * @param launchTemplateVersion its version, null exactly when the name is
 * @param mixedInstancesPolicy {@code DesiredConfiguration.MixedInstancesPolicy}, or null
 * @param preferences the preferences ({@link RefreshPreferences#defaults()} when none are given)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record InstanceRefreshSpec(
    String autoScalingGroupName,
    @Nullable String launchTemplateName,
    @Nullable String launchTemplateVersion,
    @Nullable MixedInstancesPolicy mixedInstancesPolicy,
    RefreshPreferences preferences) {

  /**
   * Validates.
   *
   * @param autoScalingGroupName the group
   * @param launchTemplateName the desired launch template, or null
   * @param launchTemplateVersion its version, or null
   * @param mixedInstancesPolicy the desired mixed instances policy, or null
   * @param preferences the preferences
   */
  public InstanceRefreshSpec {
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    String at =
        mixedInstancesPolicy == null
            ? "DesiredConfiguration.LaunchTemplate"
            : "DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification";
    if ((launchTemplateName == null) != (launchTemplateVersion == null)) {
      throw new ValidationException(
          at,
          launchTemplateName == null ? launchTemplateVersion : launchTemplateName,
          "both a launch template name and a version, or neither");
    }
    if (launchTemplateName != null) {
      Require.name(at + ".LaunchTemplateName", launchTemplateName);
      Require.name(at + ".Version", launchTemplateVersion);
    }
    Require.notNull("Preferences", preferences);
  }

  /**
   * A refresh whose desired configuration, if any, is a launch template (the form before mixed
   * instances policies were accepted).
   *
   * @param autoScalingGroupName the group
   * @param launchTemplateName the desired launch template, or null
   * @param launchTemplateVersion its version, or null
   * @param preferences the preferences
   */
  public InstanceRefreshSpec(
      String autoScalingGroupName,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      RefreshPreferences preferences) {
    this(autoScalingGroupName, launchTemplateName, launchTemplateVersion, null, preferences);
  }

  /** {@return whether a desired configuration is given} */
  public boolean hasDesiredConfiguration() {
    return launchTemplateName != null || mixedInstancesPolicy != null;
  }

  /** {@return a builder with the API's default preferences} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InstanceRefreshSpec}; setters use the API's parameter names. */
  public static final class Builder {
    private @Nullable String autoScalingGroupName;
    private @Nullable String launchTemplateName;
    private @Nullable String launchTemplateVersion;
    private boolean launchTemplateGiven;
    private @Nullable MixedInstancesPolicy mixedInstancesPolicy;
    private @Nullable String policyTemplateName;
    private @Nullable String policyTemplateVersion;
    private RefreshPreferences preferences = RefreshPreferences.defaults();

    private Builder() {}

    /**
     * {@return this builder with the group}
     *
     * @param name the group name
     */
    public Builder autoScalingGroupName(String name) {
      this.autoScalingGroupName = name;
      return this;
    }

    /**
     * {@return this builder with a desired configuration: a launch template and its version
     * (DesiredConfiguration.LaunchTemplate)}
     *
     * @param name the launch template name
     * @param version its version (a number, for a rollback to be possible)
     */
    public Builder desiredConfiguration(String name, String version) {
      this.launchTemplateName = name;
      this.launchTemplateVersion = version;
      this.launchTemplateGiven = true;
      return this;
    }

    /**
     * {@return this builder with a desired configuration that is a mixed instances policy on the
     * group's launch template (DesiredConfiguration.MixedInstancesPolicy)}
     *
     * @param policy the instance types, weights and On-Demand / Spot distribution to refresh to
     */
    public Builder desiredConfiguration(MixedInstancesPolicy policy) {
      this.mixedInstancesPolicy =
          Require.notNull("DesiredConfiguration.MixedInstancesPolicy", policy);
      this.policyTemplateName = null;
      this.policyTemplateVersion = null;
      return this;
    }

    /**
     * {@return this builder with a desired configuration that is a mixed instances policy on the
     * launch template {@code name}:{@code version}
     * (DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification)}
     *
     * @param policy the instance types, weights and On-Demand / Spot distribution to refresh to
     * @param name the policy's launch template name
     * @param version its version (a number, for a rollback to be possible)
     */
    public Builder desiredConfiguration(MixedInstancesPolicy policy, String name, String version) {
      desiredConfiguration(policy);
      this.policyTemplateName = name;
      this.policyTemplateVersion = version;
      return this;
    }

    /**
     * {@return this builder with the preferences}
     *
     * @param preferences the preferences
     */
    public Builder preferences(RefreshPreferences preferences) {
      this.preferences = preferences;
      return this;
    }

    /**
     * {@return the spec, validated; a desired configuration with both a LaunchTemplate and a
     * MixedInstancesPolicy is refused, as AWS refuses it}
     */
    public InstanceRefreshSpec build() {
      String group = Require.notNull("AutoScalingGroupName", autoScalingGroupName);
      MixedInstancesPolicy policy = mixedInstancesPolicy;
      if (policy == null) {
        return new InstanceRefreshSpec(
            group, launchTemplateName, launchTemplateVersion, null, preferences);
      }
      if (launchTemplateGiven) {
        throw new ValidationException(
            "DesiredConfiguration",
            "LaunchTemplate "
                + launchTemplateName
                + ":"
                + launchTemplateVersion
                + " and a MixedInstancesPolicy",
            "either a LaunchTemplate or a MixedInstancesPolicy, not both (give the policy's launch"
                + " template as MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification)");
      }
      return new InstanceRefreshSpec(
          group, policyTemplateName, policyTemplateVersion, policy, preferences);
    }
  }
}

package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An instance refresh as {@code StartInstanceRefresh} takes it
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StartInstanceRefresh.html): the
 * group, an optional desired configuration (a launch template and version) and the preferences.
 *
 * <p>With a desired configuration, replacements launch from it and the group takes it on when the
 * refresh succeeds; without one, replacements launch from the group's launch template as it is (for
 * instance after {@link AutoScaling#updateLaunchTemplate}), and the refresh cannot be rolled back.
 *
 * @param autoScalingGroupName the group
 * @param launchTemplateName {@code DesiredConfiguration.LaunchTemplate.LaunchTemplateName}, or null
 *     (no desired configuration)
 * @param launchTemplateVersion its version, null exactly when the name is
 * @param preferences the preferences ({@link RefreshPreferences#defaults()} when none are given)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record InstanceRefreshSpec(
    String autoScalingGroupName,
    @Nullable String launchTemplateName,
    @Nullable String launchTemplateVersion,
    RefreshPreferences preferences) {

  /**
   * Validates.
   *
   * @param autoScalingGroupName the group
   * @param launchTemplateName the desired launch template, or null
   * @param launchTemplateVersion its version, or null
   * @param preferences the preferences
   */
  public InstanceRefreshSpec {
    Require.name("AutoScalingGroupName", autoScalingGroupName);
    if ((launchTemplateName == null) != (launchTemplateVersion == null)) {
      throw new ValidationException(
          "DesiredConfiguration.LaunchTemplate",
          launchTemplateName == null ? launchTemplateVersion : launchTemplateName,
          "both a launch template name and a version, or neither");
    }
    if (launchTemplateName != null) {
      Require.name("DesiredConfiguration.LaunchTemplate.LaunchTemplateName", launchTemplateName);
      Require.name("DesiredConfiguration.LaunchTemplate.Version", launchTemplateVersion);
    }
    Require.notNull("Preferences", preferences);
  }

  /** {@return whether a desired configuration is given} */
  public boolean hasDesiredConfiguration() {
    return launchTemplateName != null;
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
     * {@return this builder with a desired configuration: a launch template and its version}
     *
     * @param name the launch template name
     * @param version its version (a number, for a rollback to be possible)
     */
    public Builder desiredConfiguration(String name, String version) {
      this.launchTemplateName = name;
      this.launchTemplateVersion = version;
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

    /** {@return the spec, validated} */
    public InstanceRefreshSpec build() {
      return new InstanceRefreshSpec(
          Require.notNull("AutoScalingGroupName", autoScalingGroupName),
          launchTemplateName,
          launchTemplateVersion,
          preferences);
    }
  }
}

package io.github.cloudtwin.ec2;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An EC2 launch template as the twin keeps it: its id and name, and the instance type of each of
 * its numbered versions (what an Auto Scaling group launches from). Versions are immutable once
 * created, as in EC2 (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/
 * API_CreateLaunchTemplateVersion.html).
 *
 * @param launchTemplateId {@code lt-} and 17 hex digits
 * @param launchTemplateName its name
 * @param createTime when it was created (virtual time)
 * @param instanceTypes the instance type of each version, version 1 first
 * @param defaultVersion the default version number ({@code $Default})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record LaunchTemplate(
    String launchTemplateId,
    String launchTemplateName,
    Instant createTime,
    List<String> instanceTypes,
    int defaultVersion) {

  /** The version that names the newest version of a template. */
  public static final String LATEST = "$Latest";

  /** The version that names a template's default version. */
  public static final String DEFAULT = "$Default";

  /**
   * Copies.
   *
   * @param launchTemplateId {@code lt-} and 17 hex digits
   * @param launchTemplateName its name
   * @param createTime when it was created (virtual time)
   * @param instanceTypes the instance type of each version, version 1 first, at least one
   * @param defaultVersion the default version number, between 1 and the latest
   */
  public LaunchTemplate {
    instanceTypes = List.copyOf(instanceTypes);
    if (instanceTypes.isEmpty()) {
      throw new ValidationException("LaunchTemplateData.InstanceType", null, "one per version");
    }
    if (defaultVersion < 1 || defaultVersion > instanceTypes.size()) {
      throw new ValidationException(
          "DefaultVersion", defaultVersion, "a version from 1 to " + instanceTypes.size());
    }
  }

  /** {@return the latest version number ({@code $Latest})} */
  public int latestVersion() {
    return instanceTypes.size();
  }

  /**
   * {@return the instance type of version {@code version}}
   *
   * @param version a version number from 1 to {@link #latestVersion()}
   */
  public String instanceType(int version) {
    return instanceTypes.get(versionNumber(Integer.toString(version)) - 1);
  }

  /**
   * Resolves a version as a launch template specification names it: {@code $Latest} is the newest
   * version, {@code $Default} (or null, the API's default) the default one, else a number.
   *
   * @param version {@code $Latest}, {@code $Default}, null or a version number
   * @return the version number
   * @throws ValidationException naming the version and the versions the template has, when it has
   *     no such version
   */
  public int versionNumber(@Nullable String version) {
    if (version == null || version.equals(DEFAULT)) return defaultVersion;
    if (version.equals(LATEST)) return latestVersion();
    int v;
    try {
      v = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      v = 0;
    }
    if (v < 1 || v > latestVersion()) {
      throw new ValidationException(
          "LaunchTemplate.Version",
          version,
          "$Latest, $Default or a version of launch template "
              + launchTemplateName
              + " ("
              + launchTemplateId
              + ") from 1 to "
              + latestVersion());
    }
    return v;
  }
}

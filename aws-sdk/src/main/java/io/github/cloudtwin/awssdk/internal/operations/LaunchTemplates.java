package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceType;
import io.github.cloudtwin.ec2.LaunchTemplate;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The EC2 calls on launch templates ({@code CreateLaunchTemplate}, {@code
 * CreateLaunchTemplateVersion}, {@code ModifyLaunchTemplate}, {@code DeleteLaunchTemplate}) with
 * AWS's errors, over the twin's own templates ({@code twin.ec2().launchTemplates()}), which Auto
 * Scaling groups launch from. The twin's groups need only a template's name, versions and their
 * instance types, so that is what a template holds.
 *
 * <p>The templates are the twin's, so every client of the twin sees the same ones. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LaunchTemplates {

  /**
   * A launch template reference resolved to what a group launches.
   *
   * @param name the template name
   * @param version the version number it names now, as text
   * @param instanceType that version's instance type
   * @param configured the version as given ({@code $Default} when none was): what a group keeps
   */
  public record Resolved(String name, String version, String instanceType, String configured) {}

  private final io.github.cloudtwin.ec2.LaunchTemplates templates;

  /**
   * The launch templates of {@code twin}.
   *
   * @param twin the twin
   */
  public LaunchTemplates(CloudTwin twin) {
    this.templates = Objects.requireNonNull(twin, "twin").ec2().launchTemplates();
  }

  /**
   * {@code CreateLaunchTemplate}: version 1 with {@code instanceType}.
   *
   * @param name the name
   * @param instanceType the instance type
   * @return the template
   */
  public synchronized LaunchTemplate create(String name, String instanceType) {
    Constraints.requiredName("launchTemplateName", name, 128);
    if (!name.matches("[a-zA-Z0-9().\\-/_]+")) {
      throw AwsErrorException.badRequest(
          "InvalidLaunchTemplateName.MalformedException",
          "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the"
              + " following characters: - ( ) . / _.");
    }
    if (templates.find(name) != null) {
      throw AwsErrorException.badRequest(
          "InvalidLaunchTemplateName.AlreadyExistsException",
          "Launch template name already in use.");
    }
    checkType(instanceType);
    return templates.createLaunchTemplate(name, instanceType);
  }

  /**
   * {@code CreateLaunchTemplateVersion}: a new latest version with {@code instanceType}.
   *
   * @param id the id
   * @param name the name
   * @param instanceType the instance type
   * @return the template, with the new version
   */
  public synchronized LaunchTemplate createVersion(String id, String name, String instanceType) {
    LaunchTemplate t = find(id, name);
    checkType(instanceType);
    return templates.createLaunchTemplateVersion(t.launchTemplateName(), instanceType);
  }

  /**
   * {@code ModifyLaunchTemplate} with {@code SetDefaultVersion}.
   *
   * @param id the id
   * @param name the name
   * @param defaultVersion the version to make the default (a number, or {@code $Latest})
   * @return the template, with its new default version
   */
  public synchronized LaunchTemplate modify(String id, String name, String defaultVersion) {
    LaunchTemplate t = find(id, name);
    if (defaultVersion == null) return t;
    return templates.modifyLaunchTemplate(
        t.launchTemplateName(), Integer.toString(versionOf(t, defaultVersion)));
  }

  /**
   * The number {@code version} names in {@code t}, or EC2's error for a version it does not have.
   *
   * @param t the template
   * @param version {@code $Latest}, {@code $Default} or a number
   * @return the version number
   */
  public static int versionOf(LaunchTemplate t, String version) {
    try {
      return t.versionNumber(version);
    } catch (IllegalArgumentException e) {
      throw AwsErrorException.badRequest(
          "InvalidLaunchTemplateId.VersionNotFound",
          "Could not find launch template version "
              + version
              + " for the launch template with ID "
              + t.launchTemplateId()
              + ".");
    }
  }

  /**
   * {@code DeleteLaunchTemplate}.
   *
   * @param id the id
   * @param name the name
   * @return the template deleted
   */
  public synchronized LaunchTemplate delete(String id, String name) {
    LaunchTemplate t = find(id, name);
    return templates.deleteLaunchTemplate(t.launchTemplateName());
  }

  /** {@return every template, in creation order} */
  public synchronized List<LaunchTemplate> all() {
    return templates.launchTemplates();
  }

  /**
   * The template by id or name, or AWS's not-found error.
   *
   * @param id the id
   * @param name the name
   * @return the template by id or name, or AWS's not-found error
   */
  public synchronized LaunchTemplate find(@Nullable String id, @Nullable String name) {
    LaunchTemplate t =
        id != null ? templates.findById(id) : name != null ? templates.find(name) : null;
    if (t != null) return t;
    if (id == null && name == null) {
      throw AwsErrorException.badRequest(
          "MissingParameter",
          "The request must contain the parameter launchTemplateName or launchTemplateId");
    }
    if (id != null) {
      throw AwsErrorException.badRequest(
          "InvalidLaunchTemplateId.NotFound",
          "The specified launch template, with template ID " + id + ", does not exist.");
    }
    throw AwsErrorException.badRequest(
        "InvalidLaunchTemplateName.NotFoundException",
        "The specified launch template, with template name " + name + ", does not exist.");
  }

  /**
   * Resolves the {@code LaunchTemplate} of a group; version {@code $Default} (the default), {@code
   * $Latest} or a number. An unknown template or version answers as Auto Scaling does.
   *
   * @param id the id
   * @param name the name
   * @param version the version
   * @return the template name, the version number it names now and its instance type
   */
  public synchronized Resolved resolve(
      @Nullable String id, @Nullable String name, @Nullable String version) {
    LaunchTemplate t;
    try {
      t = find(id, name);
    } catch (AwsErrorException e) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "You must use a valid fully-formed launch template. " + e.getMessage());
    }
    if (version != null
        && !version.equals(LaunchTemplate.LATEST)
        && !version.equals(LaunchTemplate.DEFAULT)
        && !version.matches("[0-9]{1,18}")) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "Invalid launch template version: either '$Default', '$Latest', or a numeric version"
              + " are allowed.");
    }
    int v;
    try {
      v = t.versionNumber(version);
    } catch (IllegalArgumentException e) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "You must use a valid fully-formed launch template."
              + " The specified launch template, with template ID "
              + t.launchTemplateId()
              + ", does not have version "
              + version
              + ".");
    }
    return new Resolved(
        t.launchTemplateName(),
        Integer.toString(v),
        t.instanceType(v),
        version == null ? LaunchTemplate.DEFAULT : version);
  }

  private static void checkType(String instanceType) {
    Constraints.required("instanceType", instanceType);
    try {
      InstanceType.of(instanceType);
    } catch (IllegalArgumentException e) {
      throw AwsErrorException.badRequest(
          "InvalidParameterValue",
          "Invalid value '" + instanceType + "' for InstanceType. (" + e.getMessage() + ")");
    }
  }
}

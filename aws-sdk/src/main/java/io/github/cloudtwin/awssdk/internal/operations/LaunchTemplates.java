package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The EC2 launch templates created through the SDK ({@code CreateLaunchTemplate}, {@code
 * CreateLaunchTemplateVersion}), which Auto Scaling groups launch from. The twin's groups need only
 * a template's name, version and instance type, so that is what a template holds here.
 *
 * <p>One registry per twin, shared by the clients of one {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LaunchTemplates {

  /**
   * One launch template.
   *
   * @param launchTemplateId {@code lt-} and 17 hex digits
   * @param launchTemplateName its name
   * @param createTime when it was created (virtual time)
   * @param instanceTypes the instance type of each version, version 1 first
   * @param defaultVersion the default version number
   */
  public record Template(
      String launchTemplateId,
      String launchTemplateName,
      Instant createTime,
      List<String> instanceTypes,
      int defaultVersion) {

    /**
     * Copies.
     *
     * @param launchTemplateId {@code lt-} and 17 hex digits
     * @param launchTemplateName its name
     * @param createTime when it was created (virtual time)
     * @param instanceTypes the instance type of each version, version 1 first
     * @param defaultVersion the default version number
     */
    public Template {
      instanceTypes = List.copyOf(instanceTypes);
    }

    /** {@return the latest version number} */
    public int latestVersion() {
      return instanceTypes.size();
    }
  }

  /**
   * A launch template reference resolved to what a group launches.
   *
   * @param name the template name
   * @param version the version number, as text
   * @param instanceType that version's instance type
   */
  public record Resolved(String name, String version, String instanceType) {}

  private final CloudTwin twin;
  private final Map<String, Template> byName = new LinkedHashMap<>();

  /**
   * An empty registry for {@code twin}.
   *
   * @param twin the twin
   */
  public LaunchTemplates(CloudTwin twin) {
    this.twin = Objects.requireNonNull(twin, "twin");
  }

  /**
   * {@code CreateLaunchTemplate}: version 1 with {@code instanceType}.
   *
   * @param name the name
   * @param instanceType the instance type
   * @return {@code CreateLaunchTemplate}: version 1 with {@code instanceType}
   */
  public synchronized Template create(String name, String instanceType) {
    Constraints.requiredName("launchTemplateName", name, 128);
    if (!name.matches("[a-zA-Z0-9().\\-/_]+")) {
      throw AwsErrorException.badRequest(
          "InvalidLaunchTemplateName.MalformedException",
          "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the"
              + " following characters: - ( ) . / _.");
    }
    if (byName.containsKey(name)) {
      throw AwsErrorException.badRequest(
          "InvalidLaunchTemplateName.AlreadyExistsException",
          "Launch template name already in use.");
    }
    checkType(instanceType);
    Template t =
        new Template("lt-" + Ids.hex("lt/" + name, 17), name, twin.now(), List.of(instanceType), 1);
    byName.put(name, t);
    return t;
  }

  /**
   * {@code CreateLaunchTemplateVersion}: a new latest version with {@code instanceType}.
   *
   * @param id the id
   * @param name the name
   * @param instanceType the instance type
   * @return {@code CreateLaunchTemplateVersion}: a new latest version with {@code instanceType}
   */
  public synchronized Template createVersion(String id, String name, String instanceType) {
    Template t = find(id, name);
    checkType(instanceType);
    List<String> types = new ArrayList<>(t.instanceTypes());
    types.add(instanceType);
    Template next =
        new Template(
            t.launchTemplateId(),
            t.launchTemplateName(),
            t.createTime(),
            types,
            t.defaultVersion());
    byName.put(t.launchTemplateName(), next);
    return next;
  }

  /**
   * {@code DeleteLaunchTemplate}.
   *
   * @param id the id
   * @param name the name
   * @return {@code DeleteLaunchTemplate}
   */
  public synchronized Template delete(String id, String name) {
    Template t = find(id, name);
    byName.remove(t.launchTemplateName());
    return t;
  }

  /** {@return every template, in creation order} */
  public synchronized List<Template> all() {
    return List.copyOf(byName.values());
  }

  /**
   * The template by id or name, or AWS's not-found error.
   *
   * @param id the id
   * @param name the name
   * @return the template by id or name, or AWS's not-found error
   */
  public synchronized Template find(String id, String name) {
    for (Template t : byName.values()) {
      if (id != null ? t.launchTemplateId().equals(id) : t.launchTemplateName().equals(name))
        return t;
    }
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
   * $Latest} or a number. An unknown template answers as Auto Scaling does.
   *
   * @param id the id
   * @param name the name
   * @param version the version
   * @return the template name, the resolved version number and its instance type
   */
  public synchronized Resolved resolve(String id, String name, String version) {
    Template t;
    try {
      t = find(id, name);
    } catch (AwsErrorException e) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "You must use a valid fully-formed launch template. " + e.getMessage());
    }
    int v;
    if (version == null || version.equals("$Default")) {
      v = t.defaultVersion();
    } else if (version.equals("$Latest")) {
      v = t.latestVersion();
    } else {
      try {
        v = Integer.parseInt(version);
      } catch (NumberFormatException e) {
        v = -1;
      }
      if (v < 1 || v > t.latestVersion()) {
        throw AwsErrorException.badRequest(
            "ValidationError",
            "You must use a valid fully-formed launch template."
                + " The specified launch template, with template ID "
                + t.launchTemplateId()
                + ", does not have version "
                + version
                + ".");
      }
    }
    return new Resolved(t.launchTemplateName(), Integer.toString(v), t.instanceTypes().get(v - 1));
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

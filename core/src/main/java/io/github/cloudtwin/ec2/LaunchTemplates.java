package io.github.cloudtwin.ec2;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The EC2 launch templates of one twin: {@code CreateLaunchTemplate}, {@code
 * CreateLaunchTemplateVersion}, {@code ModifyLaunchTemplate} (its default version) and {@code
 * DeleteLaunchTemplate}. An Auto Scaling group whose launch template is here launches each instance
 * from the version its {@code Version} names at launch time ({@code $Latest}: the newest, {@code
 * $Default}: the default), with that version's instance type; a group naming a template that is not
 * here launches its own {@code instanceType}. Obtain it from {@code twin.ec2().launchTemplates()}.
 * Thread-safe: every method runs under the simulation lock; a refused call changes nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LaunchTemplates {

  private final Kernel kernel;
  private final Map<String, LaunchTemplate> byName = new LinkedHashMap<>();

  LaunchTemplates(Kernel kernel) {
    this.kernel = kernel;
  }

  /**
   * {@code CreateLaunchTemplate}: version 1, the default, with {@code instanceType}. The id is
   * derived from the name, so one estate always answers with the same ids.
   *
   * @param name the template name, unique in the twin
   * @param instanceType the instance type of version 1
   * @return the template
   */
  public LaunchTemplate createLaunchTemplate(String name, String instanceType) {
    Require.name("LaunchTemplateName", name);
    InstanceType.of(instanceType);
    return kernel.call(
        () -> {
          if (byName.containsKey(name)) {
            throw new ValidationException(
                "LaunchTemplateName", name, "a name no launch template has " + byName.keySet());
          }
          LaunchTemplate t =
              new LaunchTemplate(
                  launchTemplateId(name), name, kernel.clock().now(), List.of(instanceType), 1);
          byName.put(name, t);
          return t;
        });
  }

  /**
   * {@return the id {@link #createLaunchTemplate} gives (or gave) a template named {@code name}}
   * Derived from the name alone, so a caller can know it before the template exists (a
   * CloudFormation import predicts its Ref with it).
   *
   * @param name the template name
   */
  public String launchTemplateId(String name) {
    return "lt-" + hex("lt/" + name);
  }

  /**
   * {@code CreateLaunchTemplateVersion}: a new latest version with {@code instanceType}; the
   * default version stays. Groups on {@code $Latest} launch it from now on.
   *
   * @param name the template name
   * @param instanceType the new version's instance type
   * @return the template, with the new version
   */
  public LaunchTemplate createLaunchTemplateVersion(String name, String instanceType) {
    InstanceType.of(instanceType);
    return kernel.call(
        () -> {
          LaunchTemplate t = launchTemplate(name);
          List<String> types = new ArrayList<>(t.instanceTypes());
          types.add(instanceType);
          return put(t, types, t.defaultVersion());
        });
  }

  /**
   * {@code ModifyLaunchTemplate} with {@code SetDefaultVersion}: groups on {@code $Default} launch
   * that version from now on.
   *
   * @param name the template name
   * @param defaultVersion an existing version number, or {@code $Latest}
   * @return the template, with its new default version
   */
  public LaunchTemplate modifyLaunchTemplate(String name, String defaultVersion) {
    Require.name("SetDefaultVersion", defaultVersion);
    return kernel.call(
        () -> {
          LaunchTemplate t = launchTemplate(name);
          return put(t, t.instanceTypes(), t.versionNumber(defaultVersion));
        });
  }

  /**
   * {@code DeleteLaunchTemplate}: the template and all its versions.
   *
   * @param name the template name
   * @return the template deleted
   */
  public LaunchTemplate deleteLaunchTemplate(String name) {
    return kernel.call(
        () -> {
          LaunchTemplate t = launchTemplate(name);
          byName.remove(name);
          return t;
        });
  }

  /**
   * {@return the template named {@code name}, or a ValidationException listing the templates}
   *
   * @param name the template name
   */
  public LaunchTemplate launchTemplate(String name) {
    return kernel.call(
        () -> {
          LaunchTemplate t = byName.get(name);
          if (t == null) {
            throw new ValidationException(
                "LaunchTemplateName", name, "the name of a launch template " + byName.keySet());
          }
          return t;
        });
  }

  /**
   * {@return the template named {@code name}, or null}
   *
   * @param name the template name
   */
  public @Nullable LaunchTemplate find(String name) {
    return kernel.call(() -> byName.get(name));
  }

  /**
   * {@return the template with id {@code launchTemplateId}, or null}
   *
   * @param launchTemplateId the id
   */
  public @Nullable LaunchTemplate findById(String launchTemplateId) {
    return kernel.call(
        () -> {
          for (LaunchTemplate t : byName.values()) {
            if (t.launchTemplateId().equals(launchTemplateId)) return t;
          }
          return null;
        });
  }

  /** {@return every template, in creation order} */
  public List<LaunchTemplate> launchTemplates() {
    return kernel.call(() -> List.copyOf(byName.values()));
  }

  private LaunchTemplate put(LaunchTemplate t, List<String> types, int defaultVersion) {
    LaunchTemplate next =
        new LaunchTemplate(
            t.launchTemplateId(), t.launchTemplateName(), t.createTime(), types, defaultVersion);
    byName.put(t.launchTemplateName(), next);
    return next;
  }

  /** 17 lower-case hex digits of 64-bit FNV-1a hashes of {@code text} (and of text + "#"). */
  static String hex(String text) {
    StringBuilder out = new StringBuilder(32);
    for (String s : new String[] {text, text + "#"}) {
      long h = 0xcbf29ce484222325L;
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      for (int i = 15; i >= 0; i--)
        out.append(Character.forDigit((int) ((h >>> (4 * i)) & 0xf), 16));
    }
    return out.substring(0, 17);
  }
}

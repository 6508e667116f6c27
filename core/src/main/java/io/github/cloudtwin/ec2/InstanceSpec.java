package io.github.cloudtwin.ec2;

import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to launch: instance type, zone, boot time, monitoring level, launch template and tags.
 *
 * @param instanceType a catalogue type name, default {@code t3.micro}
 * @param availabilityZone the zone name; required
 * @param bootTime pending to running, default 30 s (a fake choice: AWS does not publish one)
 * @param detailedMonitoring 1-minute CPU datapoints when true; 5-minute (basic, the launch-template
 *     default) when false
 * @param launchTemplateName the launch template the instance came from, or null
 * @param launchTemplateVersion its version, or null
 * @param idleCpuUtilization the CPU percentage an idle instance reports, default 0
 * @param tags tags (immutable)
 */
public record InstanceSpec(
    String instanceType,
    String availabilityZone,
    Duration bootTime,
    boolean detailedMonitoring,
    String launchTemplateName,
    String launchTemplateVersion,
    double idleCpuUtilization,
    Map<String, String> tags) {

  /** The default boot time: pending to running. */
  public static final Duration DEFAULT_BOOT_TIME = Duration.ofSeconds(30);

  /**
   * Validates and copies.
   *
   * @param instanceType a catalogue type name, default {@code t3.micro}
   * @param availabilityZone the zone name; required
   * @param bootTime pending to running, default 30 s (a fake choice: AWS does not publish one)
   * @param detailedMonitoring 1-minute CPU datapoints when true; 5-minute (basic, the
   *     launch-template default) when false
   * @param launchTemplateName the launch template the instance came from, or null
   * @param launchTemplateVersion its version, or null
   * @param idleCpuUtilization the CPU percentage an idle instance reports, default 0
   * @param tags tags (immutable)
   */
  public InstanceSpec {
    InstanceType.of(instanceType);
    Require.name("availabilityZone", availabilityZone);
    Require.notNegative("bootTime", bootTime);
    if (bootTime.compareTo(Duration.ofHours(1)) > 0) {
      throw new ValidationException("bootTime", bootTime, "at most 1 hour");
    }
    Require.between("idleCpuUtilization", idleCpuUtilization, 0, 100);
    Require.notNull("tags", tags);
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this spec's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.instanceType = instanceType;
    b.availabilityZone = availabilityZone;
    b.bootTime = bootTime;
    b.detailedMonitoring = detailedMonitoring;
    b.launchTemplateName = launchTemplateName;
    b.launchTemplateVersion = launchTemplateVersion;
    b.idleCpuUtilization = idleCpuUtilization;
    b.tags.putAll(tags);
    return b;
  }

  /** Builds {@link InstanceSpec}s. Not thread-safe. */
  public static final class Builder {
    private String instanceType = "t3.micro";
    private String availabilityZone;
    private Duration bootTime = DEFAULT_BOOT_TIME;
    private boolean detailedMonitoring;
    private String launchTemplateName;
    private String launchTemplateVersion;
    private double idleCpuUtilization;
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The instance type name, such as {@code m5.large}.
     *
     * @param instanceType the instance type name, such as {@code m5.large}
     * @return this builder
     */
    public Builder instanceType(String instanceType) {
      this.instanceType = instanceType;
      return this;
    }

    /**
     * The zone to launch into.
     *
     * @param availabilityZone the zone to launch into
     * @return this builder
     */
    public Builder availabilityZone(String availabilityZone) {
      this.availabilityZone = availabilityZone;
      return this;
    }

    /**
     * How long the instance stays pending.
     *
     * @param bootTime how long the instance stays pending
     * @return this builder
     */
    public Builder bootTime(Duration bootTime) {
      this.bootTime = bootTime;
      return this;
    }

    /**
     * 1-minute CPU datapoints instead of 5-minute ones.
     *
     * @param detailedMonitoring 1-minute CPU datapoints instead of 5-minute ones
     * @return this builder
     */
    public Builder detailedMonitoring(boolean detailedMonitoring) {
      this.detailedMonitoring = detailedMonitoring;
      return this;
    }

    /**
     * The launch template and version the instance comes from.
     *
     * @param name the name
     * @param version the version
     * @return this builder
     */
    public Builder launchTemplate(String name, String version) {
      this.launchTemplateName = name;
      this.launchTemplateVersion = version;
      return this;
    }

    /**
     * CPU percentage reported when the instance does no work.
     *
     * @param percent CPU percentage reported when the instance does no work
     * @return this builder
     */
    public Builder idleCpuUtilization(double percent) {
      this.idleCpuUtilization = percent;
      return this;
    }

    /**
     * Adds a tag.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder tag(String key, String value) {
      tags.put(Require.name("tag key", key), Require.notNull("tag value", value));
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public InstanceSpec build() {
      return new InstanceSpec(
          instanceType,
          availabilityZone,
          bootTime,
          detailedMonitoring,
          launchTemplateName,
          launchTemplateVersion,
          idleCpuUtilization,
          tags);
    }
  }
}

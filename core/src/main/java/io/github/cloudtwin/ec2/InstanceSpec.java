package io.github.cloudtwin.ec2;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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
 * @param purchaseOption On-Demand (the default) or Spot: a Spot Instance takes one place of its
 *     {@link SpotPool} and can be interrupted
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record InstanceSpec(
    String instanceType,
    String availabilityZone,
    Duration bootTime,
    boolean detailedMonitoring,
    @Nullable String launchTemplateName,
    @Nullable String launchTemplateVersion,
    double idleCpuUtilization,
    Map<String, String> tags,
    PurchaseOption purchaseOption) {

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
   * @param purchaseOption On-Demand (the default) or Spot
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
    for (String key : tags.keySet()) {
      if (!Ec2.GROUP_TAG.equals(key)) checkTagKey(key);
    }
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    Require.notNull("purchaseOption", purchaseOption);
  }

  /**
   * An On-Demand spec (the form before purchase options existed).
   *
   * @param instanceType a catalogue type name
   * @param availabilityZone the zone name
   * @param bootTime pending to running
   * @param detailedMonitoring 1-minute CPU datapoints when true
   * @param launchTemplateName the launch template, or null
   * @param launchTemplateVersion its version, or null
   * @param idleCpuUtilization the CPU percentage an idle instance reports
   * @param tags tags
   */
  public InstanceSpec(
      String instanceType,
      String availabilityZone,
      Duration bootTime,
      boolean detailedMonitoring,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      double idleCpuUtilization,
      Map<String, String> tags) {
    this(
        instanceType,
        availabilityZone,
        bootTime,
        detailedMonitoring,
        launchTemplateName,
        launchTemplateVersion,
        idleCpuUtilization,
        tags,
        PurchaseOption.ON_DEMAND);
  }

  private static String checkTagKey(String key) {
    Require.name("tag key", key);
    if (key.regionMatches(true, 0, "aws:", 0, 4)) {
      throw new ValidationException(
          "tag key",
          key,
          "a key without the prefix aws:, which AWS reserves for its own tags"
              + " (the group tag "
              + Ec2.GROUP_TAG
              + " is set by autoScalingGroupName(...))");
    }
    return key;
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
    b.purchaseOption = purchaseOption;
    return b;
  }

  /** Builds {@link InstanceSpec}s. Not thread-safe. */
  public static final class Builder {
    private String instanceType = "t3.micro";
    private @Nullable String availabilityZone;
    private Duration bootTime = DEFAULT_BOOT_TIME;
    private boolean detailedMonitoring;
    private @Nullable String launchTemplateName;
    private @Nullable String launchTemplateVersion;
    private double idleCpuUtilization;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private PurchaseOption purchaseOption = PurchaseOption.ON_DEMAND;

    private Builder() {}

    /**
     * On-Demand (the default) or Spot.
     *
     * @param purchaseOption the purchase option
     * @return this builder
     */
    public Builder purchaseOption(PurchaseOption purchaseOption) {
      this.purchaseOption = purchaseOption;
      return this;
    }

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
     * Adds a tag; keys starting with {@code aws:} are reserved for AWS and rejected.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder tag(String key, String value) {
      tags.put(checkTagKey(key), Require.notNull("tag value", value));
      return this;
    }

    /**
     * The Auto Scaling group the instance belongs to: sets the reserved tag {@link Ec2#GROUP_TAG},
     * which only Auto Scaling sets in AWS. The twin's groups set it on their launches; a test may
     * set it to stand in for a group, and the instance then reports in that group's aggregate
     * metrics ({@code AutoScalingGroupName} dimension) and joins a linked ECS cluster.
     *
     * @param autoScalingGroupName the group name
     * @return this builder
     */
    public Builder autoScalingGroupName(String autoScalingGroupName) {
      tags.put(Ec2.GROUP_TAG, Require.name("autoScalingGroupName", autoScalingGroupName));
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    // The canonical constructor rejects a missing availabilityZone with a ValidationException.
    @SuppressWarnings("NullAway")
    public InstanceSpec build() {
      return new InstanceSpec(
          instanceType,
          availabilityZone,
          bootTime,
          detailedMonitoring,
          launchTemplateName,
          launchTemplateVersion,
          idleCpuUtilization,
          tags,
          purchaseOption);
    }
  }
}

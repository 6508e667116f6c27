package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceLimitExceededException;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.InsufficientInstanceCapacityException;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Amazon EC2 API operations for what the twin simulates: instances, Availability Zones, one subnet
 * per zone in one VPC, and launch templates (name, versions, instance type). AWS's error codes
 * ({@code InvalidInstanceID.NotFound}, {@code InvalidInstanceID.Malformed}, {@code
 * InsufficientInstanceCapacity}, {@code InstanceLimitExceeded}, {@code InvalidParameterValue}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Ec2Operations {

  private static final Pagination PAGES = new Pagination("ec2", "InvalidNextToken");

  private final CloudTwin twin;
  private final Ec2 ec2;
  private final LaunchTemplates launchTemplates;

  /** Operations on {@code twin} with the SDK layer's launch templates. */
  public Ec2Operations(CloudTwin twin, LaunchTemplates launchTemplates) {
    this.twin = Objects.requireNonNull(twin, "twin");
    this.ec2 = twin.ec2();
    this.launchTemplates = Objects.requireNonNull(launchTemplates, "launchTemplates");
  }

  /** The launch templates. */
  public LaunchTemplates launchTemplates() {
    return launchTemplates;
  }

  /** The id of the twin's one VPC. */
  public String vpcId() {
    return "vpc-" + Ids.hex("vpc/" + twin.region(), 17);
  }

  /**
   * An instance state change as Terminate/Stop/StartInstances answer it.
   *
   * @param instanceId the instance
   * @param previous the state before the call
   * @param current the state after it
   */
  public record StateChange(String instanceId, InstanceState previous, InstanceState current) {}

  // ------------------------------------------------------------------ instances

  /**
   * {@code RunInstances}: {@code count} instances in the subnet's (or placement's) zone, from a
   * launch template or an instance type; all or none.
   */
  public List<Instance> runInstances(
      String instanceType,
      @Nullable String zone,
      String subnetId,
      Integer minCount,
      Integer maxCount,
      @Nullable String launchTemplateId,
      @Nullable String launchTemplateName,
      @Nullable String launchTemplateVersion,
      Map<String, String> tags) {
    if (minCount == null) throw missing("MinCount");
    if (maxCount == null) throw missing("MaxCount");
    if (minCount < 1 || maxCount < minCount) {
      throw AwsErrorException.badRequest(
          "InvalidParameterValue",
          "MinCount must be at least 1 and MaxCount at least"
              + " MinCount (MinCount "
              + minCount
              + ", MaxCount "
              + maxCount
              + ")");
    }
    String type = instanceType;
    String ltName = null;
    String ltVersion = null;
    if (launchTemplateId != null || launchTemplateName != null) {
      LaunchTemplates.Resolved lt;
      try {
        lt = launchTemplates.resolve(launchTemplateId, launchTemplateName, launchTemplateVersion);
      } catch (AwsErrorException e) {
        throw AwsErrorException.badRequest(
            launchTemplateId != null
                ? "InvalidLaunchTemplateId.NotFound"
                : "InvalidLaunchTemplateName.NotFoundException",
            e.getMessage());
      }
      ltName = lt.name();
      ltVersion = lt.version();
      if (type == null) type = lt.instanceType();
    }
    if (type == null) throw missing("InstanceType");
    String z =
        subnetId != null
            ? zoneOfSubnet(subnetId)
            : zone != null ? zone(zone).name() : twin.availabilityZones().get(0).name();
    if (ec2.zoneState(z) != ZoneState.AVAILABLE) {
      throw new AwsErrorException(
          "InsufficientInstanceCapacity",
          500,
          "We currently do not have sufficient "
              + type
              + " capacity in the Availability Zone you requested ("
              + z
              + ").");
    }
    InstanceSpec.Builder b = InstanceSpec.builder().availabilityZone(z);
    try {
      b.instanceType(type);
    } catch (ValidationException e) {
      throw AwsErrorException.badRequest(
          "InvalidParameterValue", "Invalid value '" + type + "' for InstanceType.");
    }
    if (ltName != null)
      b.launchTemplate(
          ltName, Objects.requireNonNull(ltVersion, "a resolved launch template's version"));
    if (tags != null) tags.forEach(b::tag);
    InstanceSpec spec = b.build();
    if (ec2.instances().stream().filter(i -> i.state() != InstanceState.TERMINATED).count()
            + maxCount
        > ec2.instanceQuota()) {
      throw AwsErrorException.badRequest(
          "InstanceLimitExceeded",
          "You have requested more instances ("
              + maxCount
              + ") than your current instance limit of "
              + ec2.instanceQuota()
              + " allows for the specified instance type.");
    }
    List<Instance> out = new ArrayList<>();
    try {
      for (int i = 0; i < maxCount; i++) out.add(ec2.runInstance(spec));
    } catch (InsufficientInstanceCapacityException | InstanceLimitExceededException e) {
      for (Instance i : out) ec2.terminateInstance(i.instanceId());
      throw new AwsErrorException(
          "InsufficientInstanceCapacity",
          500,
          Objects.requireNonNull(e.getMessage(), "core's capacity refusals carry a message"));
    }
    return out;
  }

  /** {@code DescribeInstances}: by id (each must exist) and filters, by launch time. */
  public Page<Instance> describeInstances(
      @Nullable List<String> instanceIds,
      @Nullable Map<String, List<String>> filters,
      @Nullable String nextToken,
      @Nullable Integer maxResults) {
    List<Instance> all = new ArrayList<>();
    if (instanceIds != null && !instanceIds.isEmpty()) {
      for (String id : new LinkedHashSet<>(instanceIds)) all.add(instance(id));
    } else {
      all.addAll(ec2.instances());
    }
    if (filters != null) all.removeIf(i -> !matches(i, filters));
    if (maxResults != null && instanceIds != null && !instanceIds.isEmpty()) {
      throw AwsErrorException.badRequest(
          "InvalidParameterCombination",
          "The parameter instancesSet cannot be used with" + " the parameter maxResults");
    }
    if (maxResults != null && (maxResults < 5 || maxResults > 1000)) {
      throw AwsErrorException.badRequest(
          "InvalidParameterValue",
          "Value ( "
              + maxResults
              + " ) for parameter maxResults"
              + " is invalid. Expecting a value greater than 5.");
    }
    return PAGES.page(
        "DescribeInstances", all, nextToken, maxResults, Integer.MAX_VALUE, 1000, "MaxResults");
  }

  private boolean matches(Instance i, Map<String, List<String>> filters) {
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      String name = f.getKey();
      List<String> values = f.getValue();
      String actual;
      if (name.startsWith("tag:")) {
        actual = i.tags().get(name.substring(4));
      } else {
        actual =
            switch (name) {
              case "instance-id" -> i.instanceId();
              case "instance-state-name" -> i.state().toString();
              case "availability-zone" -> i.availabilityZone();
              case "instance-type" -> i.instanceType().name();
              case "subnet-id" -> Ids.subnetId(i.availabilityZone());
              case "vpc-id" -> vpcId();
              default ->
                  throw AwsErrorException.badRequest(
                      "InvalidParameterValue",
                      "The filter '"
                          + name
                          + "' is invalid (the twin filters by instance-id, instance-state-name, availability-zone, instance-type,"
                          + " subnet-id, vpc-id and tag:<key>)");
            };
      }
      if (actual == null || !values.contains(actual)) return false;
    }
    return true;
  }

  /** The instance, or {@code InvalidInstanceID.Malformed} / {@code InvalidInstanceID.NotFound}. */
  public Instance instance(String id) {
    if (id == null || !id.matches("i-[0-9a-f]{8,17}")) {
      throw AwsErrorException.badRequest(
          "InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
    }
    for (Instance i : ec2.instances()) if (i.instanceId().equals(id)) return i;
    throw AwsErrorException.badRequest(
        "InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
  }

  /** {@code TerminateInstances}. */
  public List<StateChange> terminateInstances(@Nullable List<String> ids) {
    return change(ids, ec2::terminateInstance);
  }

  /** {@code StopInstances}. */
  public List<StateChange> stopInstances(@Nullable List<String> ids) {
    return change(ids, ec2::stopInstance);
  }

  /** {@code StartInstances}. */
  public List<StateChange> startInstances(@Nullable List<String> ids) {
    return change(ids, ec2::startInstance);
  }

  private List<StateChange> change(
      @Nullable List<String> ids, java.util.function.Consumer<String> action) {
    if (ids == null || ids.isEmpty()) throw missing("InstanceIds");
    List<Instance> instances = new ArrayList<>();
    for (String id : ids) instances.add(instance(id));
    List<StateChange> out = new ArrayList<>();
    for (Instance i : instances) {
      InstanceState before = i.state();
      try {
        action.accept(i.instanceId());
      } catch (ValidationException e) {
        throw AwsErrorException.badRequest(
            "IncorrectInstanceState",
            "The instance '"
                + i.instanceId()
                + "' is not in a state from which it can be changed ("
                + before
                + ")");
      }
      out.add(new StateChange(i.instanceId(), before, i.state()));
    }
    return out;
  }

  /** {@code DescribeInstanceStatus}: running instances (all with {@code includeAll}). */
  public List<Instance> describeInstanceStatus(@Nullable List<String> ids, boolean includeAll) {
    List<Instance> all = new ArrayList<>();
    if (ids != null && !ids.isEmpty()) {
      for (String id : ids) all.add(instance(id));
    } else {
      all.addAll(ec2.instances());
    }
    if (!includeAll) all.removeIf(i -> i.state() != InstanceState.RUNNING);
    all.sort(Comparator.comparing(Instance::instanceId));
    return all;
  }

  // ------------------------------------------------------------------ zones and subnets

  /** {@code DescribeAvailabilityZones}: the twin's zones, or the named ones. */
  public List<AvailabilityZone> describeAvailabilityZones(List<String> names) {
    if (names == null || names.isEmpty()) return twin.availabilityZones();
    List<AvailabilityZone> out = new ArrayList<>();
    for (String n : names) out.add(zone(n));
    return out;
  }

  /** The zone, or {@code InvalidParameterValue}. */
  public AvailabilityZone zone(String name) {
    for (AvailabilityZone z : twin.availabilityZones())
      if (z.name().equals(name) || z.zoneId().equals(name)) return z;
    throw AwsErrorException.badRequest(
        "InvalidParameterValue", "Invalid availability zone: [" + name + "]");
  }

  /** {@code DescribeSubnets}: one subnet per zone; the named ones must exist. */
  public List<AvailabilityZone> describeSubnets(@Nullable List<String> subnetIds) {
    if (subnetIds == null || subnetIds.isEmpty()) return twin.availabilityZones();
    List<AvailabilityZone> out = new ArrayList<>();
    for (String s : subnetIds) out.add(zone(zoneOfSubnet(s)));
    return out;
  }

  private String zoneOfSubnet(String subnetId) {
    for (AvailabilityZone z : twin.availabilityZones())
      if (Ids.subnetId(z.name()).equals(subnetId)) return z.name();
    throw AwsErrorException.badRequest(
        "InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist");
  }

  private static AwsErrorException missing(String field) {
    return AwsErrorException.badRequest(
        "MissingParameter", "The request must contain the parameter " + field);
  }
}

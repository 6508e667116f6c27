package io.github.cloudtwin.awssdk.internal.ec2;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.internal.operations.Ec2Operations;
import io.github.cloudtwin.awssdk.internal.operations.Ec2Operations.StateChange;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.ZoneState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * The {@code Ec2Client} operations for what the twin simulates: instances, zones, subnets (one per
 * zone); {@link LaunchTemplateHandler} serves launch templates. EC2 models no exceptions: errors
 * are {@link Ec2Exception}s carrying EC2's codes.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Ec2Handler {

  /** EC2's errors: the base exception with EC2's codes (EC2 models none). */
  public static final SdkErrors ERRORS =
      new SdkErrors("Ec2", "InvalidParameterValue", Ec2Exception::builder, Map.of());

  private final CloudTwin twin;
  private final Ec2Operations ops;
  private software.amazon.awssdk.services.ec2.Ec2Client sync;

  /** A handler over {@code ops}. */
  public Ec2Handler(CloudTwin twin, Ec2Operations ops) {
    this.twin = twin;
    this.ops = ops;
  }

  /** Sets the client the waiters poll. */
  public void bind(software.amazon.awssdk.services.ec2.Ec2Client client) {
    this.sync = client;
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.ec2.waiters.Ec2Waiter waiter() {
    return new Ec2Waiters.Sync(twin, sync);
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.ec2.waiters.Ec2AsyncWaiter asyncWaiter() {
    return new Ec2Waiters.Async(new Ec2Waiters.Sync(twin, sync));
  }

  // ------------------------------------------------------------------ instances

  /** RunInstances. */
  public RunInstancesResponse runInstances(RunInstancesRequest r) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (r.hasTagSpecifications()) {
      for (TagSpecification t : r.tagSpecifications()) {
        if (t.resourceType() == null || "instance".equals(t.resourceTypeAsString())) {
          for (Tag tag : t.tags()) tags.put(tag.key(), tag.value());
        }
      }
    }
    var lt = r.launchTemplate();
    List<io.github.cloudtwin.ec2.Instance> started =
        ops.runInstances(
            r.instanceTypeAsString(),
            r.placement() == null ? null : r.placement().availabilityZone(),
            r.subnetId(),
            r.minCount(),
            r.maxCount(),
            lt == null ? null : lt.launchTemplateId(),
            lt == null ? null : lt.launchTemplateName(),
            lt == null ? null : lt.version(),
            tags);
    return RunInstancesResponse.builder()
        .reservationId(reservationId(started.get(0)))
        .ownerId(twin.accountId())
        .groups(List.of())
        .instances(started.stream().map(this::instance).toList())
        .build();
  }

  private static String reservationId(io.github.cloudtwin.ec2.Instance i) {
    return "r-" + Ids.hex("reservation/" + i.instanceId(), 17);
  }

  /** DescribeInstances: one reservation per instance. */
  public DescribeInstancesResponse describeInstances(DescribeInstancesRequest r) {
    Map<String, List<String>> filters = null;
    if (r.hasFilters() && !r.filters().isEmpty()) {
      filters = new LinkedHashMap<>();
      for (Filter f : r.filters()) filters.put(f.name(), f.values());
    }
    Page<io.github.cloudtwin.ec2.Instance> page =
        ops.describeInstances(
            r.hasInstanceIds() ? r.instanceIds() : null, filters, r.nextToken(), r.maxResults());
    List<Reservation> out = new ArrayList<>();
    for (io.github.cloudtwin.ec2.Instance i : page.items()) {
      out.add(
          Reservation.builder()
              .reservationId(reservationId(i))
              .ownerId(twin.accountId())
              .groups(List.of())
              .instances(instance(i))
              .build());
    }
    return DescribeInstancesResponse.builder()
        .reservations(out)
        .nextToken(page.nextToken())
        .build();
  }

  private Instance instance(io.github.cloudtwin.ec2.Instance i) {
    List<Tag> tags =
        i.tags().entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    Instance.Builder b =
        Instance.builder()
            .instanceId(i.instanceId())
            .imageId("ami-" + Ids.hex("ami/" + twin.region(), 17))
            .instanceType(i.instanceType().name())
            .launchTime(i.launchTime())
            .placement(p -> p.availabilityZone(i.availabilityZone()).tenancy("default"))
            .state(state(i.state()))
            .subnetId(Ids.subnetId(i.availabilityZone()))
            .vpcId(ops.vpcId())
            .privateIpAddress(privateIp(i.instanceId()))
            .monitoring(m -> m.state(i.spec().detailedMonitoring() ? "enabled" : "disabled"))
            .architecture("x86_64")
            .rootDeviceType("ebs")
            .virtualizationType("hvm")
            .hypervisor("xen")
            .securityGroups(List.of())
            .tags(tags);
    if (i.spec().launchTemplateName() != null) {
      b.tags(
          concat(
              tags,
              List.of(
                  Tag.builder()
                      .key("aws:ec2launchtemplate:id")
                      .value("lt-" + Ids.hex("lt/" + i.spec().launchTemplateName(), 17))
                      .build(),
                  Tag.builder()
                      .key("aws:ec2launchtemplate:version")
                      .value(i.spec().launchTemplateVersion())
                      .build())));
    }
    return b.build();
  }

  private static List<Tag> concat(List<Tag> a, List<Tag> b) {
    List<Tag> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String privateIp(String instanceId) {
    long h = Ids.hash(instanceId);
    return "10.0." + ((h >>> 8) & 0xff) + "." + (1 + (h & 0xfd));
  }

  static software.amazon.awssdk.services.ec2.model.InstanceState state(InstanceState s) {
    int code =
        switch (s) {
          case PENDING -> 0;
          case RUNNING -> 16;
          case SHUTTING_DOWN -> 32;
          case TERMINATED -> 48;
          case STOPPING -> 64;
          case STOPPED -> 80;
        };
    return software.amazon.awssdk.services.ec2.model.InstanceState.builder()
        .code(code)
        .name(s.toString())
        .build();
  }

  /** TerminateInstances. */
  public TerminateInstancesResponse terminateInstances(TerminateInstancesRequest r) {
    return TerminateInstancesResponse.builder()
        .terminatingInstances(
            changes(ops.terminateInstances(r.hasInstanceIds() ? r.instanceIds() : null)))
        .build();
  }

  /** StopInstances. */
  public StopInstancesResponse stopInstances(StopInstancesRequest r) {
    return StopInstancesResponse.builder()
        .stoppingInstances(changes(ops.stopInstances(r.hasInstanceIds() ? r.instanceIds() : null)))
        .build();
  }

  /** StartInstances. */
  public StartInstancesResponse startInstances(StartInstancesRequest r) {
    return StartInstancesResponse.builder()
        .startingInstances(changes(ops.startInstances(r.hasInstanceIds() ? r.instanceIds() : null)))
        .build();
  }

  private static List<InstanceStateChange> changes(List<StateChange> changes) {
    return changes.stream()
        .map(
            c ->
                InstanceStateChange.builder()
                    .instanceId(c.instanceId())
                    .previousState(state(c.previous()))
                    .currentState(state(c.current()))
                    .build())
        .toList();
  }

  /**
   * DescribeInstanceStatus: {@code ok} while reachable, {@code impaired} when crashed or its zone
   * is impaired.
   */
  public DescribeInstanceStatusResponse describeInstanceStatus(DescribeInstanceStatusRequest r) {
    List<InstanceStatus> out = new ArrayList<>();
    for (io.github.cloudtwin.ec2.Instance i :
        ops.describeInstanceStatus(
            r.hasInstanceIds() ? r.instanceIds() : null,
            Boolean.TRUE.equals(r.includeAllInstances()))) {
      String status =
          i.state() != InstanceState.RUNNING ? "not-applicable" : i.statusOk() ? "ok" : "impaired";
      String system =
          i.state() != InstanceState.RUNNING
              ? "not-applicable"
              : i.isZoneImpaired() ? "impaired" : "ok";
      out.add(
          InstanceStatus.builder()
              .instanceId(i.instanceId())
              .availabilityZone(i.availabilityZone())
              .instanceState(state(i.state()))
              .instanceStatus(
                  s ->
                      s.status(status)
                          .details(
                              InstanceStatusDetails.builder()
                                  .name("reachability")
                                  .status(
                                      "ok".equals(status)
                                          ? "passed"
                                          : "not-applicable".equals(status)
                                              ? "initializing"
                                              : "failed")
                                  .build()))
              .systemStatus(s -> s.status(system))
              .events(List.of())
              .build());
    }
    return DescribeInstanceStatusResponse.builder().instanceStatuses(out).build();
  }

  // ------------------------------------------------------------------ zones and subnets

  /** DescribeAvailabilityZones: impaired zones answer {@code impaired}. */
  public DescribeAvailabilityZonesResponse describeAvailabilityZones(
      DescribeAvailabilityZonesRequest r) {
    List<String> names = new ArrayList<>();
    if (r.hasZoneNames()) names.addAll(r.zoneNames());
    if (r.hasZoneIds()) names.addAll(r.zoneIds());
    List<AvailabilityZone> out = new ArrayList<>();
    for (io.github.cloudtwin.ec2.AvailabilityZone z : ops.describeAvailabilityZones(names)) {
      boolean up = twin.ec2().zoneState(z.name()) == ZoneState.AVAILABLE;
      out.add(
          AvailabilityZone.builder()
              .zoneName(z.name())
              .zoneId(z.zoneId())
              .regionName(z.region())
              .state(up ? "available" : "impaired")
              .optInStatus("opt-in-not-required")
              .groupName(z.region())
              .networkBorderGroup(z.region())
              .zoneType("availability-zone")
              .messages(List.of())
              .build());
    }
    return DescribeAvailabilityZonesResponse.builder().availabilityZones(out).build();
  }

  /** DescribeSubnets: the twin's one subnet per zone, in its one VPC. */
  public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest r) {
    if (r.hasFilters() && !r.filters().isEmpty()) {
      throw new UnsupportedOperationException(
          "DescribeSubnets with Filters is not simulated by CloudTwin (SubnetIds is)");
    }
    List<Subnet> out = new ArrayList<>();
    for (io.github.cloudtwin.ec2.AvailabilityZone z :
        ops.describeSubnets(r.hasSubnetIds() ? r.subnetIds() : null)) {
      int index = twin.availabilityZones().indexOf(z);
      out.add(
          Subnet.builder()
              .subnetId(Ids.subnetId(z.name()))
              .subnetArn(twin.arns().of("ec2", "subnet/" + Ids.subnetId(z.name())))
              .vpcId(ops.vpcId())
              .availabilityZone(z.name())
              .availabilityZoneId(z.zoneId())
              .cidrBlock("10.0." + (16 * index) + ".0/20")
              .availableIpAddressCount(4091)
              .state("available")
              .defaultForAz(true)
              .mapPublicIpOnLaunch(true)
              .ownerId(twin.accountId())
              .tags(List.of())
              .build());
    }
    return DescribeSubnetsResponse.builder().subnets(out).build();
  }
}

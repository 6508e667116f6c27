package io.github.cloudtwin.awssdk.internal.elb;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.ElbArns;
import io.github.cloudtwin.awssdk.internal.operations.ElbOperations;
import io.github.cloudtwin.awssdk.internal.operations.ElbOperations.TargetHealthRow;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import io.github.cloudtwin.elb.HealthCheckSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancerType;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * The {@code ElasticLoadBalancingV2Client} operations over {@link ElbOperations}: Application and
 * Network Load Balancers, target groups, targets and their health; listeners with their rules have
 * a handler of their own (see {@link #handlers()}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ElasticLoadBalancingV2Handler {

  /** ELBv2's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS =
      new SdkErrors(
          "ElasticLoadBalancingV2",
          "ValidationError",
          ElasticLoadBalancingV2Exception::builder,
          Map.<String, Supplier<AwsServiceException.Builder>>ofEntries(
              Map.entry("LoadBalancerNotFound", LoadBalancerNotFoundException::builder),
              Map.entry("TargetGroupNotFound", TargetGroupNotFoundException::builder),
              Map.entry("ListenerNotFound", ListenerNotFoundException::builder),
              Map.entry("RuleNotFound", RuleNotFoundException::builder),
              Map.entry("DuplicateLoadBalancerName", DuplicateLoadBalancerNameException::builder),
              Map.entry("DuplicateTargetGroupName", DuplicateTargetGroupNameException::builder),
              Map.entry("DuplicateListener", DuplicateListenerException::builder),
              Map.entry("InvalidTarget", InvalidTargetException::builder),
              Map.entry("SubnetNotFound", SubnetNotFoundException::builder),
              Map.entry(
                  "InvalidConfigurationRequest", InvalidConfigurationRequestException::builder),
              Map.entry("PriorityInUse", PriorityInUseException::builder),
              Map.entry("ResourceInUse", ResourceInUseException::builder),
              Map.entry("OperationNotPermitted", OperationNotPermittedException::builder)));

  private final CloudTwin twin;
  private final ElbOperations ops;
  private final ElbArns arns;
  private final ListenerHandler listeners;
  private software.amazon.awssdk.services.elasticloadbalancingv2.@Nullable
      ElasticLoadBalancingV2Client
      sync;

  /** A handler over {@code ops}. */
  public ElasticLoadBalancingV2Handler(CloudTwin twin, ElbOperations ops) {
    this.twin = twin;
    this.ops = ops;
    this.arns = ops.arns();
    this.listeners = new ListenerHandler(twin, ops);
  }

  /** {@return the handlers of the client's operations: this one and the listeners and rules'} */
  public List<Object> handlers() {
    return List.of(this, listeners);
  }

  /** Sets the client the waiters poll. */
  public void bind(
      software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client client) {
    this.sync = client;
  }

  private software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client
      client() {
    return Objects.requireNonNull(sync, "AwsSdkClients binds the client before handing it out");
  }

  /** The waiter, on virtual time. */
  public software.amazon.awssdk.services.elasticloadbalancingv2.waiters.ElasticLoadBalancingV2Waiter
      waiter() {
    return new ElbWaiter(twin, client());
  }

  /** The async waiter, on virtual time. */
  public software.amazon.awssdk.services.elasticloadbalancingv2.waiters
          .ElasticLoadBalancingV2AsyncWaiter
      asyncWaiter() {
    return new ElbAsyncWaiter(new ElbWaiter(twin, client()));
  }

  // ------------------------------------------------------------------ load balancers

  /** CreateLoadBalancer. */
  public CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest r) {
    List<String> subnets = new ArrayList<>();
    if (r.hasSubnets()) subnets.addAll(r.subnets());
    if (r.hasSubnetMappings()) for (SubnetMapping m : r.subnetMappings()) subnets.add(m.subnetId());
    io.github.cloudtwin.elb.LoadBalancer lb =
        ops.createLoadBalancer(r.name(), r.typeAsString(), subnets);
    return CreateLoadBalancerResponse.builder()
        .loadBalancers(loadBalancer(lb, r.schemeAsString()))
        .build();
  }

  /** DescribeLoadBalancers. */
  public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest r) {
    Page<io.github.cloudtwin.elb.LoadBalancer> page =
        ops.describeLoadBalancers(
            r.hasNames() ? r.names() : null,
            r.hasLoadBalancerArns() ? r.loadBalancerArns() : null,
            r.marker(),
            r.pageSize());
    return DescribeLoadBalancersResponse.builder()
        .loadBalancers(page.items().stream().map(lb -> loadBalancer(lb, null)).toList())
        .nextMarker(page.nextToken())
        .build();
  }

  private LoadBalancer loadBalancer(
      io.github.cloudtwin.elb.LoadBalancer lb, @Nullable String scheme) {
    LoadBalancerSpec s = lb.spec();
    String hex = lb.dimensionValue().substring(lb.dimensionValue().lastIndexOf('/') + 1);
    List<AvailabilityZone> zones = new ArrayList<>();
    for (String z : s.availabilityZones()) {
      zones.add(
          AvailabilityZone.builder()
              .zoneName(z)
              .subnetId(Ids.subnetId(z))
              .loadBalancerAddresses(List.of())
              .build());
    }
    return LoadBalancer.builder()
        .loadBalancerArn(arns.loadBalancerArn(lb))
        .dnsName(
            lb.name()
                + "-"
                + Long.parseUnsignedLong(hex.substring(0, 9), 16) % 10_000_000_000L
                + "."
                + twin.region()
                + ".elb.amazonaws.com")
        .canonicalHostedZoneId(
            s.type() == LoadBalancerType.NETWORK ? "Z26RNL4JYFTOTI" : "Z35SXDOTRQ7X7K")
        .createdTime(ops.createdTime(lb))
        .loadBalancerName(lb.name())
        .scheme(scheme == null ? "internet-facing" : scheme)
        .vpcId("vpc-" + Ids.hex("vpc/" + twin.region(), 17))
        .state(LoadBalancerState.builder().code("active").build())
        .type(s.type().name().toLowerCase(Locale.ROOT))
        .availabilityZones(zones)
        .securityGroups(List.of())
        .ipAddressType("ipv4")
        .build();
  }

  /** DescribeLoadBalancerAttributes. */
  public DescribeLoadBalancerAttributesResponse describeLoadBalancerAttributes(
      DescribeLoadBalancerAttributesRequest r) {
    LoadBalancerSpec s = ops.loadBalancer(r.loadBalancerArn()).spec();
    List<LoadBalancerAttribute> out = new ArrayList<>();
    out.add(attribute("deletion_protection.enabled", "false"));
    out.add(attribute("load_balancing.cross_zone.enabled", Boolean.toString(s.crossZone())));
    if (s.type() == LoadBalancerType.APPLICATION) {
      out.add(
          attribute("idle_timeout.timeout_seconds", Long.toString(s.idleTimeout().toSeconds())));
      out.add(attribute("routing.http2.enabled", "true"));
    }
    return DescribeLoadBalancerAttributesResponse.builder().attributes(out).build();
  }

  private static LoadBalancerAttribute attribute(String key, String value) {
    return LoadBalancerAttribute.builder().key(key).value(value).build();
  }

  // ------------------------------------------------------------------ target groups

  /** CreateTargetGroup. */
  public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest r) {
    io.github.cloudtwin.elb.TargetGroup tg =
        ops.createTargetGroup(
            r.name(),
            r.protocolAsString(),
            r.port(),
            r.targetTypeAsString(),
            new ElbOperations.HealthCheck(
                r.healthCheckProtocolAsString(),
                r.healthCheckPort(),
                r.healthCheckPath(),
                r.healthCheckIntervalSeconds(),
                r.healthCheckTimeoutSeconds(),
                r.healthyThresholdCount(),
                r.unhealthyThresholdCount(),
                r.matcher() == null ? null : r.matcher().httpCode(),
                r.healthCheckEnabled()));
    return CreateTargetGroupResponse.builder().targetGroups(targetGroup(tg)).build();
  }

  /** DescribeTargetGroups. */
  public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest r) {
    Page<io.github.cloudtwin.elb.TargetGroup> page =
        ops.describeTargetGroups(
            r.loadBalancerArn(),
            r.hasTargetGroupArns() ? r.targetGroupArns() : null,
            r.hasNames() ? r.names() : null,
            r.marker(),
            r.pageSize());
    return DescribeTargetGroupsResponse.builder()
        .targetGroups(page.items().stream().map(this::targetGroup).toList())
        .nextMarker(page.nextToken())
        .build();
  }

  private TargetGroup targetGroup(io.github.cloudtwin.elb.TargetGroup tg) {
    TargetGroupSpec s = tg.spec();
    HealthCheckSpec hc = tg.healthCheck();
    List<String> lbArns =
        ops.loadBalancersOf(tg).stream()
            .map(n -> arns.loadBalancerArn(twin.loadBalancing().loadBalancer(n)))
            .toList();
    TargetGroup.Builder b =
        TargetGroup.builder()
            .targetGroupArn(arns.targetGroupArn(tg))
            .targetGroupName(tg.name())
            .protocol(s.protocol().name())
            .port(s.port())
            .vpcId("vpc-" + Ids.hex("vpc/" + twin.region(), 17))
            .healthCheckProtocol(
                Objects.requireNonNull(hc.protocol(), "a resolved health check's protocol").name())
            .healthCheckPort(hc.port() == null ? "traffic-port" : Integer.toString(hc.port()))
            .healthCheckEnabled(hc.enabled())
            .healthCheckIntervalSeconds(
                (int) Objects.requireNonNull(hc.interval(), "resolved interval").toSeconds())
            .healthCheckTimeoutSeconds(
                (int) Objects.requireNonNull(hc.timeout(), "resolved timeout").toSeconds())
            .healthyThresholdCount(hc.healthyThresholdCount())
            .unhealthyThresholdCount(hc.unhealthyThresholdCount())
            .loadBalancerArns(lbArns)
            .targetType(s.targetType().name().toLowerCase(Locale.ROOT))
            .ipAddressType("ipv4");
    if (hc.path() != null) b.healthCheckPath(hc.path());
    if (hc.matcher() != null) b.matcher(Matcher.builder().httpCode(hc.matcher()).build());
    if (s.protocol().isHttp()) b.protocolVersion("HTTP1");
    return b.build();
  }

  /** DescribeTargetGroupAttributes. */
  public DescribeTargetGroupAttributesResponse describeTargetGroupAttributes(
      DescribeTargetGroupAttributesRequest r) {
    TargetGroupSpec s = ops.targetGroup(r.targetGroupArn()).spec();
    List<TargetGroupAttribute> out = new ArrayList<>();
    out.add(
        tgAttribute(
            "deregistration_delay.timeout_seconds",
            Long.toString(s.deregistrationDelay().toSeconds())));
    out.add(tgAttribute("stickiness.enabled", "false"));
    out.add(
        tgAttribute(
            "load_balancing.cross_zone.enabled",
            s.crossZoneEnabled() == null
                ? "use_load_balancer_configuration"
                : s.crossZoneEnabled().toString()));
    out.add(
        tgAttribute(
            "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count",
            Integer.toString(s.minimumHealthyTargetsCount())));
    if (s.protocol().isHttp()) {
      out.add(tgAttribute("slow_start.duration_seconds", Long.toString(s.slowStart().toSeconds())));
      out.add(tgAttribute("load_balancing.algorithm.type", s.algorithm().awsName()));
    }
    return DescribeTargetGroupAttributesResponse.builder().attributes(out).build();
  }

  private static TargetGroupAttribute tgAttribute(String key, String value) {
    return TargetGroupAttribute.builder().key(key).value(value).build();
  }

  /** DeleteLoadBalancer. */
  public DeleteLoadBalancerResponse deleteLoadBalancer(DeleteLoadBalancerRequest r) {
    ops.deleteLoadBalancer(r.loadBalancerArn());
    return DeleteLoadBalancerResponse.builder().build();
  }

  /** DeleteTargetGroup. */
  public DeleteTargetGroupResponse deleteTargetGroup(DeleteTargetGroupRequest r) {
    ops.deleteTargetGroup(r.targetGroupArn());
    return DeleteTargetGroupResponse.builder().build();
  }

  // ------------------------------------------------------------------ targets

  /** RegisterTargets. */
  public RegisterTargetsResponse registerTargets(RegisterTargetsRequest r) {
    List<io.github.cloudtwin.elb.TargetDescription> targets = new ArrayList<>();
    if (r.hasTargets()) {
      io.github.cloudtwin.elb.TargetGroup tg = ops.targetGroup(r.targetGroupArn());
      for (TargetDescription t : r.targets()) {
        if (t.id() == null)
          throw AwsErrorException.badRequest("ValidationError", "A target ID must be specified");
        io.github.cloudtwin.elb.TargetDescription d =
            tg.spec().targetType() == io.github.cloudtwin.elb.TargetType.IP
                ? io.github.cloudtwin.elb.TargetDescription.ip(t.id(), t.availabilityZone())
                : io.github.cloudtwin.elb.TargetDescription.instance(t.id());
        targets.add(t.port() == null ? d : d.withPort(t.port()));
      }
    }
    ops.registerTargets(r.targetGroupArn(), targets);
    return RegisterTargetsResponse.builder().build();
  }

  /** DeregisterTargets. */
  public DeregisterTargetsResponse deregisterTargets(DeregisterTargetsRequest r) {
    ops.deregisterTargets(
        r.targetGroupArn(),
        r.hasTargets() ? r.targets().stream().map(TargetDescription::id).toList() : null);
    return DeregisterTargetsResponse.builder().build();
  }

  /** DescribeTargetHealth, with AWS's states, reason codes and descriptions. */
  public DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest r) {
    List<TargetHealthDescription> out = new ArrayList<>();
    for (TargetHealthRow row :
        ops.describeTargetHealth(
            r.targetGroupArn(),
            r.hasTargets() ? r.targets().stream().map(TargetDescription::id).toList() : null)) {
      TargetHealth.Builder h = TargetHealth.builder().state(row.health().state().awsName());
      if (row.health().reasonCode() != null) h.reason(row.health().reasonCode());
      if (row.health().description() != null) h.description(row.health().description());
      out.add(
          TargetHealthDescription.builder()
              .target(TargetDescription.builder().id(row.id()).port(row.port()).build())
              .healthCheckPort(Integer.toString(row.port()))
              .targetHealth(h.build())
              .build());
    }
    return DescribeTargetHealthResponse.builder().targetHealthDescriptions(out).build();
  }
}

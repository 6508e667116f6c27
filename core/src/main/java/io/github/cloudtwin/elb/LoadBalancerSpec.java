package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What to create: a load balancer's name, type, enabled zones and attributes.
 *
 * @param name 1-32 alphanumerics or hyphens, not starting or ending with a hyphen
 * @param type APPLICATION, NETWORK or CLASSIC
 * @param availabilityZones the enabled zones (an ALB needs at least 2)
 * @param crossZoneEnabled {@code load_balancing.cross_zone.enabled}; null means the type's default
 *     (ALB on, NLB off, Classic off as created through the API)
 * @param idleTimeout {@code idle_timeout.timeout_seconds}, default 60 s (1-4000)
 * @param healthCheck Classic only: the health check ({@link HealthCheckSpec#classicTarget})
 * @param connectionDrainingEnabled Classic only: connection draining, default off (API)
 * @param connectionDrainingTimeout Classic only: default 300 s (1-3600)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record LoadBalancerSpec(
    String name,
    LoadBalancerType type,
    List<String> availabilityZones,
    @Nullable Boolean crossZoneEnabled,
    Duration idleTimeout,
    @Nullable HealthCheckSpec healthCheck,
    boolean connectionDrainingEnabled,
    Duration connectionDrainingTimeout) {

  /**
   * Validates and copies.
   *
   * @param name 1-32 alphanumerics or hyphens, not starting or ending with a hyphen
   * @param type APPLICATION, NETWORK or CLASSIC
   * @param availabilityZones the enabled zones (an ALB needs at least 2)
   * @param crossZoneEnabled {@code load_balancing.cross_zone.enabled}; null means the type's
   *     default (ALB on, NLB off, Classic off as created through the API)
   * @param idleTimeout {@code idle_timeout.timeout_seconds}, default 60 s (1-4000)
   * @param healthCheck Classic only: the health check ({@link HealthCheckSpec#classicTarget})
   * @param connectionDrainingEnabled Classic only: connection draining, default off (API)
   * @param connectionDrainingTimeout Classic only: default 300 s (1-3600)
   */
  public LoadBalancerSpec {
    Require.name("LoadBalancerName", name);
    if (name.length() > 32
        || !name.matches("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")
        || name.startsWith("internal-")) {
      throw new ValidationException(
          "LoadBalancerName",
          name,
          "1-32 alphanumeric characters or hyphens, not beginning or ending with a hyphen");
    }
    Require.notNull("Type", type);
    Require.notNull("AvailabilityZones", availabilityZones);
    LinkedHashSet<String> zones = new LinkedHashSet<>();
    for (String z : availabilityZones) {
      if (!zones.add(Require.name("AvailabilityZones", z))) {
        throw new ValidationException("AvailabilityZones", z, "each zone at most once");
      }
    }
    if (zones.isEmpty())
      throw new ValidationException("AvailabilityZones", "[]", "at least one zone");
    if (type == LoadBalancerType.APPLICATION && zones.size() < 2) {
      throw new ValidationException(
          "AvailabilityZones",
          zones,
          "at least two Availability Zones for an Application Load Balancer",
          "At least two subnets in two different Availability Zones must be specified");
    }
    List<String> sorted = new ArrayList<>(zones);
    sorted.sort(null);
    availabilityZones = List.copyOf(sorted);
    if (crossZoneEnabled != null && type == LoadBalancerType.APPLICATION && !crossZoneEnabled) {
      throw new ValidationException(
          "load_balancing.cross_zone.enabled",
          false,
          "true: cross-zone is always on for an Application Load Balancer; turn it off per target group");
    }
    idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
    Require.seconds("idle_timeout.timeout_seconds", idleTimeout, 1, 4000);
    if (healthCheck != null && type != LoadBalancerType.CLASSIC) {
      throw new ValidationException(
          "HealthCheck",
          healthCheck,
          "only for a Classic Load Balancer; set it on the target group");
    }
    connectionDrainingTimeout =
        connectionDrainingTimeout == null ? Duration.ofSeconds(300) : connectionDrainingTimeout;
    Require.seconds("ConnectionDraining.Timeout", connectionDrainingTimeout, 1, 3600);
  }

  /**
   * A builder for an Application Load Balancer named {@code name}.
   *
   * @param name the name
   * @return a builder for an Application Load Balancer named {@code name}
   */
  public static Builder application(String name) {
    return new Builder(name, LoadBalancerType.APPLICATION);
  }

  /**
   * A builder for a Network Load Balancer named {@code name}.
   *
   * @param name the name
   * @return a builder for a Network Load Balancer named {@code name}
   */
  public static Builder network(String name) {
    return new Builder(name, LoadBalancerType.NETWORK);
  }

  /**
   * A builder for a Classic Load Balancer named {@code name}.
   *
   * @param name the name
   * @return a builder for a Classic Load Balancer named {@code name}
   */
  public static Builder classic(String name) {
    return new Builder(name, LoadBalancerType.CLASSIC);
  }

  /** {@return whether cross-zone load balancing is on at the load balancer} */
  public boolean crossZone() {
    return crossZoneEnabled != null ? crossZoneEnabled : type == LoadBalancerType.APPLICATION;
  }

  /** Builds {@link LoadBalancerSpec}s. */
  public static final class Builder {
    private final String name;
    private final LoadBalancerType type;
    private List<String> zones = List.of();
    private @Nullable Boolean crossZone;
    // the canonical constructor's defaults, the same as leaving them null
    private Duration idleTimeout = Duration.ofSeconds(60);
    private @Nullable HealthCheckSpec healthCheck;
    private boolean draining;
    private Duration drainingTimeout = Duration.ofSeconds(300);

    private Builder(String name, LoadBalancerType type) {
      this.name = name;
      this.type = type;
    }

    /**
     * The enabled zones.
     *
     * @param zones the enabled zones
     * @return this builder
     */
    public Builder availabilityZones(String... zones) {
      this.zones =
          java.util.Arrays.asList(
              Require.notNull("AvailabilityZones", zones).clone()); // nulls rejected by build()
      return this;
    }

    /**
     * The enabled zones.
     *
     * @param zones the zones
     * @return this builder
     */
    public Builder availabilityZones(List<String> zones) {
      this.zones =
          new ArrayList<>(Require.notNull("AvailabilityZones", zones)); // nulls rejected by build()
      return this;
    }

    /**
     * {@code load_balancing.cross_zone.enabled} (NLB, Classic).
     *
     * @param enabled {@code load_balancing.cross_zone.enabled} (NLB, Classic)
     * @return this builder
     */
    public Builder crossZoneEnabled(boolean enabled) {
      this.crossZone = enabled;
      return this;
    }

    /**
     * {@code idle_timeout.timeout_seconds}.
     *
     * @param timeout {@code idle_timeout.timeout_seconds}
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Classic: the health check.
     *
     * @param healthCheck classic: the health check
     * @return this builder
     */
    public Builder healthCheck(HealthCheckSpec healthCheck) {
      this.healthCheck = healthCheck;
      return this;
    }

    /**
     * Classic: connection draining on, with {@code timeout}.
     *
     * @param enabled the enabled
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectionDraining(boolean enabled, Duration timeout) {
      this.draining = enabled;
      this.drainingTimeout = timeout;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public LoadBalancerSpec build() {
      return new LoadBalancerSpec(
          name, type, zones, crossZone, idleTimeout, healthCheck, draining, drainingTimeout);
    }
  }
}

package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What to create: a target group with its health check and attributes. The protocol decides the
 * load-balancer type it serves (HTTP/HTTPS: Application; TCP/TLS/UDP/TCP_UDP: Network), and with it
 * the health-check defaults.
 *
 * @param name 1-32 alphanumerics or hyphens
 * @param protocol the traffic protocol
 * @param port the traffic port (1-65535)
 * @param targetType INSTANCE (default) or IP
 * @param healthCheck the resolved health check (defaults filled in)
 * @param deregistrationDelay {@code deregistration_delay.timeout_seconds}, default 300 s (0-3600)
 * @param slowStart {@code slow_start.duration_seconds}, 0 (off) or 30-900 s
 * @param algorithm {@code load_balancing.algorithm.type}, default round robin
 * @param crossZoneEnabled {@code load_balancing.cross_zone.enabled}; null means {@code
 *     use_load_balancer_configuration}
 * @param minimumHealthyTargetsCount {@code
 *     target_group_health.unhealthy_state_routing.minimum_healthy_targets.count}, default 1
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record TargetGroupSpec(
    String name,
    Protocol protocol,
    int port,
    TargetType targetType,
    HealthCheckSpec healthCheck,
    Duration deregistrationDelay,
    Duration slowStart,
    LoadBalancingAlgorithm algorithm,
    @Nullable Boolean crossZoneEnabled,
    int minimumHealthyTargetsCount) {

  /**
   * Validates, resolves the health check's defaults and copies.
   *
   * @param name 1-32 alphanumerics or hyphens
   * @param protocol the traffic protocol
   * @param port the traffic port (1-65535)
   * @param targetType INSTANCE (default) or IP
   * @param healthCheck the resolved health check (defaults filled in)
   * @param deregistrationDelay {@code deregistration_delay.timeout_seconds}, default 300 s (0-3600)
   * @param slowStart {@code slow_start.duration_seconds}, 0 (off) or 30-900 s
   * @param algorithm {@code load_balancing.algorithm.type}, default round robin
   * @param crossZoneEnabled {@code load_balancing.cross_zone.enabled}; null means {@code
   *     use_load_balancer_configuration}
   * @param minimumHealthyTargetsCount {@code
   *     target_group_health.unhealthy_state_routing.minimum_healthy_targets.count}, default 1
   */
  public TargetGroupSpec {
    checkName(name);
    Require.notNull("Protocol", protocol);
    Require.between("Port", port, 1, 65535);
    targetType = targetType == null ? TargetType.INSTANCE : targetType;
    LoadBalancerType lbType =
        protocol.isHttp() ? LoadBalancerType.APPLICATION : LoadBalancerType.NETWORK;
    healthCheck =
        (healthCheck == null ? HealthCheckSpec.builder().build() : healthCheck)
            .resolve(lbType, protocol);
    deregistrationDelay =
        deregistrationDelay == null ? Duration.ofSeconds(300) : deregistrationDelay;
    Require.seconds("deregistration_delay.timeout_seconds", deregistrationDelay, 0, 3600);
    slowStart = slowStart == null ? Duration.ZERO : slowStart;
    long ss = Require.seconds("slow_start.duration_seconds", slowStart, 0, 900).toSeconds();
    if (ss != 0 && ss < 30) {
      throw new ValidationException(
          "slow_start.duration_seconds", ss, "0 (off) or between 30 and 900");
    }
    if (ss != 0 && !protocol.isHttp()) {
      throw new ValidationException(
          "slow_start.duration_seconds",
          ss,
          "0: slow start is for Application Load Balancer target groups");
    }
    algorithm = algorithm == null ? LoadBalancingAlgorithm.ROUND_ROBIN : algorithm;
    if (algorithm != LoadBalancingAlgorithm.ROUND_ROBIN && !protocol.isHttp()) {
      throw new ValidationException(
          "load_balancing.algorithm.type",
          algorithm.awsName(),
          "round_robin (flow hash) for a Network Load Balancer target group");
    }
    if (algorithm == LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS && ss != 0) {
      throw new ValidationException(
          "load_balancing.algorithm.type",
          algorithm.awsName(),
          "round_robin or weighted_random while slow start is on",
          "Slow start cannot be enabled with the least outstanding requests algorithm");
    }
    Require.between(
        "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count",
        minimumHealthyTargetsCount,
        1,
        10000);
  }

  /**
   * A builder: HTTP on port 80 (an Application Load Balancer target group).
   *
   * @param name the name
   * @return a builder: HTTP on port 80 (an Application Load Balancer target group)
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** {@return the load-balancer type this group serves, from its protocol} */
  public LoadBalancerType loadBalancerType() {
    return protocol.isHttp() ? LoadBalancerType.APPLICATION : LoadBalancerType.NETWORK;
  }

  private static void checkName(@Nullable String given) {
    String name = Require.name("Name", given);
    if (name.length() > 32 || !name.matches("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")) {
      throw new ValidationException(
          "Name",
          name,
          "1-32 alphanumeric characters or hyphens, not beginning or ending with a hyphen");
    }
  }

  /** Builds {@link TargetGroupSpec}s. */
  public static final class Builder {
    private final String name;
    private @Nullable Protocol protocol = Protocol.HTTP;
    private int port = 80;
    private TargetType targetType = TargetType.INSTANCE;
    // the canonical constructor's defaults, the same as leaving them null
    private HealthCheckSpec healthCheck = HealthCheckSpec.builder().build();
    private Duration deregistrationDelay = Duration.ofSeconds(300);
    private Duration slowStart = Duration.ZERO;
    private LoadBalancingAlgorithm algorithm = LoadBalancingAlgorithm.ROUND_ROBIN;
    private @Nullable Boolean crossZone;
    private int minimumHealthyTargets = 1;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * The traffic protocol (default HTTP).
     *
     * @param protocol the traffic protocol (default HTTP; null is rejected by {@link #build()})
     * @return this builder
     */
    public Builder protocol(@Nullable Protocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * The traffic port (default 80).
     *
     * @param port the traffic port (default 80)
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * INSTANCE (default) or IP.
     *
     * @param targetType INSTANCE (default) or IP
     * @return this builder
     */
    public Builder targetType(TargetType targetType) {
      this.targetType = targetType;
      return this;
    }

    /**
     * The health check; unset fields take AWS's defaults.
     *
     * @param healthCheck the health check; unset fields take AWS's defaults
     * @return this builder
     */
    public Builder healthCheck(HealthCheckSpec healthCheck) {
      this.healthCheck = healthCheck;
      return this;
    }

    /**
     * {@code deregistration_delay.timeout_seconds}.
     *
     * @param delay {@code deregistration_delay.timeout_seconds}
     * @return this builder
     */
    public Builder deregistrationDelay(Duration delay) {
      this.deregistrationDelay = delay;
      return this;
    }

    /**
     * {@code slow_start.duration_seconds}.
     *
     * @param duration {@code slow_start.duration_seconds}
     * @return this builder
     */
    public Builder slowStart(Duration duration) {
      this.slowStart = duration;
      return this;
    }

    /**
     * {@code load_balancing.algorithm.type}.
     *
     * @param algorithm {@code load_balancing.algorithm.type}
     * @return this builder
     */
    public Builder algorithm(LoadBalancingAlgorithm algorithm) {
      this.algorithm = algorithm;
      return this;
    }

    /**
     * {@code load_balancing.cross_zone.enabled}: true or false instead of the LB's setting.
     *
     * @param enabled {@code load_balancing.cross_zone.enabled}: true or false instead of the LB's
     *     setting
     * @return this builder
     */
    public Builder crossZoneEnabled(boolean enabled) {
      this.crossZone = enabled;
      return this;
    }

    /**
     * {@code target_group_health.unhealthy_state_routing.minimum_healthy_targets.count}.
     *
     * @param count {@code
     *     target_group_health.unhealthy_state_routing.minimum_healthy_targets.count}
     * @return this builder
     */
    public Builder minimumHealthyTargetsCount(int count) {
      this.minimumHealthyTargets = count;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public TargetGroupSpec build() {
      // the canonical constructor's first checks, made here where the builder may hold null
      checkName(name);
      return new TargetGroupSpec(
          name,
          Require.notNull("Protocol", protocol),
          port,
          targetType,
          healthCheck,
          deregistrationDelay,
          slowStart,
          algorithm,
          crossZone,
          minimumHealthyTargets);
    }
  }
}

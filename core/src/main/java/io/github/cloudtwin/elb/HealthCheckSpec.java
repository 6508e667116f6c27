package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Health-check settings of a target group (or of a Classic Load Balancer). Every field may be left
 * null: {@link #resolve(LoadBalancerType, Protocol)} fills AWS's defaults for the load balancer
 * type (aws-behaviour.md table 4.3) and validates the result.
 *
 * @param protocol HTTP, HTTPS or TCP (TLS for a Classic SSL target)
 * @param port the port, or null for the traffic port
 * @param path the HTTP path, such as {@code /} or {@code /index.html}
 * @param interval {@code HealthCheckIntervalSeconds}
 * @param timeout {@code HealthCheckTimeoutSeconds}
 * @param healthyThresholdCount {@code HealthyThresholdCount}
 * @param unhealthyThresholdCount {@code UnhealthyThresholdCount}
 * @param matcher success codes, such as {@code 200}, {@code 200-399} or {@code 200,302}
 * @param enabled {@code HealthCheckEnabled}; when false targets are {@code unavailable}
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record HealthCheckSpec(
    @Nullable Protocol protocol,
    @Nullable Integer port,
    @Nullable String path,
    @Nullable Duration interval,
    @Nullable Duration timeout,
    @Nullable Integer healthyThresholdCount,
    @Nullable Integer unhealthyThresholdCount,
    @Nullable String matcher,
    @Nullable Boolean enabled) {

  /**
   * Validates the fields that were given.
   *
   * @param protocol HTTP, HTTPS or TCP (TLS for a Classic SSL target)
   * @param port the port, or null for the traffic port
   * @param path the HTTP path, such as {@code /} or {@code /index.html}
   * @param interval {@code HealthCheckIntervalSeconds}
   * @param timeout {@code HealthCheckTimeoutSeconds}
   * @param healthyThresholdCount {@code HealthyThresholdCount}
   * @param unhealthyThresholdCount {@code UnhealthyThresholdCount}
   * @param matcher success codes, such as {@code 200}, {@code 200-399} or {@code 200,302}
   * @param enabled {@code HealthCheckEnabled}; when false targets are {@code unavailable}
   */
  public HealthCheckSpec {
    if (port != null) Require.between("HealthCheckPort", port, 1, 65535);
    if (path != null && (!path.startsWith("/") || path.length() > 1024)) {
      throw new ValidationException(
          "HealthCheckPath", path, "a path starting with / of at most 1024 characters");
    }
    if (interval != null) Require.seconds("HealthCheckIntervalSeconds", interval, 5, 300);
    if (timeout != null) Require.seconds("HealthCheckTimeoutSeconds", timeout, 2, 120);
    if (healthyThresholdCount != null)
      Require.between("HealthyThresholdCount", healthyThresholdCount, 2, 10);
    if (unhealthyThresholdCount != null)
      Require.between("UnhealthyThresholdCount", unhealthyThresholdCount, 2, 10);
    if (matcher != null) Matcher.parse(matcher, 100, 599);
  }

  /** {@return a builder with every field unset (AWS defaults)} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults for the type and target-group protocol, as AWS documents them.
   *
   * @param type the type
   * @param targetProtocol the target protocol
   * @return the defaults for the type and target-group protocol, as AWS documents them
   */
  public static HealthCheckSpec defaults(LoadBalancerType type, Protocol targetProtocol) {
    return builder().build().resolve(type, targetProtocol);
  }

  /**
   * Parses a Classic Load Balancer health-check target: {@code HTTP:80/index.html}, {@code TCP:80}.
   *
   * @param target the target
   * @return a builder with the protocol, port and path of the target
   */
  public static Builder classicTarget(String target) {
    Require.name("HealthCheck.Target", target);
    int colon = target.indexOf(':');
    String allowed =
        "PROTOCOL:PORT[/PATH] with PROTOCOL one of TCP, HTTP, HTTPS or SSL, such as"
            + " HTTP:80/index.html or TCP:80";
    if (colon < 0) throw new ValidationException("HealthCheck.Target", target, allowed);
    Protocol p =
        switch (target.substring(0, colon)) {
          case "TCP" -> Protocol.TCP;
          case "HTTP" -> Protocol.HTTP;
          case "HTTPS" -> Protocol.HTTPS;
          case "SSL" -> Protocol.TLS; // Classic's name for a TLS connection check
          default -> throw new ValidationException("HealthCheck.Target", target, allowed);
        };
    String rest = target.substring(colon + 1);
    int slash = rest.indexOf('/');
    String portText = slash < 0 ? rest : rest.substring(0, slash);
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new ValidationException("HealthCheck.Target", target, allowed);
    }
    if (p.isHttp() && slash < 0)
      throw new ValidationException(
          "HealthCheck.Target", target, "an HTTP(S) target needs a path: " + allowed);
    if (!p.isHttp() && slash >= 0)
      throw new ValidationException(
          "HealthCheck.Target", target, "a TCP/SSL target has no path: " + allowed);
    Builder b = builder().protocol(p).port(port);
    if (slash >= 0) b.path(rest.substring(slash));
    return b;
  }

  /**
   * This spec with AWS's defaults filled in for the load-balancer type and the target-group
   * protocol; throws a ValidationException when the combination is invalid (for instance an
   * interval not longer than the timeout).
   *
   * @param type the type
   * @param targetProtocol the target protocol
   * @return this spec with AWS's defaults filled in for the load-balancer type and the target-group
   *     protocol; throws a ValidationException when the combination is invalid (for instance an
   *     interval not longer than the timeout)
   */
  public HealthCheckSpec resolve(LoadBalancerType type, Protocol targetProtocol) {
    Require.notNull("type", type);
    Protocol p = protocol;
    if (p == null) {
      p =
          switch (type) {
            case APPLICATION -> targetProtocol == Protocol.HTTPS ? Protocol.HTTPS : Protocol.HTTP;
            case NETWORK, CLASSIC -> Protocol.TCP;
          };
    }
    if (type == LoadBalancerType.APPLICATION && !p.isHttp()) {
      throw new ValidationException(
          "HealthCheckProtocol", p, "HTTP or HTTPS for an Application Load Balancer target group");
    }
    if (p == Protocol.UDP
        || p == Protocol.TCP_UDP
        || (p == Protocol.TLS && type != LoadBalancerType.CLASSIC)) {
      // CreateTargetGroup: "The GENEVE, TLS, UDP, and TCP_UDP protocols are not supported for
      // health checks" (Classic's SSL target is a TLS connection check: type CLASSIC keeps it)
      throw new ValidationException("HealthCheckProtocol", p, "HTTP, HTTPS or TCP");
    }
    if (!p.isHttp() && path != null) {
      throw new ValidationException(
          "HealthCheckPath",
          path,
          "no path: a " + p + " health check has none (only HTTP and HTTPS health checks do)");
    }
    String pa = path;
    if (p.isHttp() && pa == null) pa = type == LoadBalancerType.CLASSIC ? "/index.html" : "/";
    Duration iv = interval != null ? interval : Duration.ofSeconds(30);
    Duration to = timeout;
    if (to == null) {
      to =
          switch (type) {
            case APPLICATION, CLASSIC -> Duration.ofSeconds(5);
            case NETWORK -> p == Protocol.HTTP ? Duration.ofSeconds(6) : Duration.ofSeconds(10);
          };
    }
    if (type == LoadBalancerType.CLASSIC) Require.seconds("HealthCheck.Timeout", to, 2, 60);
    if (to.compareTo(iv) >= 0) {
      throw new ValidationException(
          "HealthCheckTimeoutSeconds",
          to.toSeconds() + "s",
          "less than the interval " + iv.toSeconds() + "s",
          "Health check interval must be greater than the timeout.");
    }
    int healthy =
        healthyThresholdCount != null
            ? healthyThresholdCount
            : type == LoadBalancerType.CLASSIC ? 10 : 5;
    int unhealthy = unhealthyThresholdCount != null ? unhealthyThresholdCount : 2;
    String m = matcher;
    if (p.isHttp()) {
      if (m == null) m = type == LoadBalancerType.NETWORK ? "200-399" : "200";
      switch (type) {
        case APPLICATION -> Matcher.parse(m, 200, 499);
        case NETWORK -> Matcher.parse(m, 200, 599);
        case CLASSIC -> Matcher.parse(m, 200, 200);
      }
    } else {
      if (m != null)
        throw new ValidationException("Matcher", m, "no matcher for a " + p + " health check");
    }
    return new HealthCheckSpec(
        p, port, pa, iv, to, healthy, unhealthy, m, enabled == null ? Boolean.TRUE : enabled);
  }

  /**
   * Whether {@code status} is a success code of this (resolved) spec.
   *
   * @param status the status
   * @return whether {@code status} is a success code of this (resolved) spec
   */
  public boolean matches(int status) {
    return matcher == null || Matcher.parse(matcher, 100, 599).test(status);
  }

  /**
   * The Classic form of this check's target, such as {@code HTTP:80/index.html}.
   *
   * @param trafficPort the traffic port
   * @return the Classic form of this check's target, such as {@code HTTP:80/index.html}
   */
  public String classicTarget(int trafficPort) {
    int p = port != null ? port : trafficPort;
    String name = protocol == Protocol.TLS ? "SSL" : String.valueOf(protocol);
    return name + ":" + p + (path == null ? "" : path);
  }

  /** Builds {@link HealthCheckSpec}s. */
  public static final class Builder {
    private @Nullable Protocol protocol;
    private @Nullable Integer port;
    private @Nullable String path;
    private @Nullable Duration interval;
    private @Nullable Duration timeout;
    private @Nullable Integer healthyThresholdCount;
    private @Nullable Integer unhealthyThresholdCount;
    private @Nullable String matcher;
    private @Nullable Boolean enabled;

    private Builder() {}

    /**
     * {@code HealthCheckProtocol}.
     *
     * @param protocol {@code HealthCheckProtocol}
     * @return this builder
     */
    public Builder protocol(@Nullable Protocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * {@code HealthCheckPort}; unset means the traffic port.
     *
     * @param port {@code HealthCheckPort}; unset means the traffic port
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * {@code HealthCheckPath}.
     *
     * @param path {@code HealthCheckPath}
     * @return this builder
     */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /**
     * {@code HealthCheckIntervalSeconds}.
     *
     * @param interval {@code HealthCheckIntervalSeconds}
     * @return this builder
     */
    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    /**
     * {@code HealthCheckTimeoutSeconds}.
     *
     * @param timeout {@code HealthCheckTimeoutSeconds}
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * {@code HealthyThresholdCount}.
     *
     * @param count {@code HealthyThresholdCount}
     * @return this builder
     */
    public Builder healthyThresholdCount(int count) {
      this.healthyThresholdCount = count;
      return this;
    }

    /**
     * {@code UnhealthyThresholdCount}.
     *
     * @param count {@code UnhealthyThresholdCount}
     * @return this builder
     */
    public Builder unhealthyThresholdCount(int count) {
      this.unhealthyThresholdCount = count;
      return this;
    }

    /**
     * {@code Matcher.HttpCode}, such as {@code 200-299}.
     *
     * @param matcher {@code Matcher.HttpCode}, such as {@code 200-299}
     * @return this builder
     */
    public Builder matcher(String matcher) {
      this.matcher = matcher;
      return this;
    }

    /**
     * {@code HealthCheckEnabled}.
     *
     * @param enabled {@code HealthCheckEnabled}
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public HealthCheckSpec build() {
      return new HealthCheckSpec(
          protocol,
          port,
          path,
          interval,
          timeout,
          healthyThresholdCount,
          unhealthyThresholdCount,
          matcher,
          enabled);
    }
  }
}

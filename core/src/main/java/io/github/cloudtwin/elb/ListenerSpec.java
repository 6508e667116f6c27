package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A listener: the port and protocol a load balancer accepts, its rules in priority order and its
 * default action.
 *
 * @param loadBalancerName the load balancer
 * @param port 1-65535, unique per load balancer
 * @param protocol HTTP/HTTPS (Application, Classic), TCP/TLS/UDP/TCP_UDP (Network, Classic TCP)
 * @param defaultAction what happens when no rule matches
 * @param rules the rules, sorted by priority; priorities are unique (Application only)
 * @param instancePort Classic only: the port instances receive this listener's traffic on
 *     (InstancePort, 1-65535); null forwards on the listener's port
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record ListenerSpec(
    String loadBalancerName,
    int port,
    Protocol protocol,
    RuleAction defaultAction,
    List<RuleSpec> rules,
    @Nullable Integer instancePort) {

  /**
   * Validates and copies.
   *
   * @param loadBalancerName the load balancer
   * @param port 1-65535, unique per load balancer
   * @param protocol HTTP/HTTPS (Application, Classic), TCP/TLS/UDP/TCP_UDP (Network, Classic TCP)
   * @param defaultAction what happens when no rule matches
   * @param rules the rules, sorted by priority; priorities are unique (Application only)
   * @param instancePort Classic only: the port instances receive this listener's traffic on
   *     (InstancePort, 1-65535); null forwards on the listener's port
   */
  public ListenerSpec {
    Require.name("LoadBalancerArn", loadBalancerName);
    Require.between("Port", port, 1, 65535);
    Require.notNull("Protocol", protocol);
    Require.notNull("DefaultActions", defaultAction);
    List<RuleSpec> sorted = new ArrayList<>(Require.notNull("Rules", rules));
    Set<Integer> seen = new HashSet<>();
    for (RuleSpec r : sorted) {
      Require.notNull("Rules", r);
      if (!seen.add(r.priority())) {
        throw new ValidationException(
            "Priority",
            r.priority(),
            "a priority not used by another rule of this listener",
            "PriorityInUse: Priority '" + r.priority() + "' is currently in use");
      }
    }
    sorted.sort(Comparator.comparingInt(RuleSpec::priority));
    rules = List.copyOf(sorted);
    if (instancePort != null) Require.between("InstancePort", instancePort, 1, 65535);
  }

  /**
   * A listener without an instance port (Application and Network load balancers).
   *
   * @param loadBalancerName the load balancer
   * @param port 1-65535, unique per load balancer
   * @param protocol the protocol
   * @param defaultAction what happens when no rule matches
   * @param rules the rules
   */
  public ListenerSpec(
      String loadBalancerName,
      int port,
      Protocol protocol,
      RuleAction defaultAction,
      List<RuleSpec> rules) {
    this(loadBalancerName, port, protocol, defaultAction, rules, null);
  }

  /**
   * A builder for a listener of {@code loadBalancerName} on {@code port} (HTTP by default).
   *
   * @param loadBalancerName the load balancer name
   * @param port the port
   * @return a builder for a listener of {@code loadBalancerName} on {@code port} (HTTP by default)
   */
  public static Builder builder(String loadBalancerName, int port) {
    return new Builder(loadBalancerName, port);
  }

  /** Builds {@link ListenerSpec}s. */
  public static final class Builder {
    private final String lb;
    private final int port;
    private Protocol protocol = Protocol.HTTP;
    private @Nullable RuleAction defaultAction;
    private final List<RuleSpec> rules = new ArrayList<>();
    private @Nullable Integer instancePort;

    private Builder(String lb, int port) {
      this.lb = lb;
      this.port = port;
    }

    /**
     * The protocol (default HTTP).
     *
     * @param protocol the protocol (default HTTP)
     * @return this builder
     */
    public Builder protocol(Protocol protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * The default action.
     *
     * @param action the default action
     * @return this builder
     */
    public Builder defaultAction(RuleAction action) {
      this.defaultAction = action;
      return this;
    }

    /**
     * Shorthand: the default action forwards to {@code targetGroupName}.
     *
     * @param targetGroupName shorthand: the default action forwards to {@code targetGroupName}
     * @return this builder
     */
    public Builder forwardTo(String targetGroupName) {
      this.defaultAction = RuleAction.forward(targetGroupName);
      return this;
    }

    /**
     * Adds a rule.
     *
     * @param rule adds a rule
     * @return this builder
     */
    public Builder rule(RuleSpec rule) {
      rules.add(rule);
      return this;
    }

    /**
     * Adds a rule with one condition.
     *
     * @param priority the priority
     * @param condition the condition
     * @param action the action
     * @return this builder
     */
    public Builder rule(int priority, RuleCondition condition, RuleAction action) {
      rules.add(RuleSpec.of(priority, condition, action));
      return this;
    }

    /**
     * Classic: the port instances receive this listener's traffic on (InstancePort). A target sees
     * it as the request's {@code listenerPort}, as it sees a health check's port, so a listener
     * forwarding to a port the instances do not serve fails while their health checks pass.
     *
     * @param port 1-65535
     * @return this builder
     */
    public Builder instancePort(int port) {
      this.instancePort = port;
      return this;
    }

    /** {@return the spec; throws a ValidationException naming the first invalid field} */
    public ListenerSpec build() {
      // the checks the canonical constructor makes before DefaultActions, in its order
      Require.name("LoadBalancerArn", lb);
      Require.between("Port", port, 1, 65535);
      Require.notNull("Protocol", protocol);
      return new ListenerSpec(
          lb,
          port,
          protocol,
          Require.notNull("DefaultActions", defaultAction),
          rules,
          instancePort);
    }
  }
}

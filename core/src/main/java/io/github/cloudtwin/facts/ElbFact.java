package io.github.cloudtwin.facts;

import io.github.cloudtwin.elb.LoadBalancerType;
import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.elb.TargetHealthState;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What Elastic Load Balancing records: load balancers, target groups, listeners, target health and
 * DNS.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public sealed interface ElbFact extends Fact {

  /**
   * A load balancer was created.
   *
   * @param loadBalancerName the load balancer name
   * @param type its type
   * @param availabilityZones its zones
   * @param crossZone whether cross-zone load balancing is on
   */
  record LoadBalancerCreated(
      String loadBalancerName,
      LoadBalancerType type,
      List<String> availabilityZones,
      boolean crossZone)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "created "
          + type.name().toLowerCase(Locale.ROOT)
          + " load balancer in "
          + availabilityZones
          + ", cross-zone "
          + (crossZone ? "on" : "off");
    }
  }

  /**
   * A target group was created.
   *
   * @param targetGroupName the target group name
   * @param loadBalancerType the type of load balancer it serves
   * @param protocol its protocol
   * @param port its port
   * @param healthCheck its health check in words
   */
  record TargetGroupCreated(
      String targetGroupName,
      LoadBalancerType loadBalancerType,
      Protocol protocol,
      int port,
      String healthCheck)
      implements ElbFact {
    @Override
    public String resource() {
      return loadBalancerType == LoadBalancerType.CLASSIC
          ? "lb/" + targetGroupName
          : "target-group/" + targetGroupName;
    }

    @Override
    public String kind() {
      return "create";
    }

    @Override
    public String message() {
      return "created " + protocol + ":" + port + " target group, health check " + healthCheck;
    }
  }

  /**
   * A listener was created on a load balancer.
   *
   * @param loadBalancerName the load balancer name
   * @param protocol its protocol
   * @param port its port
   * @param rules how many rules it has
   */
  record ListenerCreated(String loadBalancerName, Protocol protocol, int port, int rules)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "listener";
    }

    @Override
    public String message() {
      return "created " + protocol + ":" + port + " listener with " + rules + " rule(s)";
    }
  }

  /**
   * A target's health in a target group (or Classic Load Balancer) changed, as {@code
   * DescribeTargetHealth} reports it.
   *
   * @param targetId the target: an instance id or an IP address
   * @param targetGroupName the target group, or the Classic Load Balancer, name
   * @param classic whether it is a Classic Load Balancer
   * @param from the state before, or null when the target was just registered
   * @param to the state after
   * @param reasonCode AWS's reason code (for instance {@code Target.FailedHealthChecks}), or null
   * @param description AWS's description of the reason, or null
   */
  record TargetHealthChanged(
      String targetId,
      String targetGroupName,
      boolean classic,
      @Nullable TargetHealthState from,
      TargetHealthState to,
      @Nullable String reasonCode,
      @Nullable String description)
      implements ElbFact {
    @Override
    public String resource() {
      return "target/" + targetId;
    }

    @Override
    public String kind() {
      return "target-health";
    }

    @Override
    public String message() {
      return (classic ? "in load balancer " : "in target group ")
          + targetGroupName
          + ": "
          + (from == null ? "registered, " : from + " -> ")
          + to
          + (reasonCode == null ? "" : " (" + reasonCode + ": " + description + ")");
    }

    @Override
    public Map<String, String> details() {
      return Details.of(
          classic ? "loadBalancer" : "targetGroup",
          targetGroupName,
          "state",
          to.awsName(),
          "reasonCode",
          reasonCode);
    }

    /** {@return whether the target is healthy after the change} */
    public boolean healthy() {
      return to == TargetHealthState.HEALTHY;
    }
  }

  /**
   * A test changed how a target answers (or reset it to the default).
   *
   * @param targetId the target: an instance id or an IP address
   * @param reset whether it was reset to the default
   */
  record TargetBehaviourChanged(String targetId, boolean reset) implements ElbFact {
    @Override
    public String resource() {
      return "target/" + targetId;
    }

    @Override
    public String kind() {
      return "behavior";
    }

    @Override
    public String message() {
      return reset ? "behaviour reset to the default" : "behaviour changed";
    }
  }

  /**
   * A real HTTP listener was started for a load balancer.
   *
   * @param loadBalancerName the load balancer name
   * @param uri where it listens
   */
  record HttpListenerStarted(String loadBalancerName, URI uri) implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "http-listener";
    }

    @Override
    public String message() {
      return "real HTTP listener on " + uri;
    }
  }

  /**
   * A load balancer node was added back to DNS.
   *
   * @param loadBalancerName the load balancer name
   * @param availabilityZone the node's zone
   */
  record DnsNodeAdded(String loadBalancerName, String availabilityZone) implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "dns";
    }

    @Override
    public String message() {
      return "node in " + availabilityZone + " added back to DNS";
    }
  }

  /**
   * A load balancer node was removed from DNS; clients may use the cached answer for a while.
   *
   * @param loadBalancerName the load balancer name
   * @param availabilityZone the node's zone
   * @param zoneImpaired whether the zone is impaired (otherwise it has no healthy targets)
   * @param cachedFor how long clients may still use it
   */
  record DnsNodeRemoved(
      String loadBalancerName, String availabilityZone, boolean zoneImpaired, Duration cachedFor)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "dns";
    }

    @Override
    public String message() {
      return "node in "
          + availabilityZone
          + " removed from DNS ("
          + (zoneImpaired ? "zone impaired" : "no healthy targets in the zone")
          + "); cached for up to "
          + cachedFor.toSeconds()
          + "s";
    }
  }

  /**
   * A rule was added to a listener (CreateRule).
   *
   * @param loadBalancerName the load balancer name
   * @param protocol the listener's protocol
   * @param port the listener's port
   * @param priority the rule's priority
   */
  record RuleCreated(String loadBalancerName, Protocol protocol, int port, int priority)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "rule";
    }

    @Override
    public String message() {
      return "created rule priority " + priority + " on listener " + protocol + ":" + port;
    }
  }

  /**
   * A rule's conditions or action changed (ModifyRule).
   *
   * @param loadBalancerName the load balancer name
   * @param protocol the listener's protocol
   * @param port the listener's port
   * @param priority the rule's priority
   */
  record RuleModified(String loadBalancerName, Protocol protocol, int port, int priority)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "rule";
    }

    @Override
    public String message() {
      return "modified rule priority " + priority + " on listener " + protocol + ":" + port;
    }
  }

  /**
   * Rule priorities changed at once (SetRulePriorities).
   *
   * @param loadBalancerName the load balancer name
   * @param protocol the listener's protocol
   * @param port the listener's port
   * @param newPriorityByOld each moved rule's new priority, by its old one
   */
  record RulePrioritiesSet(
      String loadBalancerName, Protocol protocol, int port, Map<Integer, Integer> newPriorityByOld)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "rule";
    }

    @Override
    public String message() {
      return "set rule priorities " + newPriorityByOld + " on listener " + protocol + ":" + port;
    }
  }

  /**
   * A rule was deleted (DeleteRule).
   *
   * @param loadBalancerName the load balancer name
   * @param protocol the listener's protocol
   * @param port the listener's port
   * @param priority the deleted rule's priority
   */
  record RuleDeleted(String loadBalancerName, Protocol protocol, int port, int priority)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "rule-delete";
    }

    @Override
    public String message() {
      return "deleted rule priority " + priority + " of listener " + protocol + ":" + port;
    }
  }

  /**
   * A listener's default action changed (ModifyListener).
   *
   * @param loadBalancerName the load balancer name
   * @param protocol the listener's protocol
   * @param port the listener's port
   */
  record ListenerDefaultActionModified(String loadBalancerName, Protocol protocol, int port)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "listener";
    }

    @Override
    public String message() {
      return "modified default action of listener " + protocol + ":" + port;
    }
  }

  /**
   * A listener and its rules were deleted (DeleteListener).
   *
   * @param loadBalancerName the load balancer name
   * @param protocol the listener's protocol
   * @param port the listener's port
   * @param rules how many rules it had
   */
  record ListenerDeleted(String loadBalancerName, Protocol protocol, int port, int rules)
      implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "listener-delete";
    }

    @Override
    public String message() {
      return "deleted " + protocol + ":" + port + " listener with " + rules + " rule(s)";
    }
  }

  /**
   * A load balancer was deleted with its listeners (DeleteLoadBalancer).
   *
   * @param loadBalancerName the load balancer name
   * @param listeners how many listeners it had
   */
  record LoadBalancerDeleted(String loadBalancerName, int listeners) implements ElbFact {
    @Override
    public String resource() {
      return "lb/" + loadBalancerName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "deleted load balancer and its " + listeners + " listener(s)";
    }
  }

  /**
   * A target group was deleted (DeleteTargetGroup); its targets were deregistered.
   *
   * @param targetGroupName the target group name
   * @param targets how many targets were registered
   */
  record TargetGroupDeleted(String targetGroupName, int targets) implements ElbFact {
    @Override
    public String resource() {
      return "target-group/" + targetGroupName;
    }

    @Override
    public String kind() {
      return "delete";
    }

    @Override
    public String message() {
      return "deleted target group with " + targets + " registered target(s)";
    }
  }
}

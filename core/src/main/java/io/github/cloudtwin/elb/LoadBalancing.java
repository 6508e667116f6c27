package io.github.cloudtwin.elb;

import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceListener;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.http.HttpListener;
import io.github.cloudtwin.kernel.Kernel;
import io.github.cloudtwin.kernel.Require;
import io.github.cloudtwin.kernel.Scheduler;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.ValidationException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Elastic Load Balancing of one twin: Application, Network and Classic Load Balancers, listeners
 * and rules, target groups, health checks that ask each target's {@link TargetBehavior}, routing
 * by zone, cross-zone setting and algorithm, draining, fail-open, DNS failover on zone loss,
 * single requests ({@link #send}), offered traffic as rates, metrics, and a real HTTP listener per
 * load balancer.
 *
 * <p>Obtain it from {@code twin.loadBalancing()}. Thread-safe: every method runs under the
 * simulation lock, except the HTTP data plane, which routes from an immutable snapshot.
 */
public final class LoadBalancing implements AutoCloseable {

  /** How long clients keep a node's address after it left DNS (the DNS TTL). */
  public static final Duration DNS_TTL = Duration.ofSeconds(60);

  private final Kernel kernel;
  private final Ec2 ec2;
  private final Map<String, LbState> lbs = new LinkedHashMap<>();
  private final Map<String, TgState> tgs = new LinkedHashMap<>();
  private final Map<String, TargetRuntime> targets = new HashMap<>();
  private final Map<LbState, Scheduler.Task> slowStartTasks = new HashMap<>();
  /** Load balancers whose routing snapshot is out of date, with the cause of the last change. */
  private final Map<LbState, Long> stale = new LinkedHashMap<>();
  private final List<HttpListener> httpListeners = new ArrayList<>();
  /** The load balancer each real HTTP listener serves (closed when it is deleted). */
  private final Map<HttpListener, LbState> httpListenerOwners = new HashMap<>();
  private final List<TargetHealthListener> healthListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final SplittableRandom ids;
  private final SplittableRandom lossDraws;
  /** Network impairments toward zones: zone -> {added latency ms, loss fraction}. */
  private final Map<String, double[]> zoneNetwork = new java.util.TreeMap<>();
  private final FluidModel fluid;
  private final AtomicLong ephemeralPort = new AtomicLong();
  private volatile TargetBehavior defaultBehavior = TargetBehavior.healthy(Duration.ofMillis(20));
  private volatile Duration defaultLatency = Duration.ofMillis(20);

  /**
   * Creates the service; the twin does this, tests use {@code twin.loadBalancing()}.
   *
   * @param kernel the kernel
   * @param ec2 the ec 2
   * @param cloudWatch the cloud watch
   */
  public LoadBalancing(Kernel kernel, Ec2 ec2, CloudWatch cloudWatch) {
    this.kernel = Require.notNull("kernel", kernel);
    this.ec2 = Require.notNull("ec2", ec2);
    Require.notNull("cloudWatch", cloudWatch);
    this.ids = kernel.randomness().stream("elb.ids");
    this.lossDraws = kernel.randomness().stream("elb.network-loss");
    this.fluid = new FluidModel(kernel, this);
    kernel.onSettle(this::rebuildStale);
    new ElbMetrics(kernel, cloudWatch, this);
    ec2.addListener(
        new InstanceListener() {
          @Override
          public void stateChanged(Instance instance, InstanceState from) {
            instanceChanged(instance);
          }

          @Override
          public void reachabilityChanged(Instance instance, boolean reachable) {
            instanceChanged(instance);
          }
        });
    kernel.timeline().addListener(this::timelineEvent);
  }

  <T> T call(Supplier<T> work) {
    return kernel.call(work);
  }

  TargetBehavior defaultBehavior() {
    return defaultBehavior;
  }

  Collection<LbState> lbStates() {
    return lbs.values();
  }

  FluidModel fluid() {
    return fluid;
  }

  // ------------------------------------------------------------------ create

  /**
   * Creates a load balancer, as {@code CreateLoadBalancer}.
   *
   * @param spec the spec
   * @return the new load balancer, a live view
   */
  public LoadBalancer createLoadBalancer(LoadBalancerSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          if (lbs.containsKey(spec.name())) {
            throw new ValidationException("Name", spec.name(), "a name not used by another load balancer", "DuplicateLoadBalancerName: A load balancer with the same name '" + spec.name() + "' exists");
          }
          for (String z : spec.availabilityZones()) ec2.zone(z);
          String hex = hex16();
          TgState classic = null;
          if (spec.type() == LoadBalancerType.CLASSIC) {
            HealthCheckSpec hc = (spec.healthCheck() == null ? HealthCheckSpec.classicTarget("TCP:80").build() : spec.healthCheck())
                .resolve(LoadBalancerType.CLASSIC, Protocol.TCP);
            Duration delay = spec.connectionDrainingEnabled() ? spec.connectionDrainingTimeout() : Duration.ZERO;
            TargetGroupSpec tgSpec = new TargetGroupSpec(spec.name(), Protocol.TCP, 80, TargetType.INSTANCE, null, delay, Duration.ZERO, null, null, 1);
            classic = new TgState(kernel, this, tgSpec, hc, LoadBalancerType.CLASSIC, delay, spec.name());
          }
          String dim = spec.type() == LoadBalancerType.CLASSIC ? spec.name() : spec.type().prefix() + "/" + spec.name() + "/" + hex;
          LbState lb = new LbState(spec, dim, classic);
          if (classic != null) classic.loadBalancers.add(lb);
          lbs.put(spec.name(), lb);
          kernel.timeline().record(new ElbFact.LoadBalancerCreated(spec.name(), spec.type(), spec.availabilityZones(), spec.crossZone()));
          rebuild(lb);
          if (classic != null) classic.ensureChecking();
          return new LoadBalancer(this, lb);
        });
  }

  /**
   * Creates a target group, as {@code CreateTargetGroup}.
   *
   * @param spec the spec
   * @return the new target group, a live view
   */
  public TargetGroup createTargetGroup(TargetGroupSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          if (tgs.containsKey(spec.name())) {
            throw new ValidationException("Name", spec.name(), "a name not used by another target group", "DuplicateTargetGroupName: A target group with the same name '" + spec.name() + "' exists");
          }
          TgState tg = new TgState(kernel, this, spec, spec.healthCheck(), spec.loadBalancerType(), spec.deregistrationDelay(),
              "targetgroup/" + spec.name() + "/" + hex16());
          tgs.put(spec.name(), tg);
          HealthCheckSpec hc = spec.healthCheck();
          kernel.timeline().record(new ElbFact.TargetGroupCreated(spec.name(), spec.loadBalancerType(), spec.protocol(), spec.port(),
              hc.classicTarget(spec.port()) + " every " + hc.interval().toSeconds() + "s, timeout " + hc.timeout().toSeconds()
                  + "s, healthy " + hc.healthyThresholdCount() + ", unhealthy " + hc.unhealthyThresholdCount()
                  + (hc.matcher() == null ? "" : ", matcher " + hc.matcher())));
          return new TargetGroup(this, tg);
        });
  }

  /**
   * Creates a listener with its rules, as {@code CreateListener} + {@code CreateRule}.
   *
   * @param spec the spec
   */
  public void createListener(ListenerSpec spec) {
    Require.notNull("spec", spec);
    kernel.run(
        () -> {
          LbState lb = lb(spec.loadBalancerName());
          if (lb.listeners.containsKey(spec.port())) {
            throw new ValidationException("Port", spec.port(), "a port without a listener on " + lb.spec.name() + " (in use: " + lb.listeners.keySet() + ")",
                "DuplicateListener: A listener already exists on this port for this load balancer");
          }
          LoadBalancerType type = lb.spec.type();
          if (type == LoadBalancerType.APPLICATION && !spec.protocol().isHttp()) {
            throw new ValidationException("Protocol", spec.protocol(), "HTTP or HTTPS for an Application Load Balancer");
          }
          if (type == LoadBalancerType.NETWORK && spec.protocol().isHttp()) {
            throw new ValidationException("Protocol", spec.protocol(), "TCP, TLS, UDP or TCP_UDP for a Network Load Balancer");
          }
          if (type != LoadBalancerType.CLASSIC && spec.instancePort() != null) {
            throw new ValidationException("InstancePort", spec.instancePort(), "no instance port: only Classic Load Balancer listeners"
                + " have one (a target group carries the port targets receive traffic on)");
          }
          checkRulesAndActions(lb, spec);
          lb.listeners.put(spec.port(), spec);
          kernel.timeline().record(new ElbFact.ListenerCreated(lb.spec.name(), spec.protocol(), spec.port(), spec.rules().size()));
          listenersChanged(lb);
        });
  }

  /** Validates a listener's rules and actions against its load balancer (before anything changes). */
  private void checkRulesAndActions(LbState lb, ListenerSpec spec) {
    LoadBalancerType type = lb.spec.type();
    if (type != LoadBalancerType.APPLICATION && !spec.rules().isEmpty()) {
      throw new ValidationException("Rules", spec.rules().size(), "no rules: only Application Load Balancer listeners have rules");
    }
    List<RuleAction> actions = new ArrayList<>();
    actions.add(spec.defaultAction());
    for (RuleSpec r : spec.rules()) actions.add(r.action());
    for (RuleAction a : actions) {
      if (!a.isForward()) {
        if (type != LoadBalancerType.APPLICATION) throw new ValidationException("DefaultActions", "fixed-response", "forward (fixed responses are for Application Load Balancers)");
        continue;
      }
      if (type != LoadBalancerType.APPLICATION && a.targetGroupWeights().size() > 1) {
        throw new ValidationException("ForwardConfig.TargetGroups", a.targetGroupWeights().keySet(), "one target group");
      }
      for (String name : a.targetGroupNames()) {
        if (type == LoadBalancerType.CLASSIC) {
          if (!name.equals(lb.spec.name())) throw new ValidationException("TargetGroupArn", name, "the Classic Load Balancer's own name " + lb.spec.name() + " (instances register with it)");
          continue;
        }
        TgState g = tg(name);
        if (g.lbType != type) {
          throw new ValidationException("TargetGroupArn", name,
              "a target group whose protocol suits a " + type.name().toLowerCase(Locale.ROOT) + " load balancer (it is " + g.spec.protocol() + ")");
        }
      }
    }
  }

  /**
   * After a listener or rule change of {@code lb}: target groups it now forwards to start health
   * checks (their targets leave {@code Target.NotInUse}); target groups no load balancer forwards
   * to any more become unused (their targets {@code unused}, {@code Target.NotInUse}); the routing
   * snapshot is rebuilt.
   */
  private void listenersChanged(LbState lb) {
    List<TgState> used = lb.classicGroup != null ? List.of() : groupsOf(lb);
    for (TgState g : used) {
      if (!g.loadBalancers.contains(lb)) {
        g.loadBalancers.add(lb);
        for (Registration r : g.registrations.values()) {
          if (r.state == TargetHealthState.UNUSED && "Target.NotInUse".equals(r.reason)) g.startFresh(r);
        }
        g.ensureChecking();
      }
    }
    for (TgState g : tgs.values()) {
      if (!used.contains(g) && g.loadBalancers.remove(lb) && !g.inUse()) {
        for (Registration r : g.registrations.values()) {
          if (r.state != TargetHealthState.DRAINING) g.startFresh(r);
        }
      }
    }
    rebuild(lb);
  }

  /**
   * Adds a rule to an Application Load Balancer's listener, as {@code CreateRule}. The priority
   * must be free on that listener ({@code PriorityInUse} otherwise); the rule's target groups must
   * exist and suit the load balancer.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param rule the rule
   */
  public void createRule(String loadBalancerName, int listenerPort, RuleSpec rule) {
    Require.notNull("rule", rule);
    kernel.run(() -> {
      LbState lb = lb(loadBalancerName);
      ListenerSpec l = listener(lb, listenerPort);
      List<RuleSpec> rules = new ArrayList<>(l.rules());
      rules.add(rule);
      replaceListener(lb, new ListenerSpec(l.loadBalancerName(), l.port(), l.protocol(), l.defaultAction(), rules, l.instancePort()),
          new ElbFact.RuleCreated(lb.spec.name(), l.protocol(), l.port(), rule.priority()));
    });
  }

  /**
   * Replaces the conditions and action of the rule with {@code rule.priority()}, as {@code ModifyRule}.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param rule the rule's new conditions and action, at its priority
   */
  public void modifyRule(String loadBalancerName, int listenerPort, RuleSpec rule) {
    Require.notNull("rule", rule);
    kernel.run(() -> {
      LbState lb = lb(loadBalancerName);
      ListenerSpec l = listener(lb, listenerPort);
      List<RuleSpec> rules = new ArrayList<>(l.rules());
      rules.set(ruleIndex(l, rule.priority()), rule);
      replaceListener(lb, new ListenerSpec(l.loadBalancerName(), l.port(), l.protocol(), l.defaultAction(), rules, l.instancePort()),
          new ElbFact.RuleModified(lb.spec.name(), l.protocol(), l.port(), rule.priority()));
    });
  }

  /**
   * Replaces a listener's default action, as {@code ModifyListener} with {@code DefaultActions}.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param defaultAction the new default action
   */
  public void modifyListenerDefaultAction(String loadBalancerName, int listenerPort, RuleAction defaultAction) {
    Require.notNull("DefaultActions", defaultAction);
    kernel.run(() -> {
      LbState lb = lb(loadBalancerName);
      ListenerSpec l = listener(lb, listenerPort);
      replaceListener(lb, new ListenerSpec(l.loadBalancerName(), l.port(), l.protocol(), defaultAction, l.rules(), l.instancePort()),
          new ElbFact.ListenerDefaultActionModified(lb.spec.name(), l.protocol(), l.port()));
    });
  }

  /**
   * Deletes the rule with {@code priority}, as {@code DeleteRule}.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param priority the rule's priority
   */
  public void deleteRule(String loadBalancerName, int listenerPort, int priority) {
    kernel.run(() -> {
      LbState lb = lb(loadBalancerName);
      ListenerSpec l = listener(lb, listenerPort);
      List<RuleSpec> rules = new ArrayList<>(l.rules());
      rules.remove(ruleIndex(l, priority));
      replaceListener(lb, new ListenerSpec(l.loadBalancerName(), l.port(), l.protocol(), l.defaultAction(), rules, l.instancePort()),
          new ElbFact.RuleDeleted(lb.spec.name(), l.protocol(), l.port(), priority));
    });
  }

  /**
   * Changes rule priorities, as {@code SetRulePriorities}: all at once, so two rules may swap;
   * the resulting priorities must be unique ({@code PriorityInUse} otherwise).
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   * @param newPriorityByOld the new priority of each rule, by its current priority
   */
  public void setRulePriorities(String loadBalancerName, int listenerPort, Map<Integer, Integer> newPriorityByOld) {
    Require.notNull("RulePriorities", newPriorityByOld);
    Map<Integer, Integer> changes = new TreeMap<>(newPriorityByOld);
    if (changes.isEmpty()) throw new ValidationException("RulePriorities", "[]", "at least one rule and its new priority");
    kernel.run(() -> {
      LbState lb = lb(loadBalancerName);
      ListenerSpec l = listener(lb, listenerPort);
      List<RuleSpec> rules = new ArrayList<>(l.rules());
      for (Map.Entry<Integer, Integer> e : changes.entrySet()) {
        int i = ruleIndex(l, Require.notNull("RulePriorities.RuleArn", e.getKey()));
        RuleSpec r = rules.get(i);
        rules.set(i, new RuleSpec(Require.notNull("RulePriorities.Priority", e.getValue()), r.conditions(), r.action()));
      }
      replaceListener(lb, new ListenerSpec(l.loadBalancerName(), l.port(), l.protocol(), l.defaultAction(), rules, l.instancePort()),
          new ElbFact.RulePrioritiesSet(lb.spec.name(), l.protocol(), l.port(), java.util.Collections.unmodifiableMap(changes)));
    });
  }

  /**
   * Deletes a listener and its rules, as {@code DeleteListener}; target groups no load balancer
   * forwards to any more become unused.
   *
   * @param loadBalancerName the load balancer
   * @param listenerPort the listener's port
   */
  public void deleteListener(String loadBalancerName, int listenerPort) {
    kernel.run(() -> {
      LbState lb = lb(loadBalancerName);
      ListenerSpec l = listener(lb, listenerPort);
      lb.listeners.remove(listenerPort);
      kernel.timeline().record(new ElbFact.ListenerDeleted(lb.spec.name(), l.protocol(), l.port(), l.rules().size()));
      listenersChanged(lb);
    });
  }

  /**
   * Deletes a load balancer, as {@code DeleteLoadBalancer}: its listeners and rules go, its real
   * HTTP listeners close and its offered traffic stops. Its target groups and their targets stay
   * (AWS: deleting a load balancer does not affect its registered targets); a target group no
   * load balancer forwards to any more becomes unused.
   *
   * @param name the load balancer
   */
  public void deleteLoadBalancer(String name) {
    List<HttpListener> toClose = new ArrayList<>();
    kernel.run(() -> {
      LbState lb = lb(name);
      int listeners = lb.listeners.size();
      lb.listeners.clear();
      lbs.remove(name);
      lb.deleted = true;
      kernel.timeline().record(new ElbFact.LoadBalancerDeleted(name, listeners));
      listenersChanged(lb);
      stale.remove(lb);
      Scheduler.Task ss = slowStartTasks.remove(lb);
      if (ss != null) ss.cancel();
      for (HttpListener h : httpListeners) if (httpListenerOwners.get(h) == lb) toClose.add(h);
      httpListeners.removeAll(toClose);
      for (HttpListener h : toClose) httpListenerOwners.remove(h);
      fluid.recompute();
    });
    for (HttpListener h : toClose) h.close();
  }

  /**
   * Deletes a target group, as {@code DeleteTargetGroup}: refused with {@code ResourceInUse} while
   * a listener or rule forwards to it; its targets are deregistered at once (nothing routes to
   * them).
   *
   * @param name the target group
   */
  public void deleteTargetGroup(String name) {
    kernel.run(() -> {
      TgState g = tg(name);
      if (g.inUse()) {
        throw new ValidationException("TargetGroupArn", name, "a target group no listener or rule forwards to (used by "
            + g.loadBalancers.stream().map(l -> l.spec.name()).toList() + ")",
            "ResourceInUse: Target group '" + name + "' is currently in use by a listener or a rule");
      }
      tgs.remove(name);
      long id = kernel.timeline().record(new ElbFact.TargetGroupDeleted(name, g.registrations.size()));
      kernel.runWithCause(id, () -> {
        for (Registration r : new ArrayList<>(g.registrations.values())) {
          if (r.drainTask != null) r.drainTask.cancel();
          finishDrain(g, r);
        }
      });
    });
  }

  private ListenerSpec listener(LbState lb, int port) {
    ListenerSpec l = lb.listeners.get(port);
    if (l == null) {
      throw new ValidationException("ListenerArn", port, "the port of a listener of " + lb.spec.name() + " " + lb.listeners.keySet(),
          "ListenerNotFound: One or more listeners not found");
    }
    return l;
  }

  private static int ruleIndex(ListenerSpec l, int priority) {
    for (int i = 0; i < l.rules().size(); i++) if (l.rules().get(i).priority() == priority) return i;
    throw new ValidationException("RuleArn", priority, "the priority of a rule of listener " + l.port() + " "
        + l.rules().stream().map(RuleSpec::priority).toList(), "RuleNotFound: One or more rules not found");
  }

  /** Validates {@code spec} (priorities unique, actions valid), then puts it in place and records the change. */
  private void replaceListener(LbState lb, ListenerSpec spec, ElbFact change) {
    if (lb.spec.type() != LoadBalancerType.APPLICATION && !spec.rules().isEmpty()) {
      throw new ValidationException("ListenerArn", spec.port(), "a listener of an Application Load Balancer (only those have rules)");
    }
    checkRulesAndActions(lb, spec);
    lb.listeners.put(spec.port(), spec);
    kernel.timeline().record(change);
    listenersChanged(lb);
  }

  // ------------------------------------------------------------------ targets

  /**
   * Registers targets by id: instance ids, or IPs already known to the twin with their zone.
   *
   * @param targetGroupName the target group name
   * @param targetIds the target ids
   */
  public void registerTargets(String targetGroupName, String... targetIds) {
    Require.notNull("Targets", targetIds);
    TargetDescription[] d = new TargetDescription[targetIds.length];
    for (int i = 0; i < targetIds.length; i++) {
      String id = Require.name("Targets.Id", targetIds[i]);
      TargetRuntime known = kernel.call(() -> targets.get(id));
      d[i] = known != null && known.instance == null ? TargetDescription.ip(id, known.zone) : TargetDescription.instance(id);
    }
    registerTargets(targetGroupName, d);
  }

  /**
   * Registers targets, as {@code RegisterTargets}. All are validated before any is registered.
   *
   * @param targetGroupName the target group name
   * @param descriptions the descriptions
   */
  public void registerTargets(String targetGroupName, TargetDescription... descriptions) {
    Require.notNull("Targets", descriptions);
    kernel.run(
        () -> {
          TgState g = tg(targetGroupName);
          List<TargetRuntime> resolved = new ArrayList<>();
          for (TargetDescription d : descriptions) resolved.add(resolve(g, Require.notNull("Targets", d)));
          for (int i = 0; i < descriptions.length; i++) register(g, resolved.get(i), descriptions[i]);
          healthChanged(g);
        });
  }

  /**
   * Classic: registers instances, as {@code RegisterInstancesWithLoadBalancer}.
   *
   * @param loadBalancerName the load balancer name
   * @param instanceIds the instance ids
   */
  public void registerInstancesWithLoadBalancer(String loadBalancerName, String... instanceIds) {
    Require.notNull("Instances", instanceIds);
    kernel.run(
        () -> {
          TgState g = classicGroup(loadBalancerName);
          List<TargetRuntime> resolved = new ArrayList<>();
          for (String id : instanceIds) resolved.add(resolve(g, TargetDescription.instance(Require.name("Instances.InstanceId", id))));
          for (int i = 0; i < instanceIds.length; i++) register(g, resolved.get(i), TargetDescription.instance(instanceIds[i]));
          healthChanged(g);
        });
  }

  private TargetRuntime resolve(TgState g, TargetDescription d) {
    if (g.spec.targetType() == TargetType.INSTANCE || g.lbType == LoadBalancerType.CLASSIC) {
      if (d.availabilityZone() != null) throw new ValidationException("Targets.AvailabilityZone", d.availabilityZone(), "no zone for an instance target");
      Instance i;
      try {
        i = ec2.instance(d.id());
      } catch (ValidationException e) {
        throw new ValidationException("Targets.Id", d.id(), "the id of an instance of this twin", "InvalidTarget: The following targets are not valid instances: '" + d.id() + "'");
      }
      if (TgState.invalidState(i.state())) {
        throw new ValidationException("Targets.Id", d.id(), "a pending or running instance (it is " + i.state() + ")",
            "InvalidTarget: The following targets are not in a running state and cannot be registered: '" + d.id() + "'");
      }
      TargetRuntime t = targets.get(d.id());
      return t != null ? t : new TargetRuntime(d.id(), i.availabilityZone(), i);
    }
    if (!d.id().matches("\\d{1,3}(\\.\\d{1,3}){3}")) throw new ValidationException("Targets.Id", d.id(), "an IPv4 address for an ip target group");
    TargetRuntime known = targets.get(d.id());
    String zone = d.availabilityZone() != null ? d.availabilityZone() : known != null ? known.zone : null;
    if (zone == null) throw new ValidationException("Targets.AvailabilityZone", null, "the zone of the IP target " + d.id());
    ec2.zone(zone);
    if (known != null && !known.zone.equals(zone)) throw new ValidationException("Targets.AvailabilityZone", zone, "the zone the IP " + d.id() + " is known in: " + known.zone);
    return known != null ? known : new TargetRuntime(d.id(), zone, null);
  }

  private void register(TgState g, TargetRuntime t, TargetDescription d) {
    targets.putIfAbsent(t.id, t);
    if (t.instance == null) t.zoneImpaired = ec2.zoneState(t.zone) == ZoneState.IMPAIRED;
    if (d.endpoint() != null) t.endpoint = d.endpoint();
    Registration existing = g.registrations.get(t.id);
    if (existing != null && existing.state != TargetHealthState.DRAINING) return; // already registered
    if (existing != null && existing.drainTask != null) existing.drainTask.cancel();
    Registration r = new Registration(t, g, d.port() != 0 ? d.port() : g.spec.port());
    g.registrations.put(t.id, r);
    double[] net = zoneNetwork.get(t.zone);
    t.addedLatencyMillis = net == null ? 0 : (long) net[0];
    t.lossFraction = net == null ? 0 : net[1];
    long readyAt = t.readyAt(g.applicationStartMillis);
    if (g.applicationStartMillis > 0 && readyAt > kernel.clock().now().toEpochMilli()) {
      kernel.scheduler().at(java.time.Instant.ofEpochMilli(readyAt), fluid::markDirty); // the 503s end
    }
    g.startFresh(r);
  }

  /**
   * Models the application's start on the instances of a target group: for {@code startTime}
   * after an instance enters running, it answers every request and health check with 503 (a JVM
   * warming its caches), then as its behaviour says. Zero (the default) turns it off. Applies to
   * instances that run from now on and to those still within their start.
   *
   * @param targetGroupName the target group name
   * @param startTime how long the application takes to start, 0 to 1 hour
   */
  public void setApplicationStartTime(String targetGroupName, Duration startTime) {
    Require.between("applicationStartTime", Require.notNegative("applicationStartTime", startTime), Duration.ZERO, Duration.ofHours(1));
    kernel.run(() -> {
      tg(targetGroupName).applicationStartMillis = startTime.toMillis();
      fluid.markDirty();
    });
  }

  /**
   * How long the application behind a target group takes to start ({@link
   * #setApplicationStartTime}); zero when not modelled.
   *
   * @param targetGroupName the target group name
   * @return the application start time
   */
  public Duration applicationStartTime(String targetGroupName) {
    return kernel.call(() -> Duration.ofMillis(tg(targetGroupName).applicationStartMillis));
  }

  /**
   * Makes every health check of a target group fail (each target answers it 500) or pass again as
   * the targets answer; traffic is served as before. This is the twin's fault for a broken health
   * endpoint across a whole target group, including targets registered while it lasts.
   *
   * @param targetGroupName the target group name
   * @param failing true to fail every check, false to end it
   */
  public void setHealthChecksFailing(String targetGroupName, boolean failing) {
    kernel.run(() -> tg(targetGroupName).checksFailing = failing);
  }

  /**
   * What the target group's health check gets from each registered, reachable target's behaviour
   * once its application has started, without recording anything: target id to the failure as
   * {@code reasonCode: description} (AWS's words), for the targets whose answer fails the check
   * (path, port, timeout or matcher). Targets that pass are absent; draining and unreachable ones
   * are not asked.
   *
   * @param targetGroupName the target group name
   * @return the failing targets, in target id order
   */
  public Map<String, String> healthCheckFailures(String targetGroupName) {
    return kernel.call(() -> {
      TgState g = tg(targetGroupName);
      Map<String, String> out = new java.util.TreeMap<>();
      for (Registration r : g.registrations.values()) {
        if (r.state == TargetHealthState.DRAINING || !r.target.reachable()) continue;
        String[] failure = g.probe(r, 0, false);
        if (failure != null) out.put(r.target.id, failure[0] + ": " + failure[1]);
      }
      return java.util.Collections.unmodifiableMap(out);
    });
  }

  /**
   * Impairs the network toward a zone's targets now, until {@link #restoreNetwork(String)}: every
   * answer of a target in the zone takes {@code addedLatency} longer (health checks included), and
   * {@code lossFraction} of the requests routed to them are lost (the load balancer answers 504;
   * health checks are not lost). This is what FIS's network latency and packet loss faults do to
   * the instances of a zone.
   *
   * @param zone the zone
   * @param addedLatency latency added to each answer, 0 to 1 hour
   * @param lossFraction the fraction of requests lost, 0 to 1
   */
  public void impairNetwork(String zone, Duration addedLatency, double lossFraction) {
    ec2.zone(zone);
    Require.between("addedLatency", Require.notNegative("addedLatency", addedLatency), Duration.ZERO, Duration.ofHours(1));
    if (!(lossFraction >= 0 && lossFraction <= 1)) throw new ValidationException("lossFraction", lossFraction, "a fraction from 0 to 1");
    kernel.run(() -> {
      zoneNetwork.put(zone, new double[] {addedLatency.toMillis(), lossFraction});
      applyNetwork(zone);
    });
  }

  /**
   * Ends a network impairment toward a zone now (no-op when there is none).
   *
   * @param zone the zone
   */
  public void restoreNetwork(String zone) {
    ec2.zone(zone);
    kernel.run(() -> {
      if (zoneNetwork.remove(zone) != null) applyNetwork(zone);
    });
  }

  private void applyNetwork(String zone) {
    double[] net = zoneNetwork.get(zone);
    for (TargetRuntime t : targets.values()) {
      if (!t.zone.equals(zone)) continue;
      t.addedLatencyMillis = net == null ? 0 : (long) net[0];
      t.lossFraction = net == null ? 0 : net[1];
    }
    fluid.markDirty();
  }

  /**
   * Deregisters targets, as {@code DeregisterTargets}: each drains for the deregistration delay.
   *
   * @param targetGroupName the target group name
   * @param targetIds the target ids
   */
  public void deregisterTargets(String targetGroupName, String... targetIds) {
    Require.notNull("Targets", targetIds);
    kernel.run(
        () -> {
          TgState g = tg(targetGroupName);
          for (String id : targetIds) requireRegistered(g, id);
          for (String id : targetIds) deregister(g, id, null);
          healthChanged(g);
        });
  }

  /**
   * Deregisters one target; {@code drained} runs when the deregistration delay has ended.
   *
   * @param targetGroupName the target group name
   * @param targetId the target id
   * @param drained the drained
   */
  public void deregisterTarget(String targetGroupName, String targetId, Runnable drained) {
    kernel.run(
        () -> {
          TgState g = tg(targetGroupName);
          requireRegistered(g, targetId);
          deregister(g, targetId, drained);
          healthChanged(g);
        });
  }

  /**
   * Classic: deregisters instances, as {@code DeregisterInstancesFromLoadBalancer}.
   *
   * @param loadBalancerName the load balancer name
   * @param instanceIds the instance ids
   */
  public void deregisterInstancesFromLoadBalancer(String loadBalancerName, String... instanceIds) {
    Require.notNull("Instances", instanceIds);
    kernel.run(
        () -> {
          TgState g = classicGroup(loadBalancerName);
          for (String id : instanceIds) requireRegistered(g, id);
          for (String id : instanceIds) deregister(g, id, null);
          healthChanged(g);
        });
  }

  void deregisterInstance(String loadBalancerName, String instanceId, Runnable drained) {
    kernel.run(
        () -> {
          TgState g = classicGroup(loadBalancerName);
          requireRegistered(g, instanceId);
          deregister(g, instanceId, drained);
          healthChanged(g);
        });
  }

  private void requireRegistered(TgState g, String id) {
    Require.name("Targets.Id", id);
    Registration r = g.registrations.get(id);
    if (r == null) {
      throw new ValidationException("Targets.Id", id, "a target registered with " + g.name + " " + g.registrations.keySet(),
          "InvalidTarget: The following targets are not registered: '" + id + "'");
    }
  }

  private void deregister(TgState g, String id, Runnable drained) {
    Registration r = g.registrations.get(id);
    if (drained != null) r.onDrained.add(drained);
    if (r.state == TargetHealthState.DRAINING) return;
    boolean wasInUse = r.routable();
    long now = kernel.clock().now().toEpochMilli();
    if (!wasInUse || !inFlight(r.target, now)) {
      // AWS: with no in-flight requests and no active connections, deregistration completes at once
      finishDrain(g, r);
      return;
    }
    startDrain(g, r, true);
  }

  /** A terminated instance's registration: draining for the deregistration delay, whatever its state was. */
  private void drainGone(TgState g, Registration r) {
    if (r.state != TargetHealthState.DRAINING) startDrain(g, r, false);
  }

  /**
   * Draining (a delay of 0: at once), then the target leaves the group: when nothing is in flight
   * any more if {@code untilNothingInFlight}, and at the latest when the deregistration delay ends.
   */
  private void startDrain(TgState g, Registration r, boolean untilNothingInFlight) {
    if (g.deregistrationDelay.isZero()) {
      finishDrain(g, r);
      return;
    }
    g.set(r, TargetHealthState.DRAINING, "Target.DeregistrationInProgress",
        g.lbType == LoadBalancerType.CLASSIC ? "Instance deregistration currently in progress" : "Target deregistration is in progress");
    long now = kernel.clock().now().toEpochMilli();
    long deadline = now + g.deregistrationDelay.toMillis();
    long until = Math.max(r.target.sentInFlightUntil, fluid.inFlightUntil(r.target.id, now));
    long at = untilNothingInFlight ? Math.min(Math.max(until, now + (r.target.inFlight.get() > 0 ? 1_000 : 0)), deadline) : deadline;
    scheduleDrainCheck(g, r, at, deadline);
  }

  /**
   * Whether requests are in flight to the target: sent with {@code send} and not yet answered, of
   * a workload routed to it now, or real HTTP requests through the listener.
   */
  private boolean inFlight(TargetRuntime t, long now) {
    return t.sentInFlightUntil > now || fluid.inFlightUntil(t.id, now) > now || t.inFlight.get() > 0;
  }

  /**
   * Ends draining at {@code at} if nothing is in flight then, or at the deadline; real HTTP
   * requests (whose end is wall-clock time) are checked again every virtual second.
   */
  private void scheduleDrainCheck(TgState g, Registration r, long at, long deadline) {
    r.drainTask = kernel.scheduler().at(java.time.Instant.ofEpochMilli(at), () -> {
      long now = kernel.clock().now().toEpochMilli();
      if (now >= deadline || (r.target.sentInFlightUntil <= now && r.target.inFlight.get() == 0)) {
        finishDrain(g, r);
        healthChanged(g);
        return;
      }
      long next = r.target.sentInFlightUntil > now ? r.target.sentInFlightUntil : now + 1_000;
      scheduleDrainCheck(g, r, Math.min(next, deadline), deadline);
    });
  }

  private void finishDrain(TgState g, Registration r) {
    if (g.registrations.get(r.target.id) != r) return;
    g.registrations.remove(r.target.id);
    g.set(r, TargetHealthState.UNUSED, "Target.NotRegistered", "Target is not registered to the target group");
    for (Runnable cb : r.onDrained) cb.run();
    r.onDrained.clear();
  }

  /**
   * The health of a target, as {@code DescribeTargetHealth}; {@code unused} if not registered.
   *
   * @param targetGroupName the target group name
   * @param targetId the target id
   * @return the health of a target, as {@code DescribeTargetHealth}; {@code unused} if not
   *     registered
   */
  public TargetHealth targetHealth(String targetGroupName, String targetId) {
    Require.name("Targets.Id", targetId);
    return kernel.call(() -> health(tg(targetGroupName), targetId));
  }

  /**
   * The health of every registered target, in registration order.
   *
   * @param targetGroupName the target group name
   * @return the health of every registered target, in registration order
   */
  public Map<String, TargetHealth> targetHealths(String targetGroupName) {
    return kernel.call(
        () -> {
          Map<String, TargetHealth> out = new LinkedHashMap<>();
          for (Registration r : tg(targetGroupName).registrations.values()) out.put(r.target.id, r.health());
          return Collections.unmodifiableMap(out);
        });
  }

  /** Healthy targets of the group per zone of the load balancer(s) it serves and of its targets, sorted by zone. */
  java.util.SortedMap<String, Integer> healthyTargetCountByZone(String targetGroupName) {
    return kernel.call(
        () -> {
          java.util.TreeMap<String, Integer> out = new java.util.TreeMap<>();
          for (Registration r : tg(targetGroupName).registrations.values()) {
            out.merge(r.target.zone, r.health().state() == TargetHealthState.HEALTHY ? 1 : 0, Integer::sum);
          }
          return Collections.unmodifiableSortedMap(out);
        });
  }

  /**
   * Classic: an instance's health ({@link TargetHealth#classicState()} gives InService/OutOfService).
   *
   * @param loadBalancerName the load balancer name
   * @param instanceId the instance id
   * @return classic: an instance's health ({@link TargetHealth#classicState()} gives
   *     InService/OutOfService)
   */
  public TargetHealth describeInstanceHealth(String loadBalancerName, String instanceId) {
    Require.name("InstanceId", instanceId);
    return kernel.call(() -> health(classicGroup(loadBalancerName), instanceId));
  }

  private static TargetHealth health(TgState g, String id) {
    Registration r = g.registrations.get(id);
    return r == null ? new TargetHealth(TargetHealthState.UNUSED, "Target.NotRegistered", "Target is not registered to the target group") : r.health();
  }

  boolean isUnhealthy(TgState g, String id) {
    return kernel.call(() -> {
      Registration r = g.registrations.get(id);
      return r != null && r.state == TargetHealthState.UNHEALTHY;
    });
  }

  // ------------------------------------------------------------------ behaviour hooks

  /**
   * Sets how a target answers requests and health checks (null restores the default).
   *
   * @param targetId the target id
   * @param behavior the behavior
   */
  public void setTargetBehavior(String targetId, TargetBehavior behavior) {
    Require.name("targetId", targetId);
    kernel.run(() -> {
      TargetRuntime t = target(targetId);
      t.behavior = behavior;
      kernel.timeline().record(new ElbFact.TargetBehaviourChanged(targetId, behavior == null));
      fluid.markDirty();
    });
  }

  /**
   * The target answers health checks with 500 and serves traffic as before.
   *
   * @param targetId the target id
   */
  public void failHealthChecks(String targetId) {
    TargetBehavior current = kernel.call(() -> {
      TargetRuntime t = target(targetId);
      return t.behavior != null ? t.behavior : defaultBehavior;
    });
    setTargetBehavior(targetId, current.failingHealthChecks());
  }

  /**
   * The target answers everything with {@code status} after the default latency.
   *
   * @param targetId the target id
   * @param status the status
   */
  public void respondWith(String targetId, int status) {
    Require.between("status", status, 100, 599);
    setTargetBehavior(targetId, TargetBehavior.status(status, defaultLatency));
  }

  /**
   * The target answers everything with 200 after {@code latency}.
   *
   * @param targetId the target id
   * @param latency the latency
   */
  public void slow(String targetId, Duration latency) {
    setTargetBehavior(targetId, TargetBehavior.healthy(latency));
  }

  /**
   * The target stops answering (every request and check times out).
   *
   * @param targetId the target id
   */
  public void stopAnswering(String targetId) {
    setTargetBehavior(targetId, TargetBehavior.noResponse());
  }

  /**
   * The latency of the default behaviour (healthy, 200), default 20 ms.
   *
   * @param latency the latency
   */
  public void setDefaultLatency(Duration latency) {
    TargetBehavior behavior = TargetBehavior.healthy(latency); // validates the latency first
    kernel.run(() -> {
      defaultLatency = latency;
      defaultBehavior = behavior;
      fluid.markDirty();
    });
  }

  private TargetRuntime target(String id) {
    TargetRuntime t = targets.get(id);
    if (t == null) {
      List<String> known = new ArrayList<>(targets.keySet());
      known.sort(null);
      throw new ValidationException("targetId", id, "a target registered with a target group or load balancer " + known);
    }
    return t;
  }

  // ------------------------------------------------------------------ requests

  /**
   * Sends {@code GET /} to the load balancer's first listener.
   *
   * @param loadBalancerName the load balancer name
   * @return where the request went and what it answered
   */
  public RoutedResponse send(String loadBalancerName) {
    return send(loadBalancerName, Request.get());
  }

  /**
   * Sends one request at the current virtual instant, routed exactly as the load balancer does:
   * client to node (round robin over the addresses in DNS), rules, weighted target groups, then
   * the target group's algorithm over the node's pool. Counted for {@link #requestCount}.
   *
   * @param loadBalancerName the load balancer name
   * @param request the request
   * @return where the request went and what it answered
   */
  public RoutedResponse send(String loadBalancerName, Request request) {
    Require.notNull("request", request);
    return kernel.call(
        () -> {
          LbState lb = lb(loadBalancerName);
          RoutingSnapshot s = snapshot(lb);
          RoutingSnapshot.ListenerSnap l = s.listener(request.listenerPort());
          if (l == null) {
            throw new ValidationException("listenerPort", request.listenerPort(), "a listener port of " + loadBalancerName + " " + lb.listeners.keySet());
          }
          Request r = request.sourcePort() == 0 ? request.from(request.sourceIp(), 1024 + (int) (ephemeralPort.getAndIncrement() % 64000)) : request;
          long now = kernel.clock().now().toEpochMilli();
          RoutingSnapshot.Decision d = s.route(l, r, true, now);
          RoutedResponse resp = answer(s, l, d, r, now, true);
          lb.count(resp, d.group == null ? null : d.group.name);
          return resp;
        });
  }

  Request forwarded(Request r, RoutingSnapshot.ListenerSnap l) {
    String xff = r.headers().get("x-forwarded-for");
    Request f = r.withLowerCaseHeaders(
        "x-forwarded-for", xff == null ? r.sourceIp() : xff + ", " + r.sourceIp(),
        "x-forwarded-proto", l.forwardedProto,
        "x-forwarded-port", l.forwardedPort);
    return l.instancePort == 0 ? f : f.toListener(l.instancePort); // Classic: the instance port, as a health check's
  }

  RoutedResponse answer(RoutingSnapshot s, RoutingSnapshot.ListenerSnap l, RoutingSnapshot.Decision d, Request r, long now, boolean virtual) {
    String nodeZone = d.node == null ? null : d.node.zone;
    String group = d.group == null ? null : d.group.name;
    if (d.elbStatus == 0) return new RoutedResponse(0, Duration.ZERO, null, null, null, nodeZone, true, null);
    if (d.elbStatus > 0) return new RoutedResponse(d.elbStatus, Duration.ZERO, null, group, null, nodeZone, true, "503 Service Temporarily Unavailable");
    if (d.target == null) {
      RuleAction a = d.action.action;
      return new RoutedResponse(a.fixedStatusCode(), Duration.ZERO, null, null, null, nodeZone, true, a.fixedMessageBody());
    }
    TargetRuntime t = d.target;
    if (!t.reachable()) {
      return new RoutedResponse(504, Duration.ofMillis(FluidModel.CONNECT_TIMEOUT_MILLIS), t.id, group, t.zone, nodeZone, true, "504 Gateway Time-out");
    }
    double loss = t.lossFraction;
    if (loss > 0 && lossDraw() < loss) {
      return new RoutedResponse(504, Duration.ofMillis(FluidModel.CONNECT_TIMEOUT_MILLIS), t.id, group, t.zone, nodeZone, true, "504 Gateway Time-out");
    }
    Response resp = t.answer(forwarded(r, l), defaultBehavior, now, d.group == null ? 0 : d.group.applicationStartMillis);
    Duration idle = Duration.ofMillis(s.idleTimeoutMillis);
    RoutedResponse out;
    switch (resp.kind()) {
      case NO_RESPONSE:
        out = new RoutedResponse(504, idle, t.id, group, t.zone, nodeZone, true, "504 Gateway Time-out");
        break;
      case REFUSED:
        out = new RoutedResponse(502, Duration.ZERO, t.id, group, t.zone, nodeZone, true, "502 Bad Gateway");
        break;
      default:
        out = resp.latency().compareTo(idle) >= 0
            ? new RoutedResponse(504, idle, t.id, group, t.zone, nodeZone, true, "504 Gateway Time-out")
            : new RoutedResponse(resp.status(), resp.latency(), t.id, group, t.zone, nodeZone, false, resp.body());
    }
    if (virtual && out.latency().toMillis() > 0) {
      t.sentInFlightUntil = Math.max(t.sentInFlightUntil, now + out.latency().toMillis());
      if (usesLeastOutstanding(s, l, d.group)) t.virtualCompletions.add(now + out.latency().toMillis());
    }
    return out;
  }

  private double lossDraw() {
    synchronized (lossDraws) { // request threads of the HTTP listener draw too
      return lossDraws.nextDouble();
    }
  }

  private static boolean usesLeastOutstanding(RoutingSnapshot s, RoutingSnapshot.ListenerSnap l, TgState g) {
    if (s.type == LoadBalancerType.CLASSIC) return l.protocol.isHttp();
    return s.type == LoadBalancerType.APPLICATION && g != null && g.spec.algorithm() == LoadBalancingAlgorithm.LEAST_OUTSTANDING_REQUESTS;
  }

  /**
   * Requests routed to the target through {@code loadBalancerName} since creation or the last
   * reset: those sent one by one ({@code send}, the HTTP listener) and those of workloads
   * ({@code twin.traffic()}, integrated from their rates and rounded to the nearest request).
   *
   * @param loadBalancerName the load balancer name
   * @param targetId the target id
   * @return requests routed to the target through {@code loadBalancerName} since creation or the
   *     last reset: those sent one by one ({@code send}, the HTTP listener) and those of workloads
   *     ({@code twin.traffic()}, integrated from their rates and rounded to the nearest request)
   */
  public long requestCount(String loadBalancerName, String targetId) {
    Require.name("targetId", targetId);
    return kernel.call(() -> {
      LbState lb = lb(loadBalancerName);
      fluid.integrate();
      LongAdder a = lb.byTarget.get(targetId);
      return (a == null ? 0L : a.sum()) + Math.round(lb.fluidByTarget.getOrDefault(targetId, 0.0));
    });
  }

  /**
   * Requests routed per target (as {@link #requestCount}), sorted by target id.
   *
   * @param loadBalancerName the load balancer name
   * @return requests routed per target (as {@link #requestCount}), sorted by target id
   */
  public Map<String, Long> requestCounts(String loadBalancerName) {
    return kernel.call(() -> {
      LbState lb = lb(loadBalancerName);
      fluid.integrate();
      return sums(lb.byTarget, lb.fluidByTarget);
    });
  }

  /**
   * Requests routed to targets per zone (as {@link #requestCount}), sorted by zone.
   *
   * @param loadBalancerName the load balancer name
   * @return requests routed to targets per zone (as {@link #requestCount}), sorted by zone
   */
  public Map<String, Long> requestCountByZone(String loadBalancerName) {
    return kernel.call(() -> {
      LbState lb = lb(loadBalancerName);
      fluid.integrate();
      return sums(lb.byZone, lb.fluidByZone);
    });
  }

  /**
   * Requests whose connection failed because the node the client reached was down.
   *
   * @param loadBalancerName the load balancer name
   * @return requests whose connection failed because the node the client reached was down
   */
  public long failedConnectionCount(String loadBalancerName) {
    return kernel.call(() -> lb(loadBalancerName).failedConnections.sum());
  }

  /**
   * Resets the counts of {@link #requestCount}, {@link #requestCountByZone} and failed connections.
   *
   * @param loadBalancerName the load balancer name
   */
  public void resetRequestCounts(String loadBalancerName) {
    kernel.run(() -> {
      LbState lb = lb(loadBalancerName);
      fluid.integrate();
      lb.byTarget.clear();
      lb.byZone.clear();
      lb.fluidByTarget.clear();
      lb.fluidByZone.clear();
      lb.failedConnections.reset();
    });
  }

  private static Map<String, Long> sums(Map<String, LongAdder> discrete, Map<String, Double> fluid) {
    Map<String, Long> out = new TreeMap<>();
    discrete.forEach((k, v) -> out.put(k, v.sum()));
    fluid.forEach((k, v) -> out.merge(k, Math.round(v), Long::sum));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The zones whose node is in DNS now, in zone order.
   *
   * @param loadBalancerName the load balancer name
   * @return the zones whose node is in DNS now, in zone order
   */
  public List<String> dnsZones(String loadBalancerName) {
    return kernel.call(() -> {
      List<String> out = new ArrayList<>();
      LbState lb = lb(loadBalancerName);
      snapshot(lb);
      lb.removedFromDns.forEach((z, at) -> {
        if (at < 0) out.add(z);
      });
      return List.copyOf(out);
    });
  }

  // ------------------------------------------------------------------ offered traffic (rates)

  /**
   * The expected fraction of requests shaped like {@code request} that each target receives now,
   * by zone, cross-zone setting, rules, weights and algorithm (answered or not), sorted by id.
   * Multiply by a request count to get the expected requests per target.
   *
   * @param loadBalancerName the load balancer name
   * @param request the request
   * @return the expected fraction of requests shaped like {@code request} that each target receives
   *     now, by zone, cross-zone setting, rules, weights and algorithm (answered or not), sorted by
   *     id
   */
  public Map<String, Double> expectedShares(String loadBalancerName, Request request) {
    Require.notNull("request", request);
    return kernel.call(() -> {
      LbState lb = lb(loadBalancerName);
      Map<String, Double> routed = new TreeMap<>();
      fluid.split(snapshot(lb), request, 1.0, new FluidModel.Totals(), new HashMap<>(), routed);
      return Collections.unmodifiableMap(routed);
    });
  }

  /**
   * {@return whether any target has ever served offered traffic (a fast path for CPU models, read
   * on the simulation thread without taking the lock; once true it stays true)}
   */
  public boolean hasServedTraffic() {
    kernel.checkOpen();
    return fluid.hasServed();
  }

  /**
   * Offers a steady flow of {@code requestsPerSecond} requests shaped like {@code request} to the
   * load balancer, from now until changed; returns its id. Used by {@code twin.traffic()}.
   *
   * @param loadBalancerName the load balancer name
   * @param request the request
   * @param requestsPerSecond the requests per second
   * @return its id. Used by {@code twin.traffic()}
   */
  public long offerTraffic(String loadBalancerName, Request request, double requestsPerSecond) {
    Require.notNull("request", request);
    Require.between("requestsPerSecond", requestsPerSecond, 0, 1e9);
    return kernel.call(() -> fluid.add(lb(loadBalancerName), request, requestsPerSecond));
  }

  /**
   * Changes the rate of an offered flow (0 stops it).
   *
   * @param flowId the flow id
   * @param requestsPerSecond the requests per second
   */
  public void setOfferedRate(long flowId, double requestsPerSecond) {
    Require.between("requestsPerSecond", requestsPerSecond, 0, 1e9);
    kernel.run(() -> {
      FluidModel.Flow f = fluid.flows.get(flowId);
      if (f == null) throw new ValidationException("flowId", flowId, "an id returned by offerTraffic " + fluid.flows.keySet());
      if (f.rps == requestsPerSecond) return;
      f.rps = requestsPerSecond;
      fluid.recompute();
    });
  }

  /**
   * Whether the target is registered (and not yet fully deregistered) with any target group or Classic load balancer.
   *
   * @param targetId the target id
   * @return whether the target is registered (and not yet fully deregistered) with any target group
   *     or Classic load balancer
   */
  public boolean isRegistered(String targetId) {
    return kernel.call(() -> {
      for (TgState g : allGroups()) {
        if (g.registrations.containsKey(targetId)) return true;
      }
      return false;
    });
  }

  /**
   * The average requests per second the target served over {@code [from, to)} of offered traffic.
   *
   * @param targetId the target id
   * @param from the window's start (inclusive)
   * @param to the window's end (exclusive)
   * @return the average requests per second the target served over {@code [from, to)} of offered
   *     traffic
   */
  public double averageServedRate(String targetId, Instant from, Instant to) {
    Require.notNull("from", from);
    Require.notNull("to", to);
    return kernel.call(() -> fluid.averageServed(targetId, from.toEpochMilli(), to.toEpochMilli()));
  }

  /**
   * The requests per second the target serves now, of offered traffic.
   *
   * @param targetId the target id
   * @return the requests per second the target serves now, of offered traffic
   */
  public double servedRate(String targetId) {
    return kernel.call(() -> fluid.currentServed(targetId));
  }

  // ------------------------------------------------------------------ views

  /**
   * The load balancer named {@code name}.
   *
   * @param name the name
   * @return the load balancer named {@code name}
   */
  public LoadBalancer loadBalancer(String name) {
    return kernel.call(() -> new LoadBalancer(this, lb(name)));
  }

  /**
   * The target group named {@code name}.
   *
   * @param name the name
   * @return the target group named {@code name}
   */
  public TargetGroup targetGroup(String name) {
    return kernel.call(() -> new TargetGroup(this, tg(name)));
  }

  /** {@return every load balancer, in creation order} */
  public List<LoadBalancer> loadBalancers() {
    return kernel.call(() -> lbs.values().stream().map(l -> new LoadBalancer(this, l)).toList());
  }

  /** {@return every target group, in creation order} */
  public List<TargetGroup> targetGroups() {
    return kernel.call(() -> tgs.values().stream().map(g -> new TargetGroup(this, g)).toList());
  }

  LbState lb(String name) {
    Require.name("LoadBalancerName", name);
    LbState lb = lbs.get(name);
    if (lb == null) throw new ValidationException("LoadBalancerName", name, "the name of a load balancer of this twin " + lbs.keySet(), "LoadBalancerNotFound");
    return lb;
  }

  TgState tg(String name) {
    Require.name("TargetGroupName", name);
    TgState g = tgs.get(name);
    if (g == null) throw new ValidationException("TargetGroupName", name, "the name of a target group of this twin " + tgs.keySet(), "TargetGroupNotFound");
    return g;
  }

  private TgState classicGroup(String lbName) {
    LbState lb = lb(lbName);
    if (lb.classicGroup == null) throw new ValidationException("LoadBalancerName", lbName, "a Classic Load Balancer (register targets of other types with a target group)");
    return lb.classicGroup;
  }

  private String hex16() {
    return String.format("%016x", ids.nextLong());
  }

  // ------------------------------------------------------------------ HTTP data plane

  /**
   * Starts a real HTTP listener on 127.0.0.1 for the load balancer's first listener.
   *
   * @param loadBalancerName the load balancer name
   * @return the started listener; close it to stop
   */
  public HttpListener startHttpListener(String loadBalancerName) {
    return startHttpListener(loadBalancerName, 0);
  }

  /**
   * Starts a real HTTP listener on 127.0.0.1 and an ephemeral port for the listener on {@code
   * listenerPort} (0: the first). Closed with the twin.
   *
   * @param loadBalancerName the load balancer name
   * @param listenerPort the listener port
   * @return the started listener; close it to stop
   */
  public HttpListener startHttpListener(String loadBalancerName, int listenerPort) {
    LbState lb = kernel.call(() -> {
      LbState l = lb(loadBalancerName);
      if (snapshot(l).listener(listenerPort) == null) {
        throw new ValidationException("listenerPort", listenerPort, "a listener port of " + loadBalancerName + " " + l.listeners.keySet());
      }
      return l;
    });
    HttpListener h = HttpListener.start(loadBalancerName, new HttpDataPlane(this, kernel, lb, listenerPort), 16);
    try {
      kernel.run(() -> {
        httpListeners.add(h);
        httpListenerOwners.put(h, lb);
        kernel.timeline().record(new ElbFact.HttpListenerStarted(lb.spec.name(), h.uri()));
      });
    } catch (RuntimeException e) {
      h.close(); // the twin closed while the socket was bound: nothing it owns outlives it
      throw e;
    }
    return h;
  }

  /**
   * Calls {@code listener} on every target health change (on the simulation thread).
   *
   * @param listener the listener
   */
  public void addTargetHealthListener(TargetHealthListener listener) {
    healthListeners.add(Require.notNull("listener", listener));
  }

  /**
   * Stops calling {@code listener}.
   *
   * @param listener the listener
   */
  public void removeTargetHealthListener(TargetHealthListener listener) {
    kernel.checkOpen();
    healthListeners.remove(listener);
  }

  void fireHealthChanged(
      String targetGroup, String targetId, TargetHealthState from, TargetHealthState to, String reason) {
    for (TargetHealthListener l : healthListeners) {
      l.healthChanged(targetGroup, targetId, from, to, reason);
    }
  }

  /** Closes every HTTP listener (the twin calls this when it closes). */
  @Override
  public void close() {
    List<HttpListener> all = kernel.call(() -> new ArrayList<>(httpListeners));
    for (HttpListener h : all) h.close();
  }

  // ------------------------------------------------------------------ reacting to changes

  void healthChanged(TgState g) {
    for (LbState lb : g.loadBalancers) rebuild(lb);
  }

  private void instanceChanged(Instance i) {
    kernel.run(() -> {
      TargetRuntime t = targets.get(i.instanceId());
      if (t == null) return;
      Set<LbState> affected = new LinkedHashSet<>();
      for (TgState g : allGroups()) {
        Registration r = g.registrations.get(t.id);
        if (r == null) continue;
        if (i.state() == InstanceState.SHUTTING_DOWN || i.state() == InstanceState.TERMINATED) {
          drainGone(g, r); // AWS deregisters a terminated instance: it drains, then leaves the group
        } else if (TgState.invalidState(i.state()) && (r.routable() || "Target.InvalidState".equals(r.reason))) {
          // stopping, then stopped: the description follows the instance's state
          g.set(r, TargetHealthState.UNUSED, "Target.InvalidState", "Target is in the " + i.state() + " state");
        }
        affected.addAll(g.loadBalancers);
      }
      for (LbState lb : affected) rebuild(lb);
    });
  }

  private List<TgState> allGroups() {
    List<TgState> out = new ArrayList<>(tgs.values());
    for (LbState lb : lbs.values()) if (lb.classicGroup != null) out.add(lb.classicGroup);
    return out;
  }

  io.github.cloudtwin.kernel.Timeline timeline() {
    return kernel.timeline();
  }

  private void timelineEvent(TimelineEvent e) {
    if (!(e.fact() instanceof Ec2Fact.ZoneStateChanged z)) return;
    kernel.run(() -> {
      boolean impaired = z.impaired();
      for (TargetRuntime t : targets.values()) {
        if (t.instance == null && t.zone.equals(z.zone())) t.zoneImpaired = impaired;
      }
      for (LbState lb : lbs.values()) rebuild(lb);
    });
  }

  /**
   * Marks the routing snapshot of {@code lb} out of date. It is rebuilt once when the simulation
   * settles (after the events of the instant, at the end of the call) or when the simulation reads
   * it first ({@link #snapshot}), so 20,000 target changes in one instant cost one rebuild, not
   * 20,000 (each of which scans every target).
   */
  void rebuild(LbState lb) {
    stale.remove(lb);
    stale.put(lb, kernel.currentCause());
  }

  /** The up-to-date routing snapshot of {@code lb}, for readers inside the simulation. */
  RoutingSnapshot snapshot(LbState lb) {
    Long cause = stale.remove(lb);
    if (cause != null) kernel.runWithCause(cause, () -> rebuildNow(lb));
    return lb.snapshot;
  }

  private void rebuildStale() {
    while (!stale.isEmpty()) {
      LbState lb = stale.keySet().iterator().next();
      snapshot(lb);
    }
  }

  /** Rebuilds the routing snapshot of {@code lb}: DNS, nodes, pools. */
  private void rebuildNow(LbState lb) {
    long now = kernel.clock().now().toEpochMilli();
    LoadBalancerSpec spec = lb.spec;
    List<TgState> groups = groupsOf(lb);
    List<String> zones = spec.availabilityZones();
    Map<String, Boolean> up = new LinkedHashMap<>();
    Map<String, Boolean> dnsHealthy = new LinkedHashMap<>();
    boolean anyHealthyUp = false;
    for (String z : zones) {
      boolean u = ec2.zoneState(z) == ZoneState.AVAILABLE;
      up.put(z, u);
      boolean healthy = true;
      for (TgState g : groups) {
        if (g.crossZone(lb)) continue;
        int h = 0;
        for (Registration r : g.registrations.values()) if (r.healthy() && r.target.zone.equals(z)) h++;
        if (h == 0) healthy = false;
      }
      dnsHealthy.put(z, healthy);
      if (u && healthy) anyHealthyUp = true;
    }
    boolean earliestExpiry = false;
    long nextExpiry = Long.MAX_VALUE;
    List<RoutingSnapshot.Node> visible = new ArrayList<>();
    for (String z : zones) {
      boolean inDns = up.get(z) && (dnsHealthy.get(z) || !anyHealthyUp);
      long removedAt = lb.removedFromDns.get(z);
      if (inDns && removedAt >= 0) {
        lb.removedFromDns.put(z, -1L);
        kernel.timeline().record(new ElbFact.DnsNodeAdded(lb.spec.name(), z));
        removedAt = -1;
      } else if (!inDns && removedAt < 0) {
        removedAt = now;
        lb.removedFromDns.put(z, now);
        kernel.timeline().record(new ElbFact.DnsNodeRemoved(lb.spec.name(), z, !up.get(z), DNS_TTL));
        long at = now + DNS_TTL.toMillis();
        kernel.scheduler().at(Instant.ofEpochMilli(at), () -> rebuild(lb));
      }
      if (inDns || now < removedAt + DNS_TTL.toMillis()) visible.add(new RoutingSnapshot.Node(z, up.get(z)));
    }
    boolean slowStarting = false;
    long slowStep = Long.MAX_VALUE;
    for (RoutingSnapshot.Node node : visible) {
      for (TgState g : groups) {
        List<Registration> scope = new ArrayList<>();
        List<Registration> healthy = new ArrayList<>();
        boolean cross = g.crossZone(lb);
        for (Registration r : g.registrations.values()) {
          if (!r.routable() || !zones.contains(r.target.zone)) continue;
          if (!cross && !r.target.zone.equals(node.zone)) continue;
          scope.add(r);
          if (r.healthy()) healthy.add(r);
        }
        boolean failOpen = healthy.size() < g.spec.minimumHealthyTargetsCount();
        List<Registration> chosen = failOpen ? scope : healthy;
        TargetRuntime[] ts = new TargetRuntime[chosen.size()];
        double[] weights = null;
        long ss = g.spec.slowStart().toMillis();
        if (ss > 0 && !failOpen) {
          boolean ramping = false;
          for (Registration r : chosen) if (r.slowStartEnd > now) ramping = true;
          if (ramping) {
            weights = new double[chosen.size()];
            long step = ss / 10;
            for (int i = 0; i < chosen.size(); i++) {
              Registration r = chosen.get(i);
              long el = now - (r.slowStartEnd - ss);
              weights[i] = r.slowStartEnd <= now ? 1.0 : Math.min(1.0, (el + step / 2.0) / ss);
            }
            slowStarting = true;
            slowStep = Math.min(slowStep, step);
          }
        }
        for (int i = 0; i < ts.length; i++) ts[i] = chosen.get(i).target;
        String key = node.zone + "|" + g.name;
        AtomicLong cursor = lb.cursors.computeIfAbsent(key, k -> new AtomicLong());
        SplittableRandom random = kernel.randomness().stream("elb/" + spec.name() + "/" + key);
        node.pools.put(g, new RoutingSnapshot.Pool(ts, weights, failOpen && !scope.isEmpty(), cursor, random));
      }
    }
    List<RoutingSnapshot.ListenerSnap> ls = new ArrayList<>();
    for (ListenerSpec l : lb.listeners.values()) {
      RoutingSnapshot.ActionSnap[] actions = new RoutingSnapshot.ActionSnap[l.rules().size()];
      RuleSpec[] rules = l.rules().toArray(new RuleSpec[0]);
      for (int i = 0; i < rules.length; i++) actions[i] = actionSnap(lb, l.port() + "|" + rules[i].priority(), rules[i].action());
      ls.add(new RoutingSnapshot.ListenerSnap(l.port(), l.protocol(), rules, actions, actionSnap(lb, l.port() + "|default", l.defaultAction()),
          l.instancePort() == null ? 0 : l.instancePort()));
    }
    lb.snapshot = new RoutingSnapshot(spec.type(), visible.toArray(new RoutingSnapshot.Node[0]),
        ls.toArray(new RoutingSnapshot.ListenerSnap[0]), spec.idleTimeout().toMillis(), lb.nodeCursor);
    Scheduler.Task pending = slowStartTasks.get(lb);
    if (slowStarting && (pending == null || !pending.isPending())) {
      slowStartTasks.put(lb, kernel.scheduler().at(Instant.ofEpochMilli(now + slowStep), 0, () -> rebuild(lb)));
    }
    fluid.markDirty();
  }

  private RoutingSnapshot.ActionSnap actionSnap(LbState lb, String key, RuleAction a) {
    List<String> names = a.targetGroupNames();
    TgState[] groups = new TgState[names.size()];
    int[] weights = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      groups[i] = lb.classicGroup != null ? lb.classicGroup : tgs.get(names.get(i));
      weights[i] = a.targetGroupWeights().get(names.get(i));
    }
    return new RoutingSnapshot.ActionSnap(a, groups, weights, lb.cursors.computeIfAbsent("action|" + key, k -> new AtomicLong()));
  }

  List<TgState> groupsOf(LbState lb) {
    LinkedHashSet<TgState> out = new LinkedHashSet<>();
    if (lb.classicGroup != null) out.add(lb.classicGroup);
    for (ListenerSpec l : lb.listeners.values()) {
      List<RuleAction> actions = new ArrayList<>();
      actions.add(l.defaultAction());
      for (RuleSpec r : l.rules()) actions.add(r.action());
      for (RuleAction a : actions) {
        for (String n : a.targetGroupNames()) {
          TgState g = lb.classicGroup != null ? lb.classicGroup : tgs.get(n);
          if (g != null) out.add(g);
        }
      }
    }
    return new ArrayList<>(out);
  }

  URI endpointOf(TargetRuntime t) {
    return t.endpoint;
  }
}

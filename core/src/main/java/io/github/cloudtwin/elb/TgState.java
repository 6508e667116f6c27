package io.github.cloudtwin.elb;

import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.facts.ElbFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A target group as the twin runs it: registrations, and one logical health checker that checks
 * every target once per interval in one shared event (AWS checks from every node; see
 * docs/load-balancing.md).
 */
final class TgState {

  final String name;
  final TargetGroupSpec spec;
  final HealthCheckSpec healthCheck;

  // the resolved health check's values (resolve fills in all but the port and the path)
  private final Protocol checkProtocol;
  private final Duration checkInterval;
  private final Duration checkTimeout;
  private final int healthyThreshold;
  private final int unhealthyThreshold;
  private final boolean checksEnabled;
  final LoadBalancerType lbType;
  final Duration deregistrationDelay;
  final String dimension;
  final Map<String, Registration> registrations = new Members();

  /**
   * The registrations in registration order, with a count of changes, so that a health-check round
   * copies them only after a change (a round that registers or deregisters still sees the targets
   * it started with).
   */
  private static final class Members extends LinkedHashMap<String, Registration> {
    private static final long serialVersionUID = 1L;
    transient int changes;

    @Override
    public @Nullable Registration put(String key, Registration value) {
      changes++;
      return super.put(key, value);
    }

    @Override
    public @Nullable Registration remove(Object key) {
      changes++;
      return super.remove(key);
    }

    /** Registrations leave one by one (each drains first): nothing clears a group at once. */
    @Override
    public void clear() {
      throw new UnsupportedOperationException("a target group's registrations leave one by one");
    }
  }

  /**
   * The failure of a check answered with a status code that does not match, by code (read only).
   */
  private final Map<Integer, String[]> mismatches = new HashMap<>();

  /**
   * How many times a registration's state changed ({@link #set}): counts read from it are stale.
   */
  private int stateChanges;

  /**
   * A version of the registrations and their states: it changes whenever a target registers, leaves
   * or changes state, so a count taken from them stays right while it is the same.
   */
  long healthVersion() {
    return ((long) ((Members) registrations).changes << 32) | (stateChanges & 0xffffffffL);
  }

  private Registration[] checkOrder = new Registration[0];
  private int checkOrderAt = -1;
  final List<LbState> loadBalancers = new ArrayList<>();
  private final Kernel kernel;
  private final TargetGroupContext context;
  private Scheduler.@Nullable Task checkTask;

  /** The health check's success codes, parsed once (null: no matcher, every answer passes). */
  private final @Nullable IntPredicate successCodes;

  /** How long the application on a new instance target answers 503 after the instance runs (ms). */
  volatile long applicationStartMillis;

  /** Whether every check fails (an experiment's fault), whatever the targets answer. */
  volatile boolean checksFailing;

  TgState(
      TargetGroupContext context,
      TargetGroupSpec spec,
      HealthCheckSpec hc,
      LoadBalancerType lbType,
      Duration delay,
      String dimension) {
    this.kernel = context.kernel();
    this.context = context;
    this.name = spec.name();
    this.spec = spec;
    this.healthCheck = hc;
    this.checkProtocol =
        Objects.requireNonNull(hc.protocol(), "a resolved health check's protocol");
    this.checkInterval =
        Objects.requireNonNull(hc.interval(), "a resolved health check's interval");
    this.checkTimeout = Objects.requireNonNull(hc.timeout(), "a resolved health check's timeout");
    this.healthyThreshold =
        Objects.requireNonNull(
            hc.healthyThresholdCount(), "a resolved health check's healthy threshold");
    this.unhealthyThreshold =
        Objects.requireNonNull(
            hc.unhealthyThresholdCount(), "a resolved health check's unhealthy threshold");
    this.checksEnabled =
        Objects.requireNonNull(hc.enabled(), "a resolved health check's enabled flag");
    String matcher = hc.matcher();
    this.successCodes = matcher == null ? null : Matcher.parse(matcher, 100, 599);
    this.lbType = lbType;
    this.deregistrationDelay = delay;
    this.dimension = dimension;
  }

  boolean crossZone(LbState lb) {
    if (lbType == LoadBalancerType.CLASSIC || spec.crossZoneEnabled() == null)
      return lb.spec.crossZone();
    return spec.crossZoneEnabled();
  }

  boolean inUse() {
    return !loadBalancers.isEmpty();
  }

  boolean zoneEnabled(String zone) {
    for (LbState lb : loadBalancers) {
      if (lb.spec.availabilityZones().contains(zone)) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ state changes

  /** Sets the state, records it, and returns whether it changed. */
  boolean set(
      Registration r,
      TargetHealthState state,
      @Nullable String reason,
      @Nullable String description) {
    if (r.state == state
        && (java.util.Objects.equals(r.reason, reason) || state == TargetHealthState.INITIAL)) {
      // the same state with a new reason (registration in progress -> initial health checking):
      // DescribeTargetHealth shows it, but it is no state change, so nothing is recorded
      r.reason = reason;
      r.description = description;
      return false;
    }
    TargetHealthState from = r.state;
    r.state = state;
    stateChanges++;
    r.reason = reason;
    r.description = description;
    long now = kernel.clock().now().toEpochMilli();
    if (state == TargetHealthState.HEALTHY && from != TargetHealthState.HEALTHY) {
      r.healthySince = now;
      r.slowStartEnd = -1;
      long ss = spec.slowStart().toMillis();
      if (ss > 0) {
        for (Registration o : registrations.values()) {
          if (o != r && o.state == TargetHealthState.HEALTHY && o.slowStartEnd <= now) {
            r.slowStartEnd = now + ss; // another healthy target is not in slow start
            break;
          }
        }
      }
    } else if (state != TargetHealthState.HEALTHY) {
      r.healthySince = -1;
      r.slowStartEnd = -1;
    }
    long event =
        kernel
            .timeline()
            .record(
                new ElbFact.TargetHealthChanged(
                    r.target.id,
                    name,
                    lbType == LoadBalancerType.CLASSIC,
                    from,
                    state,
                    reason,
                    description));
    kernel.runWithCause(
        event, () -> context.listeners().fire(name, r.target.id, from, state, reason));
    return true;
  }

  /** The state a newly registered (or newly attached) target starts in. */
  void startFresh(Registration r) {
    r.passes = 0;
    r.fails = 0;
    r.checked = false;
    if (!inUse()) {
      set(
          r,
          TargetHealthState.UNUSED,
          "Target.NotInUse",
          "Target group is not configured to receive traffic from the load balancer");
    } else if (!zoneEnabled(r.target.zone)) {
      set(
          r,
          TargetHealthState.UNUSED,
          "Target.NotInUse",
          "Target is in an Availability Zone that is not enabled for the load balancer");
    } else if (r.target.instance != null && invalidState(r.target.instance.state())) {
      set(
          r,
          TargetHealthState.UNUSED,
          "Target.InvalidState",
          "Target is in the " + r.target.instance.state() + " state");
    } else if (!checksEnabled) {
      set(
          r,
          TargetHealthState.UNAVAILABLE,
          "Target.HealthCheckDisabled",
          "Health checks are disabled");
    } else {
      set(
          r,
          TargetHealthState.INITIAL,
          "Elb.RegistrationInProgress",
          "Target registration is in progress");
    }
  }

  static boolean invalidState(InstanceState s) {
    return s == InstanceState.STOPPED
        || s == InstanceState.STOPPING
        || s == InstanceState.TERMINATED
        || s == InstanceState.SHUTTING_DOWN;
  }

  /** Starts the health-check loop if the group is in use and it is not running. */
  void ensureChecking() {
    if (checkTask != null && checkTask.isPending()) return;
    if (!inUse() || !checksEnabled) return;
    checkTask = kernel.scheduler().at(kernel.clock().now().plus(checkInterval), 0, this::checkAll);
  }

  private void checkAll() {
    checkTask = null;
    if (!inUse()) return;
    boolean changed = false;
    Members members = (Members) registrations;
    if (checkOrderAt != members.changes) {
      checkOrder = members.values().toArray(new Registration[0]);
      checkOrderAt = members.changes;
    }
    Registration[] round = checkOrder; // a change during the round makes a new array
    for (Registration r : round) {
      changed |= check(r);
    }
    if (changed) context.routing().healthChanged(this);
    ensureChecking();
  }

  /** One health check of one target; returns whether its state changed. */
  boolean check(Registration r) {
    if (r.state == TargetHealthState.DRAINING || r.state == TargetHealthState.UNAVAILABLE)
      return false;
    if (r.state == TargetHealthState.UNUSED) {
      boolean recoverable =
          "Target.InvalidState".equals(r.reason)
              && r.target.instance != null
              && !invalidState(r.target.instance.state());
      if (!recoverable
          && !("Target.NotInUse".equals(r.reason) && inUse() && zoneEnabled(r.target.zone)))
        return false;
      startFresh(r);
      return true;
    }
    String[] failure = probe(r);
    boolean firstCheck = !r.checked;
    r.checked = true;
    boolean changed = false;
    if (r.state == TargetHealthState.INITIAL
        && firstCheck
        && "Elb.RegistrationInProgress".equals(r.reason)) {
      changed =
          set(
              r,
              TargetHealthState.INITIAL,
              "Elb.InitialHealthChecking",
              "Initial health checks in progress");
    }
    if (failure == null) {
      r.passes++;
      r.fails = 0;
      int needed =
          r.state == TargetHealthState.INITIAL && lbType == LoadBalancerType.APPLICATION
              ? 1
              : healthyThreshold;
      if (r.state != TargetHealthState.HEALTHY && r.passes >= needed) {
        changed |= set(r, TargetHealthState.HEALTHY, null, null);
      }
    } else {
      r.fails++;
      r.passes = 0;
      if (r.state != TargetHealthState.UNHEALTHY && r.fails >= unhealthyThreshold) {
        changed |= set(r, TargetHealthState.UNHEALTHY, failure[0], failure[1]);
      } else if (r.state == TargetHealthState.UNHEALTHY && !failure[0].equals(r.reason)) {
        r.reason = failure[0];
        r.description = failure[1];
      }
    }
    return changed;
  }

  /** The failure (reason code, description) of one check, or null when it passed. */
  private String @Nullable [] probe(Registration r) {
    return probe(r, applicationStartMillis, true);
  }

  /**
   * The failure of one check now, the application's start counted for {@code startMillis}, an
   * injected failure of every check counted when {@code faults}.
   */
  String @Nullable [] probe(Registration r, long startMillis, boolean faults) {
    TargetRuntime t = r.target;
    if (!t.reachable()) return new String[] {"Target.Timeout", "Request timed out"};
    if (faults && checksFailing) {
      return new String[] {
        "Target.ResponseCodeMismatch", "Health checks failed with these codes: [500]"
      };
    }
    Request req = r.healthProbe;
    if (req == null) {
      // the same request every time: built once per registration
      Integer checkPort = healthCheck.port();
      int port = checkPort != null ? checkPort : r.port;
      String checkPath = healthCheck.path();
      req =
          new Request(
              "GET",
              t.id + ":" + port,
              checkPath == null ? "/" : checkPath,
              Map.of("user-agent", Request.HEALTH_CHECKER),
              "10.0.0.1",
              0,
              port,
              true);
      r.healthProbe = req;
    }
    Response resp =
        t.answer(
            req, context.defaults().behavior(), kernel.clock().now().toEpochMilli(), startMillis);
    switch (resp.kind()) {
      case REFUSED:
        return new String[] {"Target.FailedHealthChecks", "Health checks failed"};
      case NO_RESPONSE:
        if (!checkProtocol.isHttp()) return null; // the TCP connection was accepted
        return new String[] {"Target.Timeout", "Request timed out"};
      default:
        if (!checkProtocol.isHttp()) return null;
        if (resp.latency().compareTo(checkTimeout) >= 0)
          return new String[] {"Target.Timeout", "Request timed out"};
        if (successCodes != null && !successCodes.test(resp.status())) {
          // the same failure every check while the target answers the same code: built once
          return mismatches.computeIfAbsent(
              resp.status(),
              code ->
                  new String[] {
                    "Target.ResponseCodeMismatch",
                    "Health checks failed with these codes: [" + code + "]"
                  });
        }
        return null;
    }
  }
}

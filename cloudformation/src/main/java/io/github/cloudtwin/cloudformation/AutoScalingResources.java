package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.LifecycleActionResult;
import io.github.cloudtwin.autoscaling.LifecycleHookSpec;
import io.github.cloudtwin.autoscaling.LifecycleTransition;
import io.github.cloudtwin.autoscaling.ScheduledActionSpec;
import io.github.cloudtwin.autoscaling.WarmPoolSpec;
import io.github.cloudtwin.autoscaling.WarmPoolState;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The AWS::AutoScaling resources: their handlers (groups in {@link AutoScalingGroupResource},
 * policies in {@link ScalingPolicyResource}), ScheduledAction and LifecycleHook, and what they
 * share: the group, target group and metric a property names, and a hook's validation.
 */
final class AutoScalingResources {

  static final String GROUP = "AWS::AutoScaling::AutoScalingGroup";

  private AutoScalingResources() {}

  // ------------------------------------------------------------------ shared

  static String targetGroupName(ResourceContext r, String arn, String path) {
    ResourceContext.Found f = r.byRef(arn);
    if (f != null && f.type().equals("AWS::ElasticLoadBalancingV2::TargetGroup"))
      return Objects.requireNonNull(
          (String) f.outcome().attributes().get("TargetGroupName"),
          "a target group's outcome names it");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(":targetgroup/([^/]+)/").matcher(arn);
    if (m.find()
        && r.twin().loadBalancing().targetGroups().stream()
            .anyMatch(t -> t.name().equals(m.group(1)))) return m.group(1);
    throw r.invalid(path, arn, "the ARN of a target group of the template or of the twin");
  }

  /** A hook as PutLifecycleHook validates it; a fault names the property under {@code h}'s path. */
  static LifecycleHookSpec hook(Props h, String hookName, String group) {
    LifecycleTransition transition =
        Enums.optional(h, "LifecycleTransition", LifecycleTransition.class);
    if (transition == null) throw h.missing("LifecycleTransition");
    Duration timeout = h.seconds("HeartbeatTimeout");
    LifecycleActionResult result =
        Enums.parse(h, "DefaultResult", LifecycleActionResult.class, LifecycleActionResult.ABANDON);
    try {
      return new LifecycleHookSpec(
          hookName,
          group,
          transition,
          timeout == null ? LifecycleHookSpec.DEFAULT_HEARTBEAT_TIMEOUT : timeout,
          result);
    } catch (io.github.cloudtwin.kernel.ValidationException e) {
      throw h.invalid(e.field(), e.value(), e.allowed());
    }
  }

  /** The group a policy, action or hook names: one of the template's, or one the twin has. */
  static String groupName(ResourceContext r, Props p) {
    String group = p.requiredString("AutoScalingGroupName");
    ResourceContext.Found f = r.byRef(group);
    if (f != null && f.type().equals(GROUP)) return group;
    if (r.plan().session().claims(GROUP, group)) return group;
    if (r.twin().autoScaling().groups().stream().noneMatch(g -> g.name().equals(group))) {
      throw r.invalid(
          "Properties.AutoScalingGroupName", group, "a group of the template (Ref) or of the twin");
    }
    return group;
  }

  /** Namespace, MetricName and Dimensions [{Name, Value}] as a MetricId. */
  static MetricId metric(Props m) {
    String namespace = m.requiredString("Namespace");
    String metricName = m.requiredString("MetricName");
    List<String> nv = new ArrayList<>();
    for (Props d : m.children("Dimensions")) {
      nv.add(d.requiredString("Name"));
      nv.add(d.requiredString("Value"));
    }
    return MetricId.of(namespace, metricName, nv.toArray(String[]::new));
  }

  static Statistic statistic(Props m, String key) {
    String s = m.string(key);
    return s == null ? Statistic.AVERAGE : Statistic.parse(s);
  }

  // ------------------------------------------------------------------ scheduled action, lifecycle
  // hook

  static final ResourceHandler SCHEDULED_ACTION =
      r -> {
        Props p = r.props();
        String group = groupName(r, p);
        String name = r.name(null, 255);
        String zone = p.string("TimeZone");
        if (zone != null && !zone.equals("UTC") && !zone.equals("Etc/UTC")) {
          throw p.invalid("TimeZone", zone, "UTC (the twin's recurrences run in UTC)");
        }
        ScheduledActionSpec spec =
            new ScheduledActionSpec(
                name,
                group,
                instant(p, "StartTime"),
                instant(p, "EndTime"),
                p.string("Recurrence"),
                p.integer("MinSize"),
                p.integer("MaxSize"),
                p.integer("DesiredCapacity"));
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(name).attribute("ScheduledActionName", name);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            twin.autoScaling().putScheduledUpdateGroupAction(spec);
            return predict();
          }
        };
      };

  private static @Nullable Instant instant(Props p, String key) {
    String v = p.string(key);
    if (v == null) return null;
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw p.invalid(key, v, "an ISO 8601 UTC time such as 2026-01-01T08:00:00Z");
    }
  }

  static final ResourceHandler LIFECYCLE_HOOK =
      r -> {
        Props p = r.props();
        String group = groupName(r, p);
        String name = r.name(p.string("LifecycleHookName"), 255);
        LifecycleHookSpec spec = hook(p, name, group);
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(name);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            twin.autoScaling().putLifecycleHook(spec);
            return Outcome.of(name);
          }
        };
      };

  /**
   * AWS::AutoScaling::WarmPool, as PutWarmPool: MinSize, MaxGroupPreparedCapacity (-1: the group's
   * MaxSize), PoolState, InstanceReusePolicy.ReuseOnScaleIn.
   */
  static final ResourceHandler WARM_POOL =
      r -> {
        Props p = r.props();
        String group = groupName(r, p);
        WarmPoolSpec.Builder b = WarmPoolSpec.builder().autoScalingGroupName(group);
        WarmPoolSpec spec;
        try {
          Integer max = p.integer("MaxGroupPreparedCapacity");
          if (max != null) b.maxGroupPreparedCapacity(max);
          Integer min = p.integer("MinSize");
          if (min != null) b.minSize(min);
          b.poolState(Enums.parse(p, "PoolState", WarmPoolState.class, WarmPoolState.STOPPED));
          Props reuse = p.child("InstanceReusePolicy");
          Boolean onScaleIn = reuse == null ? null : reuse.bool("ReuseOnScaleIn");
          if (onScaleIn != null) b.reuseOnScaleIn(onScaleIn);
          spec = b.build();
        } catch (io.github.cloudtwin.kernel.ValidationException e) {
          throw p.invalid(e.field(), e.value(), e.allowed());
        }
        WarmPoolSpec warmPool = spec;
        return new Creation() {
          @Override
          public Outcome predict() {
            return Outcome.of(group);
          }

          @Override
          public Outcome create(CloudTwin twin) {
            twin.autoScaling().warmPools().putWarmPool(warmPool);
            return predict();
          }
        };
      };

  static Map<String, ResourceHandler> handlers() {
    return Map.of(
        GROUP,
        AutoScalingGroupResource.HANDLER,
        "AWS::AutoScaling::LaunchConfiguration",
        Ec2Resources.LAUNCH_CONFIGURATION,
        "AWS::AutoScaling::ScalingPolicy",
        ScalingPolicyResource.HANDLER,
        "AWS::AutoScaling::ScheduledAction",
        SCHEDULED_ACTION,
        "AWS::AutoScaling::LifecycleHook",
        LIFECYCLE_HOOK,
        "AWS::AutoScaling::WarmPool",
        WARM_POOL);
  }
}

package io.github.cloudtwin.assertj.error;

import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.InstanceRefresh;
import io.github.cloudtwin.autoscaling.LaunchTemplateOverride;
import io.github.cloudtwin.autoscaling.MixedInstancesPolicy;
import io.github.cloudtwin.facts.AutoScalingFact;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An Auto Scaling group runs instances of types its latest instance refresh's desired configuration
 * does not list (or the group has had no instance refresh).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ShouldRunInstanceTypes extends CloudTwinErrorMessage {

  private ShouldRunInstanceTypes(String text) {
    super(text);
  }

  /**
   * {@return the instance types the latest refresh of {@code group} asks for: its desired mixed
   * instances policy's overrides; without one, the types of the group's own configuration; null
   * when the group has had no refresh}
   *
   * @param group the group
   */
  public static @Nullable List<String> desiredTypes(AutoScalingGroup group) {
    List<InstanceRefresh> refreshes = group.instanceRefreshes();
    if (refreshes.isEmpty()) return null;
    MixedInstancesPolicy p = refreshes.get(0).mixedInstancesPolicy();
    if (p == null) return group.spec().instanceTypes();
    return p.overrides().stream().map(LaunchTemplateOverride::instanceType).toList();
  }

  /**
   * {@return the group's instances whose type is not in {@code types}}
   *
   * @param group the group
   * @param types the types allowed
   */
  public static List<AutoScalingInstance> others(AutoScalingGroup group, List<String> types) {
    List<AutoScalingInstance> out = new ArrayList<>();
    for (AutoScalingInstance i : group.instances()) {
      if (!types.contains(i.instanceType())) out.add(i);
    }
    return out;
  }

  /**
   * The message for {@code runsOnlyInstanceTypesOfLatestInstanceRefresh}.
   *
   * @param group the group
   * @return the message
   */
  public static ShouldRunInstanceTypes shouldRunInstanceTypesOfLatestRefresh(
      AutoScalingGroup group) {
    List<String> types = desiredTypes(group);
    StringBuilder sb = new StringBuilder();
    sb.append("Expecting Auto Scaling group ")
        .append(ScalingFacts.quoted(group.name()))
        .append(" to run only the instance types of its latest instance refresh");
    if (types == null) {
      sb.append('\n').append("but it has had no instance refresh.\n");
    } else {
      InstanceRefresh r = group.instanceRefreshes().get(0);
      List<AutoScalingInstance> others = others(group, types);
      sb.append(' ').append(types).append('\n');
      sb.append("but ")
          .append(others.size())
          .append(" of ")
          .append(group.instances().size())
          .append(others.size() == 1 ? " instance runs" : " instances run")
          .append(" another type: ");
      for (int i = 0; i < others.size() && i < 5; i++) {
        AutoScalingInstance o = others.get(i);
        sb.append(i == 0 ? "" : ", ")
            .append(o.instanceId())
            .append(" (")
            .append(o.instanceType())
            .append(", ")
            .append(o.lifecycleState())
            .append(')');
      }
      sb.append(others.size() > 5 ? ", ..." : "")
          .append(".\n")
          .append("Refresh ")
          .append(r.instanceRefreshId())
          .append(" is ")
          .append(r.status())
          .append(" (")
          .append(r.percentageComplete())
          .append(" % complete, ")
          .append(r.instancesToUpdate())
          .append(" to update).\n");
    }
    sb.append(
        TimelineSlice.of(
            group.timeline(),
            e ->
                e.resource().equals("group/" + group.name())
                    && (e.fact() instanceof AutoScalingFact.InstanceRefreshStarted
                        || e.fact() instanceof AutoScalingFact.InstanceRefreshStatusChanged
                        || e.fact() instanceof AutoScalingFact.InstanceRefreshReplacing
                        || e.fact() instanceof AutoScalingFact.GroupSettingsUpdated)));
    return new ShouldRunInstanceTypes(sb.toString().stripTrailing());
  }
}

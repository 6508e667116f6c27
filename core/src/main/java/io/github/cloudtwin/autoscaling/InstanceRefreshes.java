package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The instance refreshes of one twin's Auto Scaling groups: {@code StartInstanceRefresh}, {@code
 * CancelInstanceRefresh}, {@code RollbackInstanceRefresh} and {@code DescribeInstanceRefreshes}
 * (Use an instance refresh to update instances in an Auto Scaling group,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-instance-refresh.html). Obtain it from
 * {@code twin.autoScaling().instanceRefreshes()}. Thread-safe: every method runs under the
 * simulation lock; a refused call changes nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InstanceRefreshes {

  private final Kernel kernel;
  private final GroupRegistry registry;
  private final CloudWatch cloudWatch;
  private final Uuids ids;

  InstanceRefreshes(Kernel kernel, GroupRegistry registry, CloudWatch cloudWatch, Uuids ids) {
    this.kernel = kernel;
    this.registry = registry;
    this.cloudWatch = cloudWatch;
    this.ids = ids;
  }

  /**
   * Starts an instance refresh, as {@code StartInstanceRefresh}: it is {@code Pending} now and
   * {@code InProgress} from the next event on (the same virtual instant). Refused with {@link
   * InstanceRefreshException} ({@code InstanceRefreshInProgress}) while another refresh of the
   * group is active; with a ValidationException when an alarm of the AlarmSpecification does not
   * exist, when AutoRollback is asked for a refresh that could not be rolled back, or when a
   * desired mixed instances policy does not fit the group (a warm pool, every weight above
   * MaxSize).
   *
   * @param spec the refresh
   * @return the instance refresh id
   */
  public String startInstanceRefresh(InstanceRefreshSpec spec) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          GroupRuntime g = registry.runtime(spec.autoScalingGroupName());
          RefreshRun active = g.refresh.active;
          if (active != null) {
            throw new InstanceRefreshException(
                InstanceRefreshException.IN_PROGRESS,
                "An Instance Refresh is already in progress and blocks the execution of this"
                    + " Instance Refresh (group "
                    + g.name
                    + ", refresh "
                    + active.id
                    + " is "
                    + active.status
                    + ").");
          }
          DesiredPolicyCheck.check(g, spec);
          List<String> known = new ArrayList<>();
          for (MetricAlarm a : cloudWatch.alarms()) known.add(a.alarmName());
          for (String alarm : spec.preferences().alarms()) {
            if (!known.contains(alarm)) {
              throw new ValidationException(
                  "AlarmSpecification.Alarms",
                  alarm,
                  "the name of an existing metric alarm " + known);
            }
          }
          RefreshRun run =
              new RefreshRun(ids.next(), spec, kernel.clock().now(), g, this::alarmState);
          String irreversible = run.irreversibleBecause();
          if (spec.preferences().autoRollback() && irreversible != null) {
            throw new ValidationException(
                "Preferences.AutoRollback",
                true,
                "false, because a rollback is not supported here: " + irreversible);
          }
          g.refresh.start(run);
          return run.id;
        });
  }

  /**
   * Cancels the group's active instance refresh or rollback, as {@code CancelInstanceRefresh}
   * (WaitForTransitioningInstances true): it is {@code Cancelling} until the launches and
   * terminations under way finish, then {@code Cancelled}; replacements made so far stay.
   *
   * @param groupName the group name
   * @return the instance refresh id
   */
  public String cancelInstanceRefresh(String groupName) {
    return cancelInstanceRefresh(groupName, true);
  }

  /**
   * Cancels the group's active instance refresh or rollback, as {@code CancelInstanceRefresh}.
   * Refused with {@link InstanceRefreshException} ({@code ActiveInstanceRefreshNotFound}) when none
   * is active.
   *
   * @param groupName the group name
   * @param waitForTransitioningInstances whether to stay Cancelling until in-flight launches and
   *     terminations finish (AWS's default, true), or be Cancelled at once
   * @return the instance refresh id
   */
  public String cancelInstanceRefresh(String groupName, boolean waitForTransitioningInstances) {
    return kernel.call(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          RefreshRun run = activeOrRefuse(g, "cancel");
          if (run.status != InstanceRefreshStatus.CANCELLING) {
            g.refresh.cancel(run, waitForTransitioningInstances);
          }
          return run.id;
        });
  }

  /**
   * Rolls back the group's active instance refresh, as {@code RollbackInstanceRefresh}: the
   * instances it launched are replaced with ones on the group's configuration from before the
   * refresh, under the same preferences (no checkpoints). Refused with {@link
   * InstanceRefreshException}: {@code ActiveInstanceRefreshNotFound} when none is active (or it is
   * already rolling back or cancelling), {@code IrreversibleInstanceRefresh} when it was started
   * without a desired configuration or the group uses {@code $Latest} or {@code $Default}.
   *
   * @param groupName the group name
   * @return the instance refresh id
   */
  public String rollbackInstanceRefresh(String groupName) {
    return kernel.call(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          RefreshRun run = activeOrRefuse(g, "roll back");
          if (run.status == InstanceRefreshStatus.CANCELLING || run.rollingBack()) {
            throw new InstanceRefreshException(
                InstanceRefreshException.NOT_FOUND,
                "No active instance refresh to roll back for group "
                    + g.name
                    + " (refresh "
                    + run.id
                    + " is "
                    + run.status
                    + ").");
          }
          String irreversible = run.irreversibleBecause();
          if (irreversible != null) {
            throw new InstanceRefreshException(
                InstanceRefreshException.IRREVERSIBLE,
                "Instance refresh "
                    + run.id
                    + " of group "
                    + g.name
                    + " cannot be rolled back: "
                    + irreversible
                    + ".");
          }
          g.refresh.rollback(run, "Rollback started by a user request.");
          return run.id;
        });
  }

  /**
   * {@return the group's instance refreshes as {@code DescribeInstanceRefreshes} lists them, newest
   * first}
   *
   * @param groupName the group name
   */
  public List<InstanceRefresh> describeInstanceRefreshes(String groupName) {
    return kernel.call(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<InstanceRefresh> out = new ArrayList<>();
          for (int i = g.refresh.history.size() - 1; i >= 0; i--) {
            out.add(g.refresh.history.get(i).snapshot(g.name));
          }
          return List.copyOf(out);
        });
  }

  /**
   * {@return the refresh {@code instanceRefreshId} of the group, or a ValidationException}
   *
   * @param groupName the group name
   * @param instanceRefreshId the id StartInstanceRefresh returned
   */
  public InstanceRefresh describeInstanceRefresh(String groupName, String instanceRefreshId) {
    return kernel.call(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          List<String> known = new ArrayList<>();
          for (RefreshRun r : g.refresh.history) {
            if (r.id.equals(instanceRefreshId)) return r.snapshot(g.name);
            known.add(r.id);
          }
          throw new ValidationException(
              "InstanceRefreshIds",
              instanceRefreshId,
              "the id of an instance refresh of group " + g.name + " " + known);
        });
  }

  private static RefreshRun activeOrRefuse(GroupRuntime g, String verb) {
    RefreshRun run = g.refresh.active;
    if (run == null) {
      throw new InstanceRefreshException(
          InstanceRefreshException.NOT_FOUND,
          "No active instance refresh to " + verb + " for group " + g.name + ".");
    }
    return run;
  }

  private @Nullable AlarmState alarmState(String name) {
    for (MetricAlarm a : cloudWatch.alarms()) {
      if (a.alarmName().equals(name)) return a.state();
    }
    return null;
  }
}

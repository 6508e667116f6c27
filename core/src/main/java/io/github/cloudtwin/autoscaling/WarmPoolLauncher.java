package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceLimitExceededException;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InsufficientInstanceCapacityException;
import io.github.cloudtwin.ec2.RequestLimitExceededException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Launches for one group's warm pool: the zone with the fewest pool instances first (ties: the
 * group's zone order), the group's launch template and boot time, the launch activity, and a failed
 * activity when no zone takes the instance.
 */
final class WarmPoolLauncher {

  private final GroupState state;
  private final GroupContext group;
  private final Ec2 ec2;
  private final ActivityLog log;

  WarmPoolLauncher(GroupState state, GroupContext group, Ec2 ec2, ActivityLog log) {
    this.state = state;
    this.group = group;
    this.ec2 = ec2;
    this.log = log;
  }

  /**
   * Launches one instance for a pool holding {@code pool}.
   *
   * @return the new member (not yet in the pool), or null when every zone refused the launch
   */
  @Nullable Member launch(Collection<Member> pool) {
    List<String> zones = new ArrayList<>(group.spec().availabilityZones());
    Map<String, Integer> counts = new TreeMap<>();
    for (String z : zones) counts.put(z, 0);
    for (Member m : pool)
      if (!WarmPoolRuntime.terminating(m)) counts.merge(m.zone, 1, Integer::sum);
    zones.sort((a, b) -> Integer.compare(counts.getOrDefault(a, 0), counts.getOrDefault(b, 0)));
    String cause =
        state.at()
            + "an instance was launched into the warm pool in response to a difference between"
            + " the warm pool size and its instances.";
    RuntimeException failure = null;
    AutoScalingGroupSpec spec = group.spec();
    Launch launch = group.resolve(spec.launchTemplateName(), spec.launchTemplateVersion());
    for (String zone : zones) {
      InstanceSpec is =
          InstanceSpec.builder()
              .instanceType(launch.instanceType())
              .availabilityZone(zone)
              .bootTime(spec.bootTime())
              .detailedMonitoring(spec.detailedMonitoring())
              .launchTemplate(launch.name(), launch.version())
              .autoScalingGroupName(state.name)
              .build();
      Instance instance;
      try {
        instance = ec2.runInstance(is);
      } catch (InsufficientInstanceCapacityException
          | InstanceLimitExceededException
          | RequestLimitExceededException e) {
        failure = e;
        continue;
      }
      Member m =
          new Member(
              instance,
              launch.name(),
              launch.version(),
              state.now(),
              spec.newInstancesProtectedFromScaleIn(),
              1);
      m.activity =
          log.start(
              "Launching a new EC2 instance into warm pool: " + m.instanceId,
              cause,
              m.instanceId,
              zone,
              ActivityStatus.PreInService);
      return m;
    }
    if (failure != null && !zones.isEmpty()) {
      Activity a =
          log.start(
              "Launching a new EC2 instance into warm pool.  Status Reason: "
                  + failure.getMessage(),
              cause,
              null,
              zones.get(0),
              ActivityStatus.Failed);
      a.statusMessage = failure.getMessage();
      log.end(a, ActivityStatus.Failed);
    }
    return null;
  }
}

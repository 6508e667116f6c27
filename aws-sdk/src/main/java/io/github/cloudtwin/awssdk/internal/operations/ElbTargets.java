package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.ElbErrors.validation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.internal.operations.ElbOperations.TargetHealthRow;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetDescription;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetHealth;
import io.github.cloudtwin.elb.TargetHealthState;
import io.github.cloudtwin.elb.TargetType;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Target registration and health: RegisterTargets, DeregisterTargets and DescribeTargetHealth. */
final class ElbTargets {

  private final CloudTwin twin;
  private final LoadBalancing elb;
  private final ElbLookup lookup;

  ElbTargets(CloudTwin twin, ElbLookup lookup) {
    this.twin = twin;
    this.elb = twin.loadBalancing();
    this.lookup = lookup;
  }

  void registerTargets(String targetGroupArn, List<TargetDescription> targets) {
    TargetGroup tg = lookup.targetGroup(targetGroupArn);
    if (targets == null || targets.isEmpty())
      throw validation("You must specify at least one target");
    for (TargetDescription t : targets) checkTarget(tg, t.id());
    try {
      elb.registerTargets(tg.name(), targets.toArray(TargetDescription[]::new));
    } catch (ValidationException e) {
      throw AwsErrorException.badRequest("InvalidTarget", e.getMessage());
    }
  }

  void deregisterTargets(String targetGroupArn, @Nullable List<String> targetIds) {
    TargetGroup tg = lookup.targetGroup(targetGroupArn);
    if (targetIds == null || targetIds.isEmpty())
      throw validation("You must specify at least one target");
    for (String id : targetIds) {
      if (!tg.targetHealth().containsKey(id)) {
        throw AwsErrorException.badRequest(
            "InvalidTarget",
            "The following targets are not registered in target group '"
                + tg.name()
                + "': '"
                + id
                + "'");
      }
    }
    elb.deregisterTargets(tg.name(), targetIds.toArray(String[]::new));
  }

  private void checkTarget(TargetGroup tg, String id) {
    if (id == null) throw validation("A target ID must be specified");
    if (tg.spec().targetType() == TargetType.INSTANCE) {
      try {
        twin.ec2().instance(id);
      } catch (ValidationException e) {
        throw AwsErrorException.badRequest(
            "InvalidTarget", "The following targets are not valid instances: '" + id + "'");
      }
    }
  }

  List<TargetHealthRow> describeTargetHealth(
      String targetGroupArn, @Nullable List<String> targetIds) {
    TargetGroup tg = lookup.targetGroup(targetGroupArn);
    Map<String, TargetHealth> all = tg.targetHealth();
    List<TargetHealthRow> out = new ArrayList<>();
    int port = tg.spec().port();
    if (targetIds == null || targetIds.isEmpty()) {
      for (Map.Entry<String, TargetHealth> e : all.entrySet())
        out.add(new TargetHealthRow(e.getKey(), port, e.getValue()));
      return out;
    }
    for (String id : targetIds) {
      checkTarget(tg, id);
      TargetHealth h = all.get(id);
      out.add(
          new TargetHealthRow(
              id,
              port,
              h != null
                  ? h
                  : new TargetHealth(
                      TargetHealthState.UNUSED,
                      "Target.NotRegistered",
                      "Target is not registered to the target group")));
    }
    return out;
  }
}

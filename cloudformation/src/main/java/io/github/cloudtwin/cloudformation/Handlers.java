package io.github.cloudtwin.cloudformation;

import java.util.HashMap;
import java.util.Map;

/** The resource types the twin simulates, and the handler that reads each. */
final class Handlers {

  private static final ResourceHandler NOT_SIMULATED = new NotSimulated();
  private static final Map<String, ResourceHandler> HANDLERS = handlers();

  private Handlers() {}

  private static Map<String, ResourceHandler> handlers() {
    Map<String, ResourceHandler> m = new HashMap<>();
    m.put("AWS::EC2::VPC", Ec2Resources.VPC);
    m.put("AWS::EC2::Subnet", Ec2Resources.SUBNET);
    m.put("AWS::EC2::LaunchTemplate", Ec2Resources.LAUNCH_TEMPLATE);
    m.putAll(AutoScalingResources.handlers());
    m.put("AWS::CloudWatch::Alarm", CloudWatchResources.ALARM);
    m.put("AWS::CloudWatch::CompositeAlarm", CloudWatchResources.COMPOSITE_ALARM);
    m.putAll(ElbV2Resources.handlers());
    m.put("AWS::CloudFormation::Stack", NestedStacks.STACK);
    m.put(ClassicElbResources.TYPE, ClassicElbResources.LOAD_BALANCER);
    m.putAll(EcsResources.handlers());
    m.putAll(AppAutoScalingResources.handlers());
    return Map.copyOf(m);
  }

  static ResourceHandler forType(String type) {
    return HANDLERS.getOrDefault(type, NOT_SIMULATED);
  }

  /** The simulated types, sorted. */
  static java.util.List<String> simulatedTypes() {
    return HANDLERS.keySet().stream().sorted().toList();
  }
}

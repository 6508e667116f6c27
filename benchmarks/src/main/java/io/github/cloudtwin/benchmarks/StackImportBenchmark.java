package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.cloudformation.Stack;
import io.github.cloudtwin.cloudformation.StackImport;
import io.github.cloudtwin.cloudformation.Template;
import io.github.cloudtwin.elb.TargetGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of importing a 50-resource CloudFormation template and reaching steady state: a VPC, three
 * subnets, a launch template, an ALB with a listener, and eight services of a target group, a
 * listener rule, an Auto Scaling group of one instance, a step policy and a CPU alarm each, plus an
 * IAM role, an instance profile and a security group the twin reports as not simulated. One
 * operation: a fresh twin, the import (validate everything, then create), advance until every group
 * is in service and every target healthy, close.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StackImportBenchmark {

  static final int SERVICES = 8;

  private String text;
  private Template template;

  /** The template's YAML: 50 resources. */
  static String template() {
    StringBuilder y =
        new StringBuilder(
            """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: {CidrBlock: 10.0.0.0/16}
          Role:
            Type: AWS::IAM::Role
            Properties: {AssumeRolePolicyDocument: {Statement: []}}
          Profile:
            Type: AWS::IAM::InstanceProfile
            Properties: {Roles: [!Ref Role]}
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties: {GroupDescription: web, VpcId: !Ref Vpc}
          Lt:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData: {InstanceType: m5.large, Monitoring: {Enabled: true}, SecurityGroupIds: [!Ref Sg]}
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties: {Name: bench, Subnets: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC]}
          Listener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 80
              DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: "404"}}]
        """);
    String[] zones = {"A", "B", "C"};
    for (int i = 0; i < zones.length; i++) {
      y.append("  Subnet")
          .append(zones[i])
          .append(
              ":\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: !Select [")
          .append(i)
          .append(", !Cidr [10.0.0.0/16, 3, 8]], AvailabilityZone: !Select [")
          .append(i)
          .append(", !GetAZs \"\"]}\n");
    }
    for (int s = 0; s < SERVICES; s++) {
      String n = "Svc" + s;
      y.append(
          """
            %1$sTargets:
              Type: AWS::ElasticLoadBalancingV2::TargetGroup
              Properties: {Port: 80, Protocol: HTTP, VpcId: !Ref Vpc, HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2}
            %1$sRule:
              Type: AWS::ElasticLoadBalancingV2::ListenerRule
              Properties:
                ListenerArn: !Ref Listener
                Priority: %2$d
                Conditions: [{Field: path-pattern, Values: ["/%1$s/*"]}]
                Actions: [{Type: forward, TargetGroupArn: !Ref %1$sTargets}]
            %1$sGroup:
              Type: AWS::AutoScaling::AutoScalingGroup
              Properties:
                LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber}
                MinSize: "1"
                MaxSize: "4"
                VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC]
                TargetGroupARNs: [!Ref %1$sTargets]
            %1$sScaleOut:
              Type: AWS::AutoScaling::ScalingPolicy
              Properties:
                AutoScalingGroupName: !Ref %1$sGroup
                PolicyType: StepScaling
                StepAdjustments: [{MetricIntervalLowerBound: 0, ScalingAdjustment: 1}]
            %1$sCpuHigh:
              Type: AWS::CloudWatch::Alarm
              Properties:
                Namespace: AWS/EC2
                MetricName: CPUUtilization
                Dimensions: [{Name: AutoScalingGroupName, Value: !Ref %1$sGroup}]
                Statistic: Average
                Period: 60
                EvaluationPeriods: 3
                Threshold: 70
                ComparisonOperator: GreaterThanThreshold
                AlarmActions: [!Ref %1$sScaleOut]
          """
              .formatted(n, 10 + s)
              .indent(2 - 2));
    }
    return y.toString();
  }

  /** Parses the template once: the import benchmark measures the import, not the YAML parser. */
  @Setup
  public void setUp() {
    text = template();
    template = Template.parse("bench.yaml", text);
    if (template.logicalIds().size() != 50) {
      throw new IllegalStateException(
          "the benchmark template has " + template.logicalIds().size() + " resources, not 50");
    }
  }

  /** Import and steady state; returns the in-service instance count (8). */
  @Benchmark
  public int importAndReachSteadyState() {
    return run(template);
  }

  /** The same, parsing the YAML text first. */
  @Benchmark
  public int parseImportAndReachSteadyState() {
    return run(Template.parse("bench.yaml", text));
  }

  static int run(Template template) {
    try (CloudTwin twin = CloudTwin.builder().seed(1).build()) {
      Stack stack = StackImport.of(template).stackName("bench").importInto(twin);
      List<AutoScalingGroup> groups = new ArrayList<>();
      List<TargetGroup> targets = new ArrayList<>();
      for (int s = 0; s < SERVICES; s++) {
        groups.add(stack.autoScalingGroup("Svc" + s + "Group"));
        targets.add(stack.targetGroup("Svc" + s + "Targets"));
      }
      boolean steady =
          twin.advanceUntil(
              () -> {
                for (int i = 0; i < SERVICES; i++) {
                  if (groups.get(i).inServiceCount() != 1) return false;
                  if (targets.get(i).healthyTargetCountByZone().values().stream()
                          .mapToInt(Integer::intValue)
                          .sum()
                      != 1) return false;
                }
                return true;
              },
              Duration.ofMinutes(5));
      if (!steady) throw new IllegalStateException("no steady state within 5 minutes: " + groups);
      return groups.stream().mapToInt(AutoScalingGroup::inServiceCount).sum();
    }
  }
}

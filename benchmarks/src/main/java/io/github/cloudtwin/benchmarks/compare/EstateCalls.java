package io.github.cloudtwin.benchmarks.compare;

import java.util.List;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * The calls of the typical estate that are the same on moto ({@link MotoSide}) and on CloudTwin
 * ({@link SdkEstate}), through the five AWS SDK for Java v2 clients of either: everything from the
 * load balancer on (created on the caller's subnets, after its launch template), and the read-back
 * with its describe calls and counts. What differs stays with each side: moto needs a VPC, subnets,
 * a security group and an image first; the twin's zones come with their subnets.
 *
 * @param ec2 the EC2 client
 * @param autoScaling the Auto Scaling client
 * @param elb the Elastic Load Balancing v2 client
 * @param cloudWatch the CloudWatch client
 * @param ecs the ECS client
 */
record EstateCalls(
    Ec2Client ec2,
    AutoScalingClient autoScaling,
    ElasticLoadBalancingV2Client elb,
    CloudWatchClient cloudWatch,
    EcsClient ecs) {

  /**
   * Creates the load balancer, its target group and listener, the group, its two policies and
   * alarms, and the ECS cluster and service, on {@code subnets}.
   *
   * @param vpcId the target group's VPC, or null where the platform needs none (the twin)
   * @param securityGroupId the service tasks' security group, or null for none
   */
  SdkEstate.Created create(List<String> subnets, String vpcId, String securityGroupId) {
    // The application load balancer, its target group and listener.
    String lbArn =
        elb.createLoadBalancer(
                b ->
                    b.name(Estate.LOAD_BALANCER)
                        .subnets(subnets)
                        .type(LoadBalancerTypeEnum.APPLICATION))
            .loadBalancers()
            .get(0)
            .loadBalancerArn();
    String tgArn =
        elb.createTargetGroup(
                b ->
                    b.name(Estate.TARGET_GROUP)
                        .protocol(ProtocolEnum.HTTP)
                        .port(80)
                        .vpcId(vpcId)
                        .healthCheckPath("/"))
            .targetGroups()
            .get(0)
            .targetGroupArn();
    elb.createListener(
        b ->
            b.loadBalancerArn(lbArn)
                .protocol(ProtocolEnum.HTTP)
                .port(80)
                .defaultActions(
                    Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tgArn).build()));

    // The group of 6 across the three subnets, attached to the target group.
    autoScaling.createAutoScalingGroup(
        b ->
            b.autoScalingGroupName(Estate.GROUP)
                .launchTemplate(
                    LaunchTemplateSpecification.builder()
                        .launchTemplateName(Estate.GROUP)
                        .version("$Latest")
                        .build())
                .minSize(Estate.MIN)
                .maxSize(Estate.MAX)
                .desiredCapacity(Estate.DESIRED)
                .vpcZoneIdentifier(String.join(",", subnets))
                .targetGroupARNs(tgArn));

    // Two step policies, each run by a CPU alarm on the group's average.
    String outArn =
        stepPolicy(
            Estate.SCALE_OUT,
            StepAdjustment.builder()
                .metricIntervalLowerBound(0.0)
                .scalingAdjustment(Estate.SCALE_OUT_STEP)
                .build());
    String inArn =
        stepPolicy(
            Estate.SCALE_IN,
            StepAdjustment.builder()
                .metricIntervalUpperBound(0.0)
                .scalingAdjustment(Estate.SCALE_IN_STEP)
                .build());
    cpuAlarm(
        Estate.ALARM_HIGH,
        Estate.HIGH_THRESHOLD,
        ComparisonOperator.GREATER_THAN_THRESHOLD,
        outArn);
    cpuAlarm(Estate.ALARM_LOW, Estate.LOW_THRESHOLD, ComparisonOperator.LESS_THAN_THRESHOLD, inArn);

    // ECS: a cluster and a Fargate service of 12 tasks in the three subnets.
    ecs.createCluster(b -> b.clusterName(Estate.CLUSTER));
    String tdArn =
        ecs.registerTaskDefinition(
                b ->
                    b.family(Estate.SERVICE)
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(
                            ContainerDefinition.builder()
                                .name("app")
                                .image("public.ecr.aws/nginx/nginx:latest")
                                .essential(true)
                                .build()))
            .taskDefinition()
            .taskDefinitionArn();
    ecs.createService(
        b ->
            b.cluster(Estate.CLUSTER)
                .serviceName(Estate.SERVICE)
                .taskDefinition(tdArn)
                .desiredCount(Estate.TASKS)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(
                    n ->
                        n.awsvpcConfiguration(
                            a -> {
                              a.subnets(subnets).assignPublicIp(AssignPublicIp.DISABLED);
                              if (securityGroupId != null) a.securityGroups(securityGroupId);
                            })));
    return new SdkEstate.Created(subnets, tgArn, lbArn);
  }

  /** {@return the ARN of a new step scaling policy of the group with its one step} */
  private String stepPolicy(String name, StepAdjustment step) {
    return autoScaling
        .putScalingPolicy(
            b ->
                b.autoScalingGroupName(Estate.GROUP)
                    .policyName(name)
                    .policyType("StepScaling")
                    .adjustmentType("ChangeInCapacity")
                    .metricAggregationType("Average")
                    .stepAdjustments(step))
        .policyARN();
  }

  /** Puts an alarm on the group's average CPU that runs {@code policyArn}. */
  private void cpuAlarm(
      String name, double threshold, ComparisonOperator operator, String policyArn) {
    Dimension group = Dimension.builder().name("AutoScalingGroupName").value(Estate.GROUP).build();
    cloudWatch.putMetricAlarm(
        b ->
            b.alarmName(name)
                .namespace("AWS/EC2")
                .metricName("CPUUtilization")
                .dimensions(group)
                .statistic(Statistic.AVERAGE)
                .period(Estate.PERIOD_SECONDS)
                .evaluationPeriods(Estate.EVALUATION_PERIODS)
                .threshold(threshold)
                .comparisonOperator(operator)
                .alarmActions(policyArn));
  }

  /**
   * Reads every resource back and checks the counts a test would check; throws naming {@code who}
   * and the first count that differs.
   *
   * @param who the side, for the message ("moto", "CloudTwin (SDK)")
   */
  void readBack(SdkEstate.Created c, String who) {
    long zones =
        ec2.describeAvailabilityZones(b -> b.zoneNames(Estate.ZONES)).availabilityZones().size();
    check(who, "zones", zones, Estate.ZONES.size());
    check(
        who,
        "subnets",
        ec2.describeSubnets(b -> b.subnetIds(c.subnetIds())).subnets().size(),
        Estate.ZONES.size());
    AutoScalingGroup g = group();
    check(who, "group instances", g.instances().size(), Estate.DESIRED);
    List<String> ids = g.instances().stream().map(i -> i.instanceId()).toList();
    long running =
        instances(ids).stream().filter(i -> "running".equals(i.state().nameAsString())).count();
    check(who, "running instances", running, Estate.DESIRED);
    check(
        who,
        "load balancers",
        elb.describeLoadBalancers(b -> b.loadBalancerArns(c.loadBalancerArn()))
            .loadBalancers()
            .size(),
        1);
    check(
        who,
        "listeners",
        elb.describeListeners(b -> b.loadBalancerArn(c.loadBalancerArn())).listeners().size(),
        1);
    check(who, "targets", targets(c.targetGroupArn()).size(), Estate.DESIRED);
    check(
        who,
        "policies",
        autoScaling
            .describePolicies(b -> b.autoScalingGroupName(Estate.GROUP))
            .scalingPolicies()
            .size(),
        2);
    check(
        who,
        "alarms",
        cloudWatch
            .describeAlarms(b -> b.alarmNames(Estate.ALARM_HIGH, Estate.ALARM_LOW))
            .metricAlarms()
            .size(),
        2);
    check(
        who,
        "clusters",
        ecs.describeClusters(b -> b.clusters(Estate.CLUSTER)).clusters().size(),
        1);
    int desired =
        ecs.describeServices(b -> b.cluster(Estate.CLUSTER).services(Estate.SERVICE))
            .services()
            .get(0)
            .desiredCount();
    check(who, "service desiredCount", desired, Estate.TASKS);
  }

  private static void check(String who, String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          who + " read-back: " + what + " = " + actual + ", expected " + expected);
    }
  }

  /** {@return the group as Auto Scaling describes it} */
  AutoScalingGroup group() {
    return autoScaling
        .describeAutoScalingGroups(b -> b.autoScalingGroupNames(Estate.GROUP))
        .autoScalingGroups()
        .get(0);
  }

  /** {@return the instances of {@code ids} as EC2 describes them} */
  List<Instance> instances(List<String> ids) {
    if (ids.isEmpty()) return List.of();
    return ec2.describeInstances(b -> b.instanceIds(ids)).reservations().stream()
        .flatMap(r -> r.instances().stream())
        .toList();
  }

  /** {@return the targets of {@code tgArn} with their health} */
  List<TargetHealthDescription> targets(String tgArn) {
    return elb.describeTargetHealth(b -> b.targetGroupArn(tgArn)).targetHealthDescriptions();
  }
}

package io.github.cloudtwin.benchmarks.compare;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import java.time.Duration;
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
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
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

/**
 * The typical estate on CloudTwin through the AWS SDK for Java v2 client interfaces ({@code
 * cloudtwin-aws-sdk}): the same calls as {@link MotoSide} with the same arguments, except that the
 * twin's zones come with their subnets (read with {@code DescribeSubnets} instead of {@code
 * CreateVpc} and {@code CreateSubnet}) and the twin needs no security group or image. One round
 * builds a twin, creates the estate, advances virtual time one minute (instances InService, targets
 * registered), reads every resource back with the describe calls {@link MotoSide} uses and closes
 * the twin.
 */
public final class SdkEstate {

  private SdkEstate() {}

  /**
   * A fresh twin with the estate created and read back through the SDK clients; the caller closes
   * it.
   *
   * @param seed the twin's seed
   * @return the twin
   */
  public static CloudTwin createAndReadBack(long seed) {
    CloudTwin twin =
        CloudTwin.builder()
            .seed(seed)
            .availabilityZones(Estate.ZONES.toArray(String[]::new))
            .build();
    AwsSdkClients sdk = AwsSdkClients.of(twin);
    Created c = create(sdk);
    twin.advance(Duration.ofMinutes(1));
    readBack(sdk, c);
    return twin;
  }

  /**
   * What the read-back needs of the created estate.
   *
   * @param subnetIds the subnets, one per zone
   * @param targetGroupArn the target group
   * @param loadBalancerArn the load balancer
   */
  public record Created(List<String> subnetIds, String targetGroupArn, String loadBalancerArn) {}

  /**
   * Creates the estate through the clients of {@code sdk}.
   *
   * @param sdk the clients
   * @return what the read-back needs
   */
  public static Created create(AwsSdkClients sdk) {
    Ec2Client ec2 = sdk.ec2();
    ElasticLoadBalancingV2Client elb = sdk.elasticLoadBalancingV2();
    AutoScalingClient autoScaling = sdk.autoScaling();
    CloudWatchClient cloudWatch = sdk.cloudWatch();
    EcsClient ecs = sdk.ecs();
    List<String> subnets =
        ec2.describeSubnets().subnets().stream()
            .filter(s -> Estate.ZONES.contains(s.availabilityZone()))
            .map(Subnet::subnetId)
            .toList();
    ec2.createLaunchTemplate(
        b ->
            b.launchTemplateName(Estate.GROUP)
                .launchTemplateData(
                    d -> d.instanceType(InstanceType.T3_MICRO).monitoring(m -> m.enabled(true))));

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

    String outArn =
        autoScaling
            .putScalingPolicy(
                b ->
                    b.autoScalingGroupName(Estate.GROUP)
                        .policyName(Estate.SCALE_OUT)
                        .policyType("StepScaling")
                        .adjustmentType("ChangeInCapacity")
                        .metricAggregationType("Average")
                        .stepAdjustments(
                            StepAdjustment.builder()
                                .metricIntervalLowerBound(0.0)
                                .scalingAdjustment(Estate.SCALE_OUT_STEP)
                                .build()))
            .policyARN();
    String inArn =
        autoScaling
            .putScalingPolicy(
                b ->
                    b.autoScalingGroupName(Estate.GROUP)
                        .policyName(Estate.SCALE_IN)
                        .policyType("StepScaling")
                        .adjustmentType("ChangeInCapacity")
                        .metricAggregationType("Average")
                        .stepAdjustments(
                            StepAdjustment.builder()
                                .metricIntervalUpperBound(0.0)
                                .scalingAdjustment(Estate.SCALE_IN_STEP)
                                .build()))
            .policyARN();
    Dimension group = Dimension.builder().name("AutoScalingGroupName").value(Estate.GROUP).build();
    cloudWatch.putMetricAlarm(
        b ->
            b.alarmName(Estate.ALARM_HIGH)
                .namespace("AWS/EC2")
                .metricName("CPUUtilization")
                .dimensions(group)
                .statistic(Statistic.AVERAGE)
                .period(Estate.PERIOD_SECONDS)
                .evaluationPeriods(Estate.EVALUATION_PERIODS)
                .threshold(Estate.HIGH_THRESHOLD)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .alarmActions(outArn));
    cloudWatch.putMetricAlarm(
        b ->
            b.alarmName(Estate.ALARM_LOW)
                .namespace("AWS/EC2")
                .metricName("CPUUtilization")
                .dimensions(group)
                .statistic(Statistic.AVERAGE)
                .period(Estate.PERIOD_SECONDS)
                .evaluationPeriods(Estate.EVALUATION_PERIODS)
                .threshold(Estate.LOW_THRESHOLD)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .alarmActions(inArn));

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
                            a -> a.subnets(subnets).assignPublicIp(AssignPublicIp.DISABLED))));
    return new Created(subnets, tgArn, lbArn);
  }

  /**
   * The read-back of {@link MotoSide#readBack}: the same describe calls and counts.
   *
   * @param sdk the clients
   * @param c the created estate
   */
  public static void readBack(AwsSdkClients sdk, Created c) {
    Ec2Client ec2 = sdk.ec2();
    ElasticLoadBalancingV2Client elb = sdk.elasticLoadBalancingV2();
    AutoScalingClient autoScaling = sdk.autoScaling();
    CloudWatchClient cloudWatch = sdk.cloudWatch();
    EcsClient ecs = sdk.ecs();
    check(
        "zones",
        ec2.describeAvailabilityZones(b -> b.zoneNames(Estate.ZONES)).availabilityZones().size(),
        Estate.ZONES.size());
    check(
        "subnets",
        ec2.describeSubnets(b -> b.subnetIds(c.subnetIds())).subnets().size(),
        Estate.ZONES.size());
    AutoScalingGroup g =
        autoScaling
            .describeAutoScalingGroups(b -> b.autoScalingGroupNames(Estate.GROUP))
            .autoScalingGroups()
            .get(0);
    check("group instances", g.instances().size(), Estate.DESIRED);
    List<String> ids = g.instances().stream().map(i -> i.instanceId()).toList();
    long running =
        ec2.describeInstances(b -> b.instanceIds(ids)).reservations().stream()
            .flatMap(r -> r.instances().stream())
            .filter(i -> "running".equals(i.state().nameAsString()))
            .count();
    check("running instances", running, Estate.DESIRED);
    check(
        "load balancers",
        elb.describeLoadBalancers(b -> b.loadBalancerArns(c.loadBalancerArn()))
            .loadBalancers()
            .size(),
        1);
    check(
        "listeners",
        elb.describeListeners(b -> b.loadBalancerArn(c.loadBalancerArn())).listeners().size(),
        1);
    check(
        "targets",
        elb.describeTargetHealth(b -> b.targetGroupArn(c.targetGroupArn()))
            .targetHealthDescriptions()
            .size(),
        Estate.DESIRED);
    check(
        "policies",
        autoScaling
            .describePolicies(b -> b.autoScalingGroupName(Estate.GROUP))
            .scalingPolicies()
            .size(),
        2);
    check(
        "alarms",
        cloudWatch
            .describeAlarms(b -> b.alarmNames(Estate.ALARM_HIGH, Estate.ALARM_LOW))
            .metricAlarms()
            .size(),
        2);
    check("clusters", ecs.describeClusters(b -> b.clusters(Estate.CLUSTER)).clusters().size(), 1);
    int desired =
        ecs.describeServices(b -> b.cluster(Estate.CLUSTER).services(Estate.SERVICE))
            .services()
            .get(0)
            .desiredCount();
    check("service desiredCount", desired, Estate.TASKS);
  }

  private static void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          "CloudTwin (SDK) read-back: " + what + " = " + actual + ", expected " + expected);
    }
  }
}

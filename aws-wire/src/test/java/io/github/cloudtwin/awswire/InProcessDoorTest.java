package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.autoscaling.AutoScalingAsyncClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/**
 * SDK clients built the ordinary way (a builder with a region, no endpoint, no HTTP client;
 * credentials from the {@code aws.accessKeyId} system properties the build sets) reach the bound
 * twin through {@link TwinSdkHttpService}, in every protocol: awsQuery (Auto Scaling, ELB), EC2
 * query, awsJson 1.1 (ECS, Application Auto Scaling) and Smithy RPC v2 CBOR (CloudWatch). Each
 * answer is compared with what the in-process client answers for the same request.
 */
class InProcessDoorTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(7).build();
  private final AwsSdkClients inProcess = AwsSdkClients.of(twin);
  private AwsWire.Binding binding;

  @BeforeEach
  void bind() {
    binding = AwsWire.of(inProcess).bind();
  }

  @AfterEach
  void close() {
    binding.close();
    twin.close();
  }

  private static void createGroup(
      Ec2Client ec2, AutoScalingClient autoScaling, String name, int desired) {
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName(name)
                .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName(name)
                .launchTemplate(l -> l.launchTemplateName(name))
                .minSize(1)
                .maxSize(10)
                .desiredCapacity(desired)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c"));
  }

  @Test
  void autoScalingOverAwsQueryCreatesAndDescribesGroupsAsTheInProcessClientDoes() {
    try (AutoScalingClient autoScaling =
            AutoScalingClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      createGroup(ec2, autoScaling, "web", 3);
      twin.advance(Duration.ofMinutes(5));

      DescribeAutoScalingGroupsRequest request =
          DescribeAutoScalingGroupsRequest.builder().autoScalingGroupNames("web").build();
      DescribeAutoScalingGroupsResponse overTheWire =
          autoScaling.describeAutoScalingGroups(request);
      AutoScalingGroup group = overTheWire.autoScalingGroups().get(0);
      assertThat(group.instances())
          .hasSize(3)
          .allSatisfy(i -> assertThat(i.lifecycleStateAsString()).isEqualTo("InService"));
      assertThat(group.createdTime())
          .isEqualTo(twin.clock().instant().minus(Duration.ofMinutes(5)));
      assertThat(overTheWire)
          .hasToString(inProcess.autoScaling().describeAutoScalingGroups(request).toString());
      assertThat(overTheWire.responseMetadata().requestId())
          .matches("c10d7a1e-0000-4000-8000-[0-9a-f]{12}");

      assertThatThrownBy(
              () ->
                  autoScaling.createAutoScalingGroup(
                      r ->
                          r.autoScalingGroupName("web")
                              .launchTemplate(l -> l.launchTemplateName("web"))
                              .minSize(1)
                              .maxSize(2)
                              .availabilityZones("us-east-1a")))
          .isInstanceOfSatisfying(
              AlreadyExistsException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AlreadyExists");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.getMessage()).contains("web");
              });
    }
  }

  @Test
  void autoScalingPaginatorsAndWaitersRunOverTheWire() {
    try (AutoScalingClient autoScaling =
            AutoScalingClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      for (int i = 0; i < 5; i++) createGroup(ec2, autoScaling, "g" + i, 1);
      List<String> names =
          autoScaling
              .describeAutoScalingGroupsPaginator(r -> r.maxRecords(2))
              .autoScalingGroups()
              .stream()
              .map(AutoScalingGroup::autoScalingGroupName)
              .toList();
      assertThat(names).containsExactly("g0", "g1", "g2", "g3", "g4");
      // The SDK's own waiter (its acceptors read the decoded response): the group exists at the
      // first attempt.
      assertThat(
              autoScaling
                  .waiter()
                  .waitUntilGroupExists(r -> r.autoScalingGroupNames("g3"))
                  .attemptsExecuted())
          .isEqualTo(1);
    }
  }

  @Test
  void anAsyncClientIsAnsweredToo() {
    try (AutoScalingAsyncClient autoScaling =
            AutoScalingAsyncClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      ec2.createLaunchTemplate(
          r ->
              r.launchTemplateName("web")
                  .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
      autoScaling
          .createAutoScalingGroup(
              r ->
                  r.autoScalingGroupName("web")
                      .launchTemplate(l -> l.launchTemplateName("web"))
                      .minSize(2)
                      .maxSize(4)
                      .availabilityZones("us-east-1a"))
          .join();
      CompletableFuture<DescribeAutoScalingGroupsResponse> described =
          autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"));
      assertThat(described.join().autoScalingGroups())
          .singleElement()
          .satisfies(g -> assertThat(g.desiredCapacity()).isEqualTo(2));
    }
  }

  @Test
  void cloudWatchOverSmithyRpcV2CborPutsAlarmsAndMetricsWithTimestampsAndNumbers() {
    try (CloudWatchClient cloudWatch =
        CloudWatchClient.builder().region(Region.US_EAST_1).build()) {
      cloudWatch.putMetricAlarm(
          r ->
              r.alarmName("orders-high")
                  .namespace("Shop")
                  .metricName("Orders")
                  .dimensions(Dimension.builder().name("Region").value("eu").build())
                  .statistic(Statistic.SUM)
                  .period(60)
                  .evaluationPeriods(2)
                  .threshold(15.5)
                  .comparisonOperator("GreaterThanThreshold")
                  .alarmActions("arn:aws:sns:us-east-1:123456789012:ops"));
      Instant start = twin.clock().instant();
      for (int minute = 0; minute < 3; minute++) {
        Instant at = start.plus(Duration.ofMinutes(minute));
        cloudWatch.putMetricData(
            r ->
                r.namespace("Shop")
                    .metricData(
                        d ->
                            d.metricName("Orders")
                                .dimensions(Dimension.builder().name("Region").value("eu").build())
                                .timestamp(at)
                                .value(20.25)
                                .unit(StandardUnit.COUNT)));
      }
      twin.advance(Duration.ofMinutes(4));

      DescribeAlarmsRequest request =
          DescribeAlarmsRequest.builder().alarmNames("orders-high").build();
      var overTheWire = cloudWatch.describeAlarms(request);
      assertThat(overTheWire)
          .hasToString(inProcess.cloudWatch().describeAlarms(request).toString());
      assertThat(overTheWire.metricAlarms())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
                assertThat(a.threshold()).isEqualTo(15.5);
                assertThat(a.stateUpdatedTimestamp()).isAfter(start);
              });
      MetricAlarm inTwin = twin.cloudWatch().alarm("orders-high");
      assertThat(inTwin.state().name()).isEqualTo("ALARM");

      var stats =
          cloudWatch.getMetricStatistics(
              r ->
                  r.namespace("Shop")
                      .metricName("Orders")
                      .dimensions(Dimension.builder().name("Region").value("eu").build())
                      .startTime(start)
                      .endTime(start.plus(Duration.ofMinutes(3)))
                      .period(60)
                      .statistics(Statistic.SUM));
      assertThat(stats.datapoints())
          .hasSize(3)
          .allSatisfy(d -> assertThat(d.sum()).isEqualTo(20.25));
      assertThat(stats.datapoints())
          .extracting(d -> d.timestamp())
          .containsExactlyInAnyOrder(start, start.plusSeconds(60), start.plusSeconds(120));

      assertThatThrownBy(
              () ->
                  cloudWatch.putMetricAlarm(
                      r ->
                          r.alarmName("bad")
                              .namespace("Shop")
                              .metricName("Orders")
                              .statistic(Statistic.SUM)
                              .period(7)
                              .evaluationPeriods(1)
                              .threshold(1.0)
                              .comparisonOperator("GreaterThanThreshold")))
          .isInstanceOfSatisfying(
              InvalidParameterValueException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                assertThat(e.statusCode()).isEqualTo(400);
              });
      assertThat(cloudWatch.describeAlarms().metricAlarms())
          .extracting(a -> a.alarmName())
          .containsExactly("orders-high");
    }
  }

  @Test
  void largePutMetricDataBodiesTheSdkCompressesWithGzipArriveWhole() {
    try (CloudWatchClient cloudWatch =
        CloudWatchClient.builder().region(Region.US_EAST_1).build()) {
      Instant start = twin.clock().instant();
      List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> data =
          new java.util.ArrayList<>();
      for (int i = 0; i < 600; i++) {
        int n = i;
        data.add(
            software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder()
                .metricName("Orders")
                .dimensions(Dimension.builder().name("Shard").value("shard-" + (n % 20)).build())
                .timestamp(start)
                .value((double) n)
                .build());
      }
      cloudWatch.putMetricData(r -> r.namespace("Shop").metricData(data));
      var listed = cloudWatch.listMetrics(r -> r.namespace("Shop").metricName("Orders"));
      assertThat(listed.metrics()).hasSize(20);
    }
  }

  /**
   * Over CBOR (the SDK since 2.40.7) the error's type names its shape. Over awsQuery (older SDKs)
   * only its code does, and CloudWatch's model gives {@code ResourceNotFound} and {@code
   * DashboardNotFoundError} the same code: those SDKs raise whichever of the two they registered
   * first, against AWS as against the twin. Code and status are the same in both.
   */
  @Test
  void cloudWatchModeledErrorsWithOtherStatusesArriveAsTheirExceptions() {
    try (CloudWatchClient cloudWatch =
        CloudWatchClient.builder().region(Region.US_EAST_1).build()) {
      assertThatThrownBy(
              () ->
                  cloudWatch.setAlarmState(
                      r -> r.alarmName("nope").stateValue(StateValue.ALARM).stateReason("x")))
          .isInstanceOfSatisfying(
              software.amazon.awssdk.services.cloudwatch.model.CloudWatchException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                assertThat(e.statusCode()).isEqualTo(404);
                if (cloudWatchSpeaksCbor())
                  assertThat(e).isInstanceOf(ResourceNotFoundException.class);
              });
    }
  }

  /**
   * CloudWatch's Java client sends Smithy RPC v2 CBOR since SDK 2.40.7, awsQuery before. Asked of
   * the client on the classpath, not of {@code VersionInfo.SDK_VERSION}: that is a compile-time
   * constant, inlined into this class when it was compiled, so it names the SDK the test was
   * compiled against, not the one it runs against.
   */
  private static boolean cloudWatchSpeaksCbor() {
    try {
      Class<?> client =
          Class.forName("software.amazon.awssdk.services.cloudwatch.DefaultCloudWatchClient");
      return client.getDeclaredField("protocolFactory").getType().getSimpleName().contains("Cbor");
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot tell which protocol CloudWatch's client speaks", e);
    }
  }

  @Test
  void cloudWatchWaitersAndInjectedMetricsAgreeWithTheTwin() {
    try (CloudWatchClient cloudWatch = CloudWatchClient.builder().region(Region.US_EAST_1).build();
        AutoScalingClient autoScaling =
            AutoScalingClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      createGroup(ec2, autoScaling, "web", 2);
      twin.cloudWatch()
          .inject(
              MetricInjection.metric("CPUUtilization")
                  .forGroup("web")
                  .between(Duration.ZERO, Duration.ofHours(1))
                  .signal(Signal.constant(80)));
      cloudWatch.putMetricAlarm(
          r ->
              r.alarmName("cpu")
                  .namespace("AWS/EC2")
                  .metricName("CPUUtilization")
                  .dimensions(Dimension.builder().name("AutoScalingGroupName").value("web").build())
                  .statistic(Statistic.AVERAGE)
                  .period(300)
                  .evaluationPeriods(1)
                  .threshold(50.0)
                  .comparisonOperator("GreaterThanThreshold"));
      assertThat(
              cloudWatch.waiter().waitUntilAlarmExists(r -> r.alarmNames("cpu")).attemptsExecuted())
          .isEqualTo(1);
      twin.advance(Duration.ofMinutes(15));
      assertThat(
              cloudWatch
                  .describeAlarms(r -> r.alarmNames("cpu"))
                  .metricAlarms()
                  .get(0)
                  .stateValue())
          .isEqualTo(StateValue.ALARM);
      var data =
          cloudWatch.getMetricData(
              r ->
                  r.startTime(twin.clock().instant().minus(Duration.ofMinutes(15)))
                      .endTime(twin.clock().instant())
                      .metricDataQueries(
                          q ->
                              q.id("cpu")
                                  .metricStat(
                                      s ->
                                          s.period(300)
                                              .stat("Average")
                                              .metric(
                                                  m ->
                                                      m.namespace("AWS/EC2")
                                                          .metricName("CPUUtilization")
                                                          .dimensions(
                                                              Dimension.builder()
                                                                  .name("AutoScalingGroupName")
                                                                  .value("web")
                                                                  .build())))));
      assertThat(data.metricDataResults())
          .singleElement()
          .satisfies(
              res -> {
                assertThat(res.values())
                    .isNotEmpty()
                    .allSatisfy(v -> assertThat(v).isEqualTo(80.0));
                assertThat(res.timestamps()).hasSameSizeAs(res.values());
              });
    }
  }

  @Test
  void elasticLoadBalancingOverAwsQuery() {
    try (ElasticLoadBalancingV2Client elb =
        ElasticLoadBalancingV2Client.builder().region(Region.US_EAST_1).build()) {
      var tg =
          elb.createTargetGroup(
                  r ->
                      r.name("web-tg")
                          .protocol("HTTP")
                          .port(80)
                          .vpcId("vpc-1")
                          .healthCheckPath("/health")
                          .healthCheckIntervalSeconds(10)
                          .healthyThresholdCount(2))
              .targetGroups()
              .get(0);
      assertThat(tg.targetGroupArn()).contains("targetgroup/web-tg/");
      assertThat(elb.describeTargetGroups(r -> r.names("web-tg")))
          .hasToString(
              inProcess
                  .elasticLoadBalancingV2()
                  .describeTargetGroups(r -> r.names("web-tg"))
                  .toString());
      assertThatThrownBy(() -> elb.describeTargetGroups(r -> r.names("nope")))
          .isInstanceOfSatisfying(
              TargetGroupNotFoundException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));
    }
  }

  @Test
  void ecsOverAwsJson11() {
    try (EcsClient ecs = EcsClient.builder().region(Region.US_EAST_1).build()) {
      ecs.createCluster(r -> r.clusterName("prod"));
      String td =
          ecs.registerTaskDefinition(
                  r ->
                      r.family("api")
                          .networkMode(NetworkMode.AWSVPC)
                          .requiresCompatibilities(Compatibility.FARGATE)
                          .cpu("256")
                          .memory("512")
                          .containerDefinitions(
                              c ->
                                  c.name("app")
                                      .image("api:1")
                                      .essential(true)
                                      .portMappings(p -> p.containerPort(8080))))
              .taskDefinition()
              .taskDefinitionArn();
      ecs.createService(
          r ->
              r.cluster("prod")
                  .serviceName("api")
                  .taskDefinition(td)
                  .desiredCount(2)
                  .launchType(LaunchType.FARGATE)
                  .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
      twin.advance(Duration.ofMinutes(3));
      var described = ecs.describeServices(r -> r.cluster("prod").services("api", "missing"));
      assertThat(described)
          .hasToString(
              inProcess
                  .ecs()
                  .describeServices(r -> r.cluster("prod").services("api", "missing"))
                  .toString());
      assertThat(described.services())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.runningCount()).isEqualTo(2);
                assertThat(s.createdAt()).isNotNull();
              });
      assertThat(described.failures())
          .singleElement()
          .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
      assertThat(
              ecs.waiter()
                  .waitUntilServicesStable(r -> r.cluster("prod").services("api"))
                  .attemptsExecuted())
          .isEqualTo(1);
      assertThatThrownBy(() -> ecs.describeServices(r -> r.cluster("nope").services("api")))
          .isInstanceOfSatisfying(
              ClusterNotFoundException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("ClusterNotFoundException"));
    }
  }

  @Test
  void ecsCapacityProvidersAreUpdatedAndDeletedOverAwsJson11() {
    try (EcsClient ecs = EcsClient.builder().region(Region.US_EAST_1).build();
        AutoScalingClient autoScaling =
            AutoScalingClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      createGroup(ec2, autoScaling, "ecs-asg", 1);
      ecs.createCapacityProvider(
          r ->
              r.name("cp")
                  .autoScalingGroupProvider(
                      p ->
                          p.autoScalingGroupArn("ecs-asg")
                              .managedScaling(m -> m.targetCapacity(100))));

      var updated =
          ecs.updateCapacityProvider(
              r ->
                  r.name("cp")
                      .autoScalingGroupProvider(
                          p ->
                              p.managedScaling(
                                  m -> m.targetCapacity(75).instanceWarmupPeriod(120))));

      assertThat(updated.capacityProvider().updateStatusAsString()).isEqualTo("UPDATE_COMPLETE");
      var managedScaling = twin.ecs().capacityProvider("cp").spec().managedScaling();
      assertThat(managedScaling.targetCapacity()).isEqualTo(75);
      assertThat(managedScaling.instanceWarmupPeriod()).isEqualTo(Duration.ofSeconds(120));
      assertThat(ecs.describeCapacityProviders(r -> r.capacityProviders("cp")))
          .hasToString(
              inProcess.ecs().describeCapacityProviders(r -> r.capacityProviders("cp")).toString());
      assertThatThrownBy(
              () ->
                  ecs.updateCapacityProvider(
                      r ->
                          r.name("cp")
                              .autoScalingGroupProvider(
                                  p -> p.managedScaling(m -> m.targetCapacity(101)))))
          .isInstanceOfSatisfying(
              InvalidParameterException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("InvalidParameterException"));

      assertThat(
              ecs.deleteCapacityProvider(r -> r.capacityProvider("cp"))
                  .capacityProvider()
                  .statusAsString())
          .isEqualTo("INACTIVE");
      assertThat(ecs.describeCapacityProviders(r -> r.capacityProviders("cp")).failures())
          .singleElement()
          .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }
  }

  @Test
  void applicationAutoScalingOverAwsJson11() {
    try (EcsClient ecs = EcsClient.builder().region(Region.US_EAST_1).build();
        ApplicationAutoScalingClient aas =
            ApplicationAutoScalingClient.builder().region(Region.US_EAST_1).build()) {
      ecs.createCluster(r -> r.clusterName("prod"));
      String td =
          ecs.registerTaskDefinition(
                  r ->
                      r.family("api")
                          .networkMode(NetworkMode.AWSVPC)
                          .requiresCompatibilities(Compatibility.FARGATE)
                          .cpu("256")
                          .memory("512")
                          .containerDefinitions(c -> c.name("app").image("api:1").essential(true)))
              .taskDefinition()
              .taskDefinitionArn();
      ecs.createService(
          r ->
              r.cluster("prod")
                  .serviceName("api")
                  .taskDefinition(td)
                  .desiredCount(2)
                  .launchType(LaunchType.FARGATE)
                  .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
      aas.registerScalableTarget(
          r ->
              r.serviceNamespace(ServiceNamespace.ECS)
                  .resourceId("service/prod/api")
                  .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                  .minCapacity(1)
                  .maxCapacity(6));
      var targets = aas.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS));
      assertThat(targets.scalableTargets())
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.maxCapacity()).isEqualTo(6);
                assertThat(t.creationTime()).isEqualTo(twin.clock().instant());
              });
      assertThatThrownBy(
              () ->
                  aas.deregisterScalableTarget(
                      r ->
                          r.serviceNamespace(ServiceNamespace.ECS)
                              .resourceId("service/prod/other")
                              .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)))
          .isInstanceOf(ObjectNotFoundException.class);
    }
  }

  @Test
  void ec2OverTheEc2QueryProtocol() {
    try (Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      assertThat(ec2.describeAvailabilityZones().availabilityZones())
          .extracting(z -> z.zoneName())
          .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
      var run =
          ec2.runInstances(
              r -> r.imageId("ami-1").instanceType(InstanceType.C5_LARGE).minCount(2).maxCount(2));
      assertThat(run.instances()).hasSize(2);
      twin.advance(Duration.ofMinutes(2));
      var ids =
          ec2.describeInstancesPaginator(r -> r.maxResults(5)).reservations().stream()
              .flatMap(res -> res.instances().stream())
              .map(i -> i.instanceId())
              .toList();
      assertThat(ids)
          .containsExactlyInAnyOrderElementsOf(
              run.instances().stream().map(i -> i.instanceId()).toList());
      assertThat(ec2.describeInstances(r -> r.instanceIds(ids.get(0))))
          .hasToString(
              inProcess.ec2().describeInstances(r -> r.instanceIds(ids.get(0))).toString());
      assertThatThrownBy(() -> ec2.terminateInstances(r -> r.instanceIds("i-0123456789abcdef0")))
          .isInstanceOfSatisfying(
              Ec2Exception.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("InvalidInstanceID.NotFound"));
    }
  }

  @Test
  void twinsBoundOnParallelThreadsEachAnswerTheirOwnThread() throws Exception {
    CloudTwin other = CloudTwin.builder().availabilityZones(1).seed(8).build();
    CountDownLatch bothBound = new CountDownLatch(2);
    CompletableFuture<List<String>> onOther =
        CompletableFuture.supplyAsync(
            () -> {
              try (AwsWire.Binding b = AwsWire.of(other).bind();
                  Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
                bothBound.countDown();
                await(bothBound);
                return ec2.describeAvailabilityZones().availabilityZones().stream()
                    .map(z -> z.zoneName())
                    .toList();
              }
            });
    try (Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      bothBound.countDown();
      await(bothBound);
      assertThat(ec2.describeAvailabilityZones().availabilityZones()).hasSize(3);
    }
    assertThat(onOther.get(30, TimeUnit.SECONDS)).containsExactly("us-east-1a");
    other.close();
  }

  @Test
  void aThreadWithoutABindingIsAnsweredOnlyWhileOneTwinIsBound() throws Exception {
    try (Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      assertThat(
              CompletableFuture.supplyAsync(
                      () -> ec2.describeAvailabilityZones().availabilityZones().size())
                  .get(30, TimeUnit.SECONDS))
          .isEqualTo(3);
      CloudTwin other = CloudTwin.builder().availabilityZones(1).seed(8).build();
      try (AwsWire.Binding second = AwsWire.of(other).bind()) {
        // the innermost binding of this thread answers it
        assertThat(ec2.describeAvailabilityZones().availabilityZones()).hasSize(1);
        // another thread sees two twins and none of its own: a clear failure, not the wrong twin
        assertThatThrownBy(() -> CompletableFuture.runAsync(ec2::describeAvailabilityZones).join())
            .hasRootCauseInstanceOf(IllegalStateException.class)
            .rootCause()
            .hasMessageContaining("2 CloudTwin wires are bound");
      }
      other.close();
      assertThat(ec2.describeAvailabilityZones().availabilityZones()).hasSize(3);
      binding.close();
      assertThatThrownBy(ec2::describeAvailabilityZones)
          .hasMessageContaining("No CloudTwin answers AWS SDK requests");
    }
  }

  @Test
  void anExplicitHttpClientNeedsNoBinding() {
    binding.close();
    CloudTwin other = CloudTwin.builder().availabilityZones(2).seed(9).build();
    try (Ec2Client ec2 =
        Ec2Client.builder()
            .region(Region.US_EAST_1)
            .httpClient(AwsWire.of(other).httpClient())
            .build()) {
      assertThat(ec2.describeAvailabilityZones().availabilityZones()).hasSize(2);
    }
    other.close();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}

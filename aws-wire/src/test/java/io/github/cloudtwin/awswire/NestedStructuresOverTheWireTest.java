package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.ec2.PurchaseOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesRequest;
import software.amazon.awssdk.services.autoscaling.model.GetPredictiveScalingForecastRequest;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.autoscaling.model.InstancesDistribution;
import software.amazon.awssdk.services.autoscaling.model.StandbyInstances;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ActionsSuppressedBy;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * Requests with nested structures travel every protocol whole: a composite alarm with its actions
 * suppressor over Smithy RPC v2 CBOR (the Java SDK's CloudWatch protocol), described over AWS JSON
 * 1.0 and awsQuery; a MixedInstancesPolicy with weighted overrides and an instances distribution
 * over awsQuery; an instance refresh's preferences over awsQuery. Each answer is compared with what
 * the in-process client answers.
 */
class NestedStructuresOverTheWireTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(3).seed(11).build();
  private final AwsSdkClients inProcess = AwsSdkClients.of(twin);
  private final AwsWire wire = AwsWire.of(inProcess);
  private AwsWire.Binding binding;

  @BeforeEach
  void bind() {
    binding = wire.bind();
  }

  @AfterEach
  void close() {
    binding.close();
    twin.close();
  }

  private static void child(CloudWatchClient cloudWatch, String name) {
    cloudWatch.putMetricAlarm(
        r ->
            r.alarmName(name)
                .namespace("Shop")
                .metricName(name)
                .statistic("Maximum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching"));
  }

  private static void breach(CloudWatchClient cloudWatch, String metric, Instant at) {
    cloudWatch.putMetricData(
        r -> r.namespace("Shop").metricData(d -> d.metricName(metric).value(1.0).timestamp(at)));
  }

  private WireResponse json10(String operation, String body) {
    return wire.handle(
        new WireRequest(
            "POST",
            "/",
            "",
            Map.of(
                "Content-Type",
                "application/x-amz-json-1.0",
                "X-Amz-Target",
                "GraniteServiceVersion20100801." + operation),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  private WireResponse query(String form) {
    return wire.handle(
        new WireRequest(
            "POST",
            "/",
            "",
            Map.of(
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/monitoring/aws4_request,"
                    + " SignedHeaders=host, Signature=00"),
            form.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aCompositeAlarmPutOverCborGoesToAlarmAndIsDescribedAlikeInEveryProtocol() {
    try (CloudWatchClient cloudWatch =
        CloudWatchClient.builder().region(Region.US_EAST_1).build()) {
      child(cloudWatch, "errors");
      child(cloudWatch, "latency");
      child(cloudWatch, "deploying");
      cloudWatch.putCompositeAlarm(
          r ->
              r.alarmName("page")
                  .alarmRule("ALARM(errors) AND (ALARM(latency) OR ALARM(\"deploying\"))")
                  .alarmActions("arn:aws:sns:us-east-1:123456789012:oncall")
                  .actionsSuppressor("deploying")
                  .actionsSuppressorWaitPeriod(120)
                  .actionsSuppressorExtensionPeriod(180));
      Instant t0 = twin.clock().instant();
      breach(cloudWatch, "errors", t0);
      breach(cloudWatch, "latency", t0);
      twin.advance(Duration.ofMinutes(2));

      assertThat(twin.cloudWatch().compositeAlarm("page").state()).isEqualTo(AlarmState.ALARM);
      DescribeAlarmsRequest composites =
          DescribeAlarmsRequest.builder()
              .alarmNames("page")
              .alarmTypes(AlarmType.COMPOSITE_ALARM)
              .build();
      var overCbor = cloudWatch.describeAlarms(composites);
      CompositeAlarm page = overCbor.compositeAlarms().get(0);
      assertThat(page.stateValue()).isEqualTo(StateValue.ALARM);
      assertThat(page.alarmRule())
          .isEqualTo("ALARM(errors) AND (ALARM(latency) OR ALARM(\"deploying\"))");
      assertThat(page.actionsSuppressor()).isEqualTo("deploying");
      assertThat(page.actionsSuppressorWaitPeriod()).isEqualTo(120);
      assertThat(page.actionsSuppressorExtensionPeriod()).isEqualTo(180);
      // ALARM with the suppressor not (yet) in ALARM: the actions wait up to the wait period
      assertThat(page.actionsSuppressedBy()).isEqualTo(ActionsSuppressedBy.WAIT_PERIOD);
      assertThat(page.alarmActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:oncall");
      assertThat(overCbor.compositeAlarms())
          .hasToString(
              inProcess.cloudWatch().describeAlarms(composites).compositeAlarms().toString());

      WireResponse overJson =
          json10(
              "DescribeAlarms", "{\"AlarmNames\":[\"page\"],\"AlarmTypes\":[\"CompositeAlarm\"]}");
      assertThat(overJson.status()).as(overJson.bodyText()).isEqualTo(200);
      assertThat(overJson.bodyText())
          .contains("\"CompositeAlarms\":[{")
          .contains("\"AlarmName\":\"page\"")
          .contains("\"StateValue\":\"ALARM\"")
          .contains("\"ActionsSuppressor\":\"deploying\"")
          .contains("\"ActionsSuppressorWaitPeriod\":120")
          .contains("\"ActionsSuppressedBy\":\"WaitPeriod\"")
          .contains("\"MetricAlarms\":[]");

      WireResponse overQuery =
          query(
              "Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=page"
                  + "&AlarmTypes.member.1=CompositeAlarm");
      assertThat(overQuery.status()).as(overQuery.bodyText()).isEqualTo(200);
      assertThat(overQuery.bodyText())
          .contains("<CompositeAlarms><member>")
          .contains("<AlarmName>page</AlarmName>")
          .contains("<StateValue>ALARM</StateValue>")
          .contains("<ActionsSuppressorExtensionPeriod>180</ActionsSuppressorExtensionPeriod>")
          .contains("<MetricAlarms></MetricAlarms>");
    }
  }

  @Test
  void aCompositeAlarmPutOverAwsQueryIsEvaluatedByTheTwin() {
    try (CloudWatchClient cloudWatch =
        CloudWatchClient.builder().region(Region.US_EAST_1).build()) {
      child(cloudWatch, "errors");
      child(cloudWatch, "latency");
    }
    WireResponse put =
        query(
            "Action=PutCompositeAlarm&Version=2010-08-01&AlarmName=either"
                + "&AlarmRule=ALARM%28errors%29+OR+ALARM%28latency%29"
                + "&AlarmActions.member.1=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aops");
    assertThat(put.status()).as(put.bodyText()).isEqualTo(200);
    twin.advance(Duration.ofMinutes(2));
    assertThat(twin.cloudWatch().compositeAlarm("either").state()).isEqualTo(AlarmState.OK);
  }

  @Test
  void aMixedInstancesPolicyOverAwsQuerySplitsCapacityAndIsDescribedWhole() {
    try (AutoScalingClient autoScaling =
            AutoScalingClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      ec2.createLaunchTemplate(
          r ->
              r.launchTemplateName("web-lt")
                  .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
      autoScaling.createAutoScalingGroup(
          r ->
              r.autoScalingGroupName("web")
                  .minSize(0)
                  .maxSize(12)
                  .desiredCapacity(6)
                  .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                  .capacityRebalance(true)
                  .mixedInstancesPolicy(
                      m ->
                          m.launchTemplate(
                                  lt ->
                                      lt.launchTemplateSpecification(
                                              s ->
                                                  s.launchTemplateName("web-lt").version("$Latest"))
                                          .overrides(
                                              o -> o.instanceType("c5.large"),
                                              o -> o.instanceType("m5.large")))
                              .instancesDistribution(
                                  d ->
                                      d.onDemandBaseCapacity(2)
                                          .onDemandPercentageAboveBaseCapacity(50)
                                          .spotAllocationStrategy("capacity-optimized"))));
      twin.advance(Duration.ofMinutes(5));

      // base 2 On-Demand, then half of the remaining 4: 4 On-Demand, 2 Spot
      assertThat(twin.autoScaling().group("web").capacityByPurchaseOption())
          .containsEntry(PurchaseOption.ON_DEMAND, 4)
          .containsEntry(PurchaseOption.SPOT, 2);

      DescribeAutoScalingGroupsRequest request =
          DescribeAutoScalingGroupsRequest.builder().autoScalingGroupNames("web").build();
      var overTheWire = autoScaling.describeAutoScalingGroups(request);
      AutoScalingGroup group = overTheWire.autoScalingGroups().get(0);
      assertThat(group.capacityRebalance()).isTrue();
      assertThat(group.mixedInstancesPolicy().launchTemplate().overrides())
          .extracting(o -> o.instanceType())
          .containsExactly("c5.large", "m5.large");
      InstancesDistribution distribution = group.mixedInstancesPolicy().instancesDistribution();
      assertThat(distribution.onDemandBaseCapacity()).isEqualTo(2);
      assertThat(distribution.onDemandPercentageAboveBaseCapacity()).isEqualTo(50);
      assertThat(distribution.spotAllocationStrategy()).isEqualTo("capacity-optimized");
      assertThat(group.instances())
          .hasSize(6)
          .extracting(i -> i.instanceType())
          .isSubsetOf("c5.large", "m5.large");
      assertThat(overTheWire)
          .hasToString(inProcess.autoScaling().describeAutoScalingGroups(request).toString());
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_RefreshPreferences.html
  @Test
  void anInstanceRefreshOverAwsQueryKeepsItsPreferencesWholeAndRunsOnVirtualTime() {
    try (AutoScalingClient autoScaling =
            AutoScalingClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      ec2.createLaunchTemplate(
          r ->
              r.launchTemplateName("web-lt")
                  .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
      ec2.createLaunchTemplateVersion(
          r ->
              r.launchTemplateName("web-lt")
                  .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
      autoScaling.createAutoScalingGroup(
          r ->
              r.autoScalingGroupName("web")
                  .minSize(1)
                  .maxSize(8)
                  .desiredCapacity(4)
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .launchTemplate(t -> t.launchTemplateName("web-lt").version("1")));
      twin.advance(Duration.ofMinutes(5));

      String id =
          autoScaling
              .startInstanceRefresh(
                  r ->
                      r.autoScalingGroupName("web")
                          .desiredConfiguration(
                              d ->
                                  d.launchTemplate(
                                      t -> t.launchTemplateName("web-lt").version("2")))
                          .preferences(
                              p ->
                                  p.minHealthyPercentage(75)
                                      .maxHealthyPercentage(125)
                                      .instanceWarmup(30)
                                      .checkpointPercentages(25, 50, 100)
                                      .checkpointDelay(60)
                                      .skipMatching(true)
                                      .standbyInstances(StandbyInstances.IGNORE)
                                      .bakeTime(90)))
              .instanceRefreshId();
      DescribeInstanceRefreshesRequest request =
          DescribeInstanceRefreshesRequest.builder().autoScalingGroupName("web").build();
      var overTheWire = autoScaling.describeInstanceRefreshes(request);
      InstanceRefresh refresh = overTheWire.instanceRefreshes().get(0);
      assertThat(refresh.instanceRefreshId()).isEqualTo(id);
      assertThat(refresh.preferences().checkpointPercentages()).containsExactly(25, 50, 100);
      assertThat(refresh.preferences().maxHealthyPercentage()).isEqualTo(125);
      assertThat(refresh.preferences().standbyInstances()).isEqualTo(StandbyInstances.IGNORE);
      assertThat(refresh.desiredConfiguration().launchTemplate().version()).isEqualTo("2");
      assertThat(overTheWire)
          .hasToString(inProcess.autoScaling().describeInstanceRefreshes(request).toString());

      twin.advance(Duration.ofMinutes(30));
      InstanceRefresh done =
          autoScaling.describeInstanceRefreshes(request).instanceRefreshes().get(0);
      assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(done.percentageComplete()).isEqualTo(100);
      assertThat(done.endTime()).isNotNull();
      assertThat(done.progressDetails().livePoolProgress().percentageComplete()).isEqualTo(100);
      assertThat(twin.autoScaling().group("web").instances())
          .hasSize(4)
          .allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("2"));
    }
  }

  @Test
  void aPredictiveScalingPolicyOverAwsQueryIsDescribedWholeAndForecastsAsInProcess() {
    io.github.cloudtwin.cloudwatch.MetricId cpu =
        io.github.cloudtwin.cloudwatch.MetricId.of(
            "AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web");
    Instant t0 = twin.clock().instant();
    for (int m = 0; m < 48 * 60; m += 10) {
      Instant t = t0.minus(Duration.ofHours(48)).plus(Duration.ofMinutes(m));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      twin.cloudWatch()
          .putMetricData(
              cpu,
              t,
              hour >= 8 && hour < 20 ? 400 : 100,
              io.github.cloudtwin.cloudwatch.StandardUnit.PERCENT);
    }
    try (AutoScalingClient autoScaling =
            AutoScalingClient.builder().region(Region.US_EAST_1).build();
        Ec2Client ec2 = Ec2Client.builder().region(Region.US_EAST_1).build()) {
      ec2.createLaunchTemplate(
          r ->
              r.launchTemplateName("web-lt")
                  .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
      autoScaling.createAutoScalingGroup(
          r ->
              r.autoScalingGroupName("web")
                  .minSize(1)
                  .maxSize(5)
                  .desiredCapacity(1)
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .launchTemplate(t -> t.launchTemplateName("web-lt")));
      autoScaling.putScalingPolicy(
          r ->
              r.autoScalingGroupName("web")
                  .policyName("predict")
                  .policyType("PredictiveScaling")
                  .predictiveScalingConfiguration(
                      c ->
                          c.metricSpecifications(
                                  m ->
                                      m.targetValue(50.0)
                                          .predefinedLoadMetricSpecification(
                                              l -> l.predefinedMetricType("ASGTotalCPUUtilization"))
                                          .predefinedScalingMetricSpecification(
                                              s ->
                                                  s.predefinedMetricType(
                                                      "ASGAverageCPUUtilization")))
                              .mode("ForecastAndScale")
                              .schedulingBufferTime(600)
                              .maxCapacityBreachBehavior("IncreaseMaxCapacity")
                              .maxCapacityBuffer(10)));

      DescribePoliciesRequest policies =
          DescribePoliciesRequest.builder().autoScalingGroupName("web").build();
      var overTheWire = autoScaling.describePolicies(policies);
      assertThat(
              overTheWire
                  .scalingPolicies()
                  .get(0)
                  .predictiveScalingConfiguration()
                  .maxCapacityBuffer())
          .isEqualTo(10);
      assertThat(overTheWire)
          .hasToString(inProcess.autoScaling().describePolicies(policies).toString());
      GetPredictiveScalingForecastRequest forecast =
          GetPredictiveScalingForecastRequest.builder()
              .autoScalingGroupName("web")
              .policyName("predict")
              .startTime(t0)
              .endTime(t0.plus(Duration.ofDays(2)))
              .build();
      var answer = autoScaling.getPredictiveScalingForecast(forecast);
      assertThat(answer.capacityForecast().values()).hasSize(48).contains(8.0);
      assertThat(answer.updateTime()).isEqualTo(t0);
      assertThat(answer)
          .hasToString(inProcess.autoScaling().getPredictiveScalingForecast(forecast).toString());

      twin.advanceTo(t0.plus(Duration.ofHours(8)).minus(Duration.ofMinutes(10)));
      // 400 / 50 = 8 above max 5: max raised to 8 plus 10 %, rounded up
      AutoScalingGroup g =
          autoScaling
              .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
              .autoScalingGroups()
              .get(0);
      assertThat(g.desiredCapacity()).isEqualTo(8);
      assertThat(g.maxSize()).isEqualTo(9);
    }
  }
}

package io.github.cloudtwin.benchmarks.compare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * The typical estate on moto, through the AWS SDK for Java v2 (URL-connection HTTP client,
 * us-east-1, dummy static credentials, endpoint override to the moto server): three zones (a VPC
 * with one subnet per zone), a group of 6 instances from a launch template, an application load
 * balancer with a listener, a target group with the group attached, two CPU alarms each running a
 * step policy, and an ECS cluster with a Fargate service of 12 tasks. Every round starts from
 * moto's reset endpoint ({@code POST /moto-api/reset}), which is not timed.
 */
final class MotoSide implements AutoCloseable {

  static final List<String> ZONES = Estate.ZONES;

  private final URI endpoint;
  private final SdkHttpClient http;
  private final EstateCalls calls;
  private final Ec2Client ec2;
  private final AutoScalingClient autoScaling;
  private final CloudWatchClient cloudWatch;
  private final EcsClient ecs;
  private final HttpClient resetClient = HttpClient.newHttpClient();
  private String imageId;

  MotoSide(URI endpoint) {
    this.endpoint = endpoint;
    this.http = UrlConnectionHttpClient.builder().build();
    this.calls =
        new EstateCalls(
            client(Ec2Client.builder()),
            client(AutoScalingClient.builder()),
            client(ElasticLoadBalancingV2Client.builder()),
            client(CloudWatchClient.builder()),
            client(EcsClient.builder()));
    this.ec2 = calls.ec2();
    this.autoScaling = calls.autoScaling();
    this.cloudWatch = calls.cloudWatch();
    this.ecs = calls.ecs();
  }

  /**
   * A client of moto: the shared URL-connection HTTP client, us-east-1, dummy static credentials,
   * the endpoint override, and no retries (a failed call fails the run at once: retries would hide
   * errors and distort the timings).
   */
  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
    return builder
        .httpClient(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .build())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(endpoint)
        .build();
  }

  /** Forgets everything moto holds (moto's own reset endpoint). */
  void reset() {
    try {
      HttpResponse<String> r =
          resetClient.send(
              HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "moto reset answered HTTP " + r.statusCode() + ": " + r.body());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("moto reset failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** An Amazon Linux image moto knows (looked up once, not timed). */
  private String imageId() {
    if (imageId == null) {
      List<Image> images = ec2.describeImages(b -> b.owners("amazon")).images();
      imageId =
          images.stream()
              .map(Image::imageId)
              .sorted()
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("moto lists no Amazon image"));
    }
    return imageId;
  }

  /**
   * Creates the estate and reads it back; throws if anything read back differs from what was
   * created.
   */
  SdkEstate.Created createAndReadBack() {
    String ami = imageId();
    // Three zones: a VPC with one subnet in each.
    String vpcId = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    List<String> subnets = new ArrayList<>();
    for (int i = 0; i < ZONES.size(); i++) {
      String cidr = "10.0." + i + ".0/24";
      String zone = ZONES.get(i);
      subnets.add(
          ec2.createSubnet(b -> b.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone))
              .subnet()
              .subnetId());
    }
    String sg =
        ec2.createSecurityGroup(b -> b.groupName("web").description("web tier").vpcId(vpcId))
            .groupId();
    ec2.createLaunchTemplate(
        b ->
            b.launchTemplateName(Estate.GROUP)
                .launchTemplateData(
                    d ->
                        d.imageId(ami)
                            .instanceType(InstanceType.T3_MICRO)
                            .securityGroupIds(sg)
                            .monitoring(m -> m.enabled(true))));

    SdkEstate.Created created = calls.create(subnets, vpcId, sg);
    readBack(created);
    return created;
  }

  /** Reads every resource back and checks the counts a test would check. */
  void readBack(SdkEstate.Created c) {
    calls.readBack(c, "moto");
  }

  AutoScalingGroup group() {
    return calls.group();
  }

  List<Instance> instances(List<String> ids) {
    return calls.instances(ids);
  }

  List<TargetHealthDescription> targets(String tgArn) {
    return calls.targets(tgArn);
  }

  /** Zone of each InService group instance, counted per zone (zones in name order). */
  Map<String, Integer> groupInstancesByZone() {
    Map<String, Integer> byZone = new TreeMap<>();
    for (String z : ZONES) byZone.put(z, 0);
    for (var i : group().instances()) {
      if ("InService".equals(i.lifecycleStateAsString()))
        byZone.merge(i.availabilityZone(), 1, Integer::sum);
    }
    return byZone;
  }

  // ------------------------------------------------------------------ behaviour probes

  /** Q1: are the 6 instances spread over the three zones? */
  Answer spread() {
    Map<String, Integer> byZone = groupInstancesByZone();
    boolean balanced = byZone.values().stream().allMatch(n -> n == Estate.DESIRED / ZONES.size());
    return new Answer(balanced ? "yes" : "no", "InService per zone " + Estate.perZone(byZone));
  }

  /**
   * Q2: breaching data (95 % for the last 10 minutes, one datapoint a minute) on the group's CPU;
   * then waits {@code wait} (wall time) and reads the alarm state, its history and the group's
   * desired capacity.
   */
  Answer alarmRunsPolicy(Duration wait, StringBuilder measured) {
    int before = group().desiredCapacity();
    String initial =
        cloudWatch
            .describeAlarms(b -> b.alarmNames(Estate.ALARM_HIGH))
            .metricAlarms()
            .get(0)
            .stateValueAsString();
    Instant now = Instant.now();
    List<MetricDatum> data = new ArrayList<>();
    for (int m = 10; m >= 1; m--) {
      data.add(
          MetricDatum.builder()
              .metricName("CPUUtilization")
              .timestamp(now.minusSeconds(60L * m))
              .dimensions(
                  Dimension.builder().name("AutoScalingGroupName").value(Estate.GROUP).build())
              .value(95.0)
              .unit(StandardUnit.PERCENT)
              .build());
    }
    cloudWatch.putMetricData(b -> b.namespace("AWS/EC2").metricData(data));
    long t0 = System.nanoTime();
    sleep(wait);
    long waited = System.nanoTime() - t0;
    MetricAlarm alarm =
        cloudWatch.describeAlarms(b -> b.alarmNames(Estate.ALARM_HIGH)).metricAlarms().get(0);
    String history;
    try {
      history =
          "history entries: "
              + cloudWatch
                  .describeAlarmHistory(b -> b.alarmName(Estate.ALARM_HIGH))
                  .alarmHistoryItems()
                  .size();
    } catch (SdkServiceException e) {
      history = "`DescribeAlarmHistory` answered HTTP " + e.statusCode();
    }
    int after = group().desiredCapacity();
    measured
        .append("moto created alarm `")
        .append(Estate.ALARM_HIGH)
        .append("` in state ")
        .append(initial)
        .append(
            " (AWS: INSUFFICIENT_DATA, §3.1); after putting 10 one-minute datapoints of 95 % and waiting ")
        .append(Stats.human(waited))
        .append(", alarm `")
        .append(Estate.ALARM_HIGH)
        .append("` is ")
        .append(alarm.stateValueAsString())
        .append(" (")
        .append(history)
        .append("), desired capacity ")
        .append(before)
        .append(" -> ")
        .append(after)
        .append('.');
    boolean ran =
        "ALARM".equals(alarm.stateValueAsString()) && after == before + Estate.SCALE_OUT_STEP;
    return new Answer(
        ran ? "yes" : "no",
        "after "
            + Stats.human(waited)
            + " the alarm is "
            + alarm.stateValueAsString()
            + ", desired "
            + before
            + " → "
            + after);
  }

  /**
   * Forces the high alarm into ALARM with {@code SetAlarmState}, waits {@code wait} and reads the
   * alarm and the group's desired capacity: does moto run the policy when the alarm is in ALARM?
   */
  String forcedAlarm(Duration wait) {
    int before = group().desiredCapacity();
    cloudWatch.setAlarmState(
        b ->
            b.alarmName(Estate.ALARM_HIGH)
                .stateValue("ALARM")
                .stateReason("forced by the comparison"));
    long t0 = System.nanoTime();
    sleep(wait);
    long waited = System.nanoTime() - t0;
    MetricAlarm alarm =
        cloudWatch.describeAlarms(b -> b.alarmNames(Estate.ALARM_HIGH)).metricAlarms().get(0);
    int after = group().desiredCapacity();
    return "moto: `SetAlarmState` to ALARM, then "
        + Stats.human(waited)
        + " later the alarm is "
        + alarm.stateValueAsString()
        + " and desired capacity "
        + before
        + " -> "
        + after
        + ".";
  }

  /**
   * Q3: an instance of the group is terminated (through Auto Scaling, desired kept): is it
   * deregistered?
   */
  Answer terminatedDeregistered(SdkEstate.Created c) {
    String victim = group().instances().get(0).instanceId();
    autoScaling.terminateInstanceInAutoScalingGroup(
        b -> b.instanceId(victim).shouldDecrementDesiredCapacity(false));
    List<TargetHealthDescription> targets = targets(c.targetGroupArn());
    boolean listed = targets.stream().anyMatch(t -> t.target().id().equals(victim));
    String state =
        targets.stream()
            .filter(t -> t.target().id().equals(victim))
            .findFirst()
            .map(t -> t.targetHealth().stateAsString())
            .orElse("absent");
    String victimState =
        instances(List.of(victim)).stream()
            .findFirst()
            .map(i -> i.state().nameAsString())
            .orElse("?");
    return new Answer(
        listed ? "no" : "yes",
        "instance is "
            + victimState
            + "; target group lists it: "
            + (listed ? "yes (" + state + ")" : "no")
            + "; "
            + targets.size()
            + " targets registered");
  }

  /** Q4: does the ECS service reach 12 running tasks? */
  Answer serviceRunning(Duration wait) {
    sleep(wait);
    var s =
        ecs.describeServices(b -> b.cluster(Estate.CLUSTER).services(Estate.SERVICE))
            .services()
            .get(0);
    int runningTasks =
        ecs.listTasks(
                b -> b.cluster(Estate.CLUSTER).serviceName(Estate.SERVICE).desiredStatus("RUNNING"))
            .taskArns()
            .size();
    boolean yes = s.runningCount() == Estate.TASKS;
    return new Answer(
        yes ? "yes" : "no",
        "runningCount "
            + s.runningCount()
            + ", pendingCount "
            + s.pendingCount()
            + ", tasks listed "
            + runningTasks);
  }

  /**
   * Q5: zone outage. moto has no way to fail a zone, so this does the nearest thing a client can:
   * terminate (through EC2, as an outage would) every group instance in the first zone, then reads
   * where the group's InService instances are.
   */
  Answer zoneOutage(Duration wait) {
    String lost = ZONES.get(0);
    List<String> victims =
        group().instances().stream()
            .filter(i -> lost.equals(i.availabilityZone()))
            .map(i -> i.instanceId())
            .toList();
    if (!victims.isEmpty()) ec2.terminateInstances(b -> b.instanceIds(victims));
    sleep(wait);
    Map<String, Integer> byZone = groupInstancesByZone();
    int others =
        byZone.entrySet().stream()
            .filter(e -> !e.getKey().equals(lost))
            .mapToInt(Map.Entry::getValue)
            .sum();
    int total = byZone.values().stream().mapToInt(Integer::intValue).sum();
    boolean rebuilt = others >= Estate.DESIRED && byZone.get(lost) == 0;
    return new Answer(
        rebuilt ? "yes" : "no",
        "no zone-failure API; terminated the "
            + victims.size()
            + " instance(s) in "
            + lost
            + "; InService per zone then "
            + Estate.perZone(byZone)
            + " ("
            + total
            + " of "
            + Estate.DESIRED
            + ")");
  }

  private static void sleep(Duration d) {
    if (d.isZero()) return;
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    ec2.close();
    autoScaling.close();
    calls.elb().close();
    cloudWatch.close();
    ecs.close();
    http.close();
  }
}

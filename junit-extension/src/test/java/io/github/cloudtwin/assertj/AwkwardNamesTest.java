package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.assertj.CloudTwinAssertions.fact;
import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.advice.Advice;
import io.github.cloudtwin.advice.AdviceRule;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.AlarmAction;
import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.CompositeAlarm;
import io.github.cloudtwin.cloudwatch.CompositeAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricAlarm;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.PurchaseOption;
import io.github.cloudtwin.ecs.CapacityProviderSpec;
import io.github.cloudtwin.ecs.CapacityProviderStrategyItem;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ManagedScaling;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroup;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.experiments.Experiment;
import io.github.cloudtwin.experiments.ExperimentResult;
import io.github.cloudtwin.experiments.FaultAction;
import io.github.cloudtwin.experiments.Selection;
import io.github.cloudtwin.facts.AutoScalingFact.DesiredCapacityChanged;
import io.github.cloudtwin.facts.AutoScalingFact.PolicyExecuted;
import io.github.cloudtwin.facts.CloudWatchFact.AlarmStateChanged;
import io.github.cloudtwin.report.Chart;
import io.github.cloudtwin.report.Report;
import io.github.cloudtwin.report.Series;
import io.github.cloudtwin.traffic.Workload;
import io.github.cloudtwin.whatif.BreachTarget;
import io.github.cloudtwin.whatif.Comparison;
import io.github.cloudtwin.whatif.DemandReplay;
import io.github.cloudtwin.whatif.DemandUnit;
import io.github.cloudtwin.whatif.Estate;
import io.github.cloudtwin.whatif.RecordedLoad;
import io.github.cloudtwin.whatif.WhatIf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names AWS accepts but a text parser trips over (spaces, dots, slashes, colons, each field at its
 * AWS maximum length) change nothing: the same story told with plain names and with awkward names
 * gives every assertion of {@link CloudTwinAssertions} the same outcome and failure message, the
 * same timeline and the same report, once the names are swapped back.
 */
class AwkwardNamesTest {

  /** The names of one story. */
  record Names(
      String group,
      String alarm,
      String compositeAlarm,
      String policy,
      String targetGroup,
      String loadBalancer,
      String cluster,
      String service,
      String family,
      String capacityProvider) {

    Map<String, String> to(Names plain) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put(group, plain.group);
      m.put(alarm, plain.alarm);
      m.put(compositeAlarm, plain.compositeAlarm);
      m.put(policy, plain.policy);
      m.put(targetGroup, plain.targetGroup);
      m.put(loadBalancer, plain.loadBalancer);
      m.put(cluster, plain.cluster);
      m.put(service, plain.service);
      m.put(family, plain.family);
      m.put(capacityProvider, plain.capacityProvider);
      for (Map.Entry<String, String> e : List.copyOf(m.entrySet()))
        m.put(xml(e.getKey()), e.getValue()); // in the report
      return m;
    }
  }

  static final Names PLAIN =
      new Names("asg", "cpu-high", "page", "out", "tg", "alb", "prod", "web", "webapp", "cp");

  /** Each at AWS's maximum length for its field, with the characters AWS allows there. */
  static final Names AWKWARD =
      new Names(
          fill("web tier/v1.2 (blue.green) ", "a.b/c d-", 255), // Auto Scaling: 1-255, no colon
          fill("cpu high: web tier/v1.2 > 80% ", "x:y/z. ", 255), // CloudWatch: 1-255 characters
          fill("page on-call: web tier/v1.2 (composite) ", "c:o/m. ", 255),
          fill("scale out: +1 / web tier.v1 ", "p:q/r. ", 255), // Auto Scaling policy: 1-255
          fill("Web-Tier-", "v1-2-", 32), // ELB: 1-32 letters, digits, hyphens
          fill("Web-Tier-Blue-", "lb-0", 32),
          fill("prod_web-tier_", "Az09_-", 255), // ECS: 1-255 letters, digits, underscores, hyphens
          fill("web_tier-v1_2-", "svc_-9", 255),
          fill("web_tier-app-", "fam_-7", 255),
          fill("cp_web-tier-", "cap_-5", 255));

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String fill(String start, String unit, int length) {
    StringBuilder sb = new StringBuilder(start);
    while (sb.length() < length) sb.append(unit);
    String s = sb.substring(0, length);
    return s.endsWith(" ") || s.endsWith("-") ? s.substring(0, length - 1) + "9" : s;
  }

  @Test
  void theAwkwardNamesAreAtTheirMaximumLength() {
    org.assertj.core.api.Assertions.assertThat(
            List.of(
                AWKWARD.group(),
                AWKWARD.alarm(),
                AWKWARD.compositeAlarm(),
                AWKWARD.policy(),
                AWKWARD.cluster(),
                AWKWARD.service()))
        .allSatisfy(n -> org.assertj.core.api.Assertions.assertThat(n).hasSize(255));
    org.assertj.core.api.Assertions.assertThat(AWKWARD.group())
        .contains(" ", ".", "/")
        .doesNotContain(":");
    org.assertj.core.api.Assertions.assertThat(AWKWARD.alarm()).contains(" ", ".", "/", ":");
    org.assertj.core.api.Assertions.assertThat(AWKWARD.targetGroup()).hasSize(32);
  }

  @Test
  void everyAssertionTheTimelineAndTheReportReadTheSameWithAwkwardNames() {
    List<String> plain = story(PLAIN);
    List<String> awkward = story(AWKWARD);
    Map<String, String> back = AWKWARD.to(PLAIN);
    List<String> swapped = new ArrayList<>();
    List<String> keys = new ArrayList<>(back.keySet());
    keys.sort(Comparator.comparingInt(String::length).reversed());
    for (String s : awkward) {
      for (String k : keys) s = s.replace(k, back.get(k));
      swapped.add(s);
    }
    org.assertj.core.api.Assertions.assertThat(plain).hasSizeGreaterThan(40);
    org.assertj.core.api.Assertions.assertThat(plain).anyMatch(s -> s.endsWith(": passed"));
    org.assertj.core.api.Assertions.assertThat(plain).anyMatch(s -> s.contains(": failed\n"));
    for (int i = 0; i < plain.size(); i++) {
      org.assertj.core.api.Assertions.assertThat(swapped.get(i))
          .as("outcome %d", i)
          .isEqualTo(plain.get(i));
    }
    org.assertj.core.api.Assertions.assertThat(swapped).hasSameSizeAs(plain);
  }

  /**
   * "Every assertion": each public method of the assertions on named resources (group, alarm,
   * composite alarm, target group, load balancer, ECS service and task, instance, timeline, cost,
   * advice, a resilience experiment's result, a what-if comparison) and each of {@link
   * CloudTwinAssert}'s look-ups by name runs in the story, under a label {@code
   * <subject>.<method>}. A new assertion fails this test until the story runs it.
   */
  @Test
  void theStoryRunsEveryAssertionOnNamedResources() {
    java.util.Set<String> labels = new java.util.TreeSet<>();
    java.util.regex.Pattern outcome =
        java.util.regex.Pattern.compile("^([a-z]+\\.[A-Za-z0-9]+)( [^:\n]*)?: (passed$|failed\n)");
    for (String s : story(PLAIN)) {
      java.util.regex.Matcher m = outcome.matcher(s);
      if (m.find()) labels.add(m.group(1));
    }
    Map<String, Class<?>> subjects = new LinkedHashMap<>();
    subjects.put("group", AutoScalingGroupAssert.class);
    subjects.put("alarm", MetricAlarmAssert.class);
    subjects.put("composite", CompositeAlarmAssert.class);
    subjects.put("tg", TargetGroupAssert.class);
    subjects.put("lb", LoadBalancerAssert.class);
    subjects.put("service", EcsServiceAssert.class);
    subjects.put("task", TaskAssert.class);
    subjects.put("instance", InstanceAssert.class);
    subjects.put("timeline", TimelineAssert.class);
    subjects.put("cost", CostReportAssert.class);
    subjects.put("advice", AdviceAssert.class);
    subjects.put("experiment", ExperimentResultAssert.class);
    subjects.put("comparison", ComparisonAssert.class);
    List<String> missing = new ArrayList<>();
    subjects.forEach(
        (subject, type) -> {
          for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers())
                && !m.isSynthetic()
                && !labels.contains(subject + "." + m.getName()))
              missing.add(type.getSimpleName() + "." + m.getName());
          }
        });
    for (java.lang.reflect.Method m : CloudTwinAssert.class.getDeclaredMethods()) {
      boolean byName =
          m.getParameterCount() > 0 && m.getParameterTypes()[0] == String.class
              || m.getName().equals("cost");
      if (java.lang.reflect.Modifier.isPublic(m.getModifiers())
          && byName
          && !m.getName().startsWith("hasNoConfigurationWarnings")
          && !labels.contains("twin." + m.getName())) missing.add("CloudTwinAssert." + m.getName());
    }
    org.assertj.core.api.Assertions.assertThat(labels).hasSizeGreaterThan(40);
    org.assertj.core.api.Assertions.assertThat(missing)
        .as("assertions the awkward-names story does not run")
        .isEmpty();
  }

  @Test
  void theReportChartsInServiceInstancesOfAGroupWithSpacesInItsName() {
    try (CloudTwin twin = twin(AWKWARD)) {
      AutoScalingGroup group = twin.autoScaling().group(AWKWARD.group());
      Chart chart =
          Report.builder(twin).build().charts().stream()
              .filter(
                  c ->
                      c.title()
                          .equals(
                              "Auto Scaling group " + AWKWARD.group() + ": desired vs InService"))
              .findFirst()
              .orElseThrow();
      Series inService =
          chart.series().stream()
              .filter(s -> s.name().equals("InService"))
              .findFirst()
              .orElseThrow();
      org.assertj.core.api.Assertions.assertThat(group.inServiceCount()).isGreaterThanOrEqualTo(3);
      org.assertj.core.api.Assertions.assertThat(
              inService.points().get(inService.points().size() - 1).value())
          .isEqualTo(group.inServiceCount());
    }
  }

  /**
   * The story: group of 3 under a cluster and a service of 6 behind a load balancer; CPU 95 from +2
   * to +5 scales out.
   */
  private static CloudTwin twin(Names n) {
    CloudTwin twin = CloudTwin.builder().seed(5).build();
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(n.group())
                .launchTemplate("ecs", "1")
                .instanceType("m5.large")
                .minSize(0)
                .maxSize(6)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .detailedMonitoring(true)
                .build());
    twin.ecs().createCluster(n.cluster());
    twin.ecs()
        .createCapacityProvider(
            new CapacityProviderSpec(
                n.capacityProvider(), n.group(), ManagedScaling.DISABLED, false));
    twin.ecs()
        .putClusterCapacityProviders(
            n.cluster(),
            List.of(n.capacityProvider()),
            List.of(CapacityProviderStrategyItem.of(n.capacityProvider(), 1)));
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application(n.loadBalancer())
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
                .build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder(n.targetGroup()).build());
    twin.loadBalancing()
        .createListener(
            ListenerSpec.builder(n.loadBalancer(), 80).forwardTo(n.targetGroup()).build());
    twin.ecs()
        .registerTaskDefinition(
            TaskDefinitionSpec.builder(n.family())
                .container(
                    ContainerDefinition.builder("app", "nginx")
                        .cpu(256)
                        .memory(512)
                        .portMapping(80)
                        .build())
                .build());
    twin.ecs()
        .createService(
            ServiceSpec.builder(n.cluster(), n.service(), n.family())
                .desiredCount(6)
                .loadBalancer(n.targetGroup(), "app", 80)
                .build());
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName(n.policy())
                    .autoScalingGroupName(n.group())
                    .scalingAdjustment(1)
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName(n.alarm())
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", n.group()))
                .period(Duration.ofMinutes(1))
                .evaluationPeriods(2)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    twin.cloudWatch()
        .putCompositeAlarm(
            CompositeAlarmSpec.builder()
                .alarmName(n.compositeAlarm())
                .alarmRule("ALARM(\"" + n.alarm() + "\")")
                .alarmActions(AlarmAction.of("sns:on-call", context -> {}))
                .build());
    twin.advance(ofMinutes(2));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup(n.group())
                .between(ofMinutes(2), ofMinutes(5))
                .constant(95));
    twin.advance(ofMinutes(6));
    for (int i = 0; i < 30; i++) twin.loadBalancing().send(n.loadBalancer());
    return twin;
  }

  private static List<String> story(Names n) {
    List<String> out = new ArrayList<>();
    try (CloudTwin twin = twin(n)) {
      AutoScalingGroup group = twin.autoScaling().group(n.group());
      MetricAlarm alarm = twin.cloudWatch().alarm(n.alarm());
      CompositeAlarm composite = twin.cloudWatch().compositeAlarm(n.compositeAlarm());
      TargetGroup tg = twin.loadBalancing().targetGroup(n.targetGroup());
      LoadBalancer lb = twin.loadBalancing().loadBalancer(n.loadBalancer());
      EcsService service = twin.ecs().service(n.cluster(), n.service());
      Task task = service.tasks().get(0);
      Instance instance = twin.ec2().instance(group.instances().get(0).instanceId());
      int inService = group.inServiceCount();
      int desired = group.desiredCapacity();
      outcome(out, "group.hasDesiredCapacity", () -> assertThat(group).hasDesiredCapacity(desired));
      outcome(
          out,
          "group.hasDesiredCapacity other",
          () -> assertThat(group).hasDesiredCapacity(desired + 2));
      outcome(out, "group.hasInServiceCount", () -> assertThat(group).hasInServiceCount(inService));
      outcome(
          out,
          "group.hasInServiceCount other",
          () -> assertThat(group).hasInServiceCount(inService + 1));
      outcome(out, "group.isBalancedAcross", () -> assertThat(group).isBalancedAcross());
      outcome(
          out,
          "group.isBalancedAcross zones",
          () -> assertThat(group).isBalancedAcross("us-east-1a", "us-east-1d"));
      outcome(
          out,
          "group.hasScalingActivityCount",
          () -> assertThat(group).hasScalingActivityCount(group.activities().size()));
      outcome(
          out,
          "group.hasScalingActivityCount other",
          () -> assertThat(group).hasScalingActivityCount(99));
      outcome(
          out,
          "group.hasNoScalingActivityBetween",
          () -> assertThat(group).hasNoScalingActivityBetween(ofMinutes(1), ofMinutes(8)));
      outcome(out, "group.neverExceededSize", () -> assertThat(group).neverExceededSize(6));
      outcome(out, "group.neverExceededSize other", () -> assertThat(group).neverExceededSize(3));
      outcome(
          out,
          "group.neverExceededSizeInZone",
          () -> assertThat(group).neverExceededSizeInZone("us-east-1a", 1));
      outcome(out, "group.neverExceededCapacity", () -> assertThat(group).neverExceededCapacity(3));
      outcome(
          out,
          "group.hasCapacity",
          () -> assertThat(group).hasCapacity(PurchaseOption.ON_DEMAND, desired));
      outcome(out, "group.hasOnDemandCapacity", () -> assertThat(group).hasOnDemandCapacity(1));
      outcome(out, "group.hasSpotCapacity", () -> assertThat(group).hasSpotCapacity(0));
      outcome(out, "group.hasWarmPoolSize", () -> assertThat(group).hasWarmPoolSize(0));
      outcome(out, "group.hasWarmedInstances", () -> assertThat(group).hasWarmedInstances(0));
      outcome(
          out,
          "group.hasInstanceRefreshStatus",
          () ->
              assertThat(group)
                  .hasInstanceRefreshStatus(
                      io.github.cloudtwin.autoscaling.InstanceRefreshStatus.SUCCESSFUL));
      outcome(
          out,
          "group.hasInstanceRefreshPercentageComplete",
          () -> assertThat(group).hasInstanceRefreshPercentageComplete(100));
      outcome(
          out,
          "group.runsOnlyInstanceTypesOfLatestInstanceRefresh",
          () -> assertThat(group).runsOnlyInstanceTypesOfLatestInstanceRefresh());
      outcome(
          out,
          "group.hasPredictiveCapacityForecast",
          () ->
              assertThat(group)
                  .hasPredictiveCapacityForecast(n.policy(), java.time.Duration.ofHours(1), 2));
      outcome(
          out,
          "group.hasPredictiveScalingRaisedDesiredCapacity",
          () ->
              assertThat(group)
                  .hasPredictiveScalingRaisedDesiredCapacity(n.policy(), 4, ofMinutes(8)));
      outcome(
          out,
          "group.keptInServiceCountAtLeast",
          () -> assertThat(group).keptInServiceCountAtLeast(3, ofMinutes(1), ofMinutes(8)));
      outcome(
          out,
          "group.keptInServiceCountAtLeast other",
          () -> assertThat(group).keptInServiceCountAtLeast(5, ofMinutes(0), ofMinutes(8)));
      outcome(out, "composite.isInState", () -> assertThat(composite).isInState(composite.state()));
      outcome(
          out, "composite.isInState other", () -> assertThat(composite).isInState(AlarmState.OK));
      outcome(
          out,
          "composite.transitionedToStateAt",
          () -> assertThat(composite).transitionedToStateAt(AlarmState.OK, ofMinutes(1)));
      outcome(
          out,
          "composite.transitionedToAlarmAt",
          () -> assertThat(composite).transitionedToAlarmAt(ofMinutes(4)));
      outcome(
          out, "composite.tookActionsAt", () -> assertThat(composite).tookActionsAt(ofMinutes(4)));
      outcome(
          out,
          "composite.neverTookActionsIn",
          () -> assertThat(composite).neverTookActionsIn(AlarmState.ALARM));
      outcome(
          out,
          "composite.in",
          () -> assertThat(composite).in(twin).neverTookActionsIn(AlarmState.OK));
      outcome(
          out,
          "twin.compositeAlarm",
          () -> assertThat(twin).compositeAlarm(n.compositeAlarm()).isInState(AlarmState.ALARM));
      outcome(out, "cost.costBelow", () -> assertThat(twin).cost().costBelow(1000));
      outcome(out, "cost.costAtMost", () -> assertThat(twin).cost().costAtMost(0));
      outcome(
          out, "cost.groupCostBelow", () -> assertThat(twin).cost().groupCostBelow(n.group(), 1));
      outcome(
          out,
          "cost.policyCostBelow",
          () -> assertThat(twin).cost().policyCostBelow(n.policy(), 0));
      outcome(out, "cost.costPerHour", () -> assertThat(twin).cost().costPerHour().isPositive());
      outcome(out, "cost.totalCost", () -> assertThat(twin).cost().totalCost().isPositive());
      outcome(
          out,
          "cost.in",
          () ->
              assertThat(
                      io.github.cloudtwin.cost.Costs.of(
                          twin, io.github.cloudtwin.cost.PriceTable.awsOnDemand()))
                  .in(twin)
                  .groupCostBelow(n.group(), 0));
      outcome(out, "twin.cost", () -> assertThat(twin).cost().costBelow(0));
      outcome(out, "alarm.isInState", () -> assertThat(alarm).isInState(alarm.state()));
      outcome(
          out,
          "alarm.isInState other",
          () -> assertThat(alarm).isInState(AlarmState.INSUFFICIENT_DATA));
      outcome(
          out,
          "alarm.transitionedToAlarmAt",
          () -> assertThat(alarm).transitionedToAlarmAt(ofMinutes(4)));
      outcome(
          out,
          "alarm.transitionedToAlarmAt other",
          () -> assertThat(alarm).transitionedToAlarmAt(ofMinutes(7)));
      outcome(
          out,
          "alarm.transitionedToStateAt",
          () -> assertThat(alarm).transitionedToStateAt(AlarmState.OK, ofMinutes(2)));
      outcome(
          out,
          "alarm.transitionedToAlarmBetween",
          () -> assertThat(alarm).transitionedToAlarmBetween(ofMinutes(1), ofMinutes(8)));
      outcome(
          out,
          "alarm.transitionedToStateBetween",
          () ->
              assertThat(alarm)
                  .transitionedToStateBetween(AlarmState.OK, ofMinutes(5), ofMinutes(8)));
      outcome(
          out,
          "alarm.neverEnteredState",
          () -> assertThat(alarm).neverEnteredState(AlarmState.ALARM));
      outcome(
          out,
          "alarm.in",
          () -> assertThat(alarm).in(twin).neverEnteredState(AlarmState.INSUFFICIENT_DATA));
      outcome(out, "tg.hasHealthyTargetCount", () -> assertThat(tg).hasHealthyTargetCount(6));
      outcome(out, "tg.hasHealthyTargetCount other", () -> assertThat(tg).hasHealthyTargetCount(2));
      outcome(
          out,
          "tg.hasHealthyTargetCountInZone",
          () -> assertThat(tg).hasHealthyTargetCountInZone("us-east-1a", 2));
      outcome(
          out,
          "tg.hasHealthyTargetCountInZone other",
          () -> assertThat(tg).hasHealthyTargetCountInZone("us-east-1b", 5));
      outcome(out, "lb.routedNoRequestsTo", () -> assertThat(lb).routedNoRequestsTo("us-east-1a"));
      outcome(
          out, "lb.routedNoRequestsTo d", () -> assertThat(lb).routedNoRequestsTo("us-east-1d"));
      outcome(
          out,
          "lb.routedRequestsOnlyTo",
          () -> assertThat(lb).routedRequestsOnlyTo("us-east-1a", "us-east-1b", "us-east-1c"));
      outcome(
          out,
          "lb.routedRequestsOnlyTo other",
          () -> assertThat(lb).routedRequestsOnlyTo("us-east-1b"));
      outcome(out, "service.hasRunningTaskCount", () -> assertThat(service).hasRunningTaskCount(6));
      outcome(
          out,
          "service.hasRunningTaskCount other",
          () -> assertThat(service).hasRunningTaskCount(7));
      outcome(out, "service.hasDesiredCount", () -> assertThat(service).hasDesiredCount(6));
      outcome(out, "service.hasDesiredCount other", () -> assertThat(service).hasDesiredCount(4));
      outcome(out, "service.isSpreadAcrossZones", () -> assertThat(service).isSpreadAcrossZones());
      outcome(
          out,
          "service.isSpreadAcrossZones other",
          () -> assertThat(service).isSpreadAcrossZones("us-east-1a", "us-east-1d"));
      outcome(out, "service.reachedSteadyState", () -> assertThat(service).reachedSteadyState());
      outcome(out, "task.isRunning", () -> assertThat(task).isRunning());
      outcome(
          out,
          "task.wasStoppedWithReason",
          () -> assertThat(task).wasStoppedWithReason("Scaling test"));
      outcome(out, "instance.isRunning", () -> assertThat(instance).isRunning());
      outcome(out, "instance.in", () -> assertThat(instance).in(twin).isInZone("us-east-1z"));
      outcome(
          out,
          "instance.isInZone",
          () -> assertThat(instance).isInZone(instance.availabilityZone()));
      outcome(
          out,
          "instance.isInZone other",
          () -> assertThat(instance).in(twin).isInZone("us-east-1d"));
      outcome(
          out, "twin.group", () -> assertThat(twin).group(n.group()).hasInServiceCount(inService));
      outcome(
          out, "twin.alarm", () -> assertThat(twin).alarm(n.alarm()).isInState(AlarmState.ALARM));
      outcome(
          out,
          "twin.targetGroup",
          () -> assertThat(twin).targetGroup(n.targetGroup()).hasHealthyTargetCount(3));
      outcome(
          out,
          "twin.loadBalancer",
          () -> assertThat(twin).loadBalancer(n.loadBalancer()).routedNoRequestsTo("us-east-1c"));
      outcome(
          out,
          "twin.service",
          () -> assertThat(twin).service(n.cluster(), n.service()).hasRunningTaskCount(6));
      outcome(
          out, "twin.instance", () -> assertThat(twin).instance(instance.instanceId()).isRunning());
      outcome(
          out,
          "timeline.containsInOrder",
          () ->
              assertThat(twin.timeline())
                  .containsInOrder(
                      fact(AlarmStateChanged.class, a -> a.to() == AlarmState.ALARM)
                          .of("alarm/" + n.alarm()),
                      fact(PolicyExecuted.class).of("policy/" + n.policy()),
                      fact(DesiredCapacityChanged.class, c -> c.groupName().equals(n.group()))));
      outcome(
          out,
          "timeline.containsInOrder other",
          () ->
              assertThat(twin.timeline())
                  .containsInOrder(
                      fact(DesiredCapacityChanged.class, c -> c.to() == 6)
                          .of("group/" + n.group())));
      outcome(
          out,
          "timeline.hasEventAt",
          () ->
              assertThat(twin.timeline()).hasEventAt(ofMinutes(4), "alarm/" + n.alarm(), "ALARM"));
      outcome(
          out,
          "timeline.hasEventAt other",
          () ->
              assertThat(twin.timeline())
                  .hasEventAt(ofMinutes(1), "group/" + n.group(), "desired"));
      advice(out, n);
      twin.ecs().stopTask(n.cluster(), task.taskId(), "Scaling test");
      outcome(
          out,
          "task.wasStoppedWithReason after",
          () -> assertThat(task).wasStoppedWithReason("Scaling test"));
      outcome(out, "task.isRunning after", () -> assertThat(task).isRunning());
      experiment(out, twin, n);
      twin.advance(ofMinutes(1));
      out.add(twin.timeline().text());
      Report report = Report.builder(twin).title("awkward names").build();
      for (Chart c : report.charts()) {
        for (Series s : c.series()) out.add(c.title() + " / " + s.name() + ": " + s.points());
      }
      out.add(report.toXhtml());
    }
    comparison(out, n);
    return out;
  }

  /**
   * Advice on an estate with the story's group behind no target group but with ELB health checks:
   * the finding names the group.
   */
  private static void advice(List<String> out, Names n) {
    try (CloudTwin twin = CloudTwin.builder().seed(5).build()) {
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName(n.group())
                  .launchTemplate("lt", "1")
                  .minSize(2)
                  .maxSize(4)
                  .availabilityZones("us-east-1a", "us-east-1b")
                  .healthCheckType(io.github.cloudtwin.autoscaling.HealthCheckType.ELB)
                  .build());
      Advice advice = twin.advice();
      AdviceRule rule = AdviceRule.ELB_HEALTH_CHECK_WITHOUT_TARGET_GROUP;
      org.assertj.core.api.Assertions.assertThat(advice.findings(rule))
          .as("the estate's finding")
          .singleElement()
          .satisfies(f -> f.involves("group/" + n.group()));
      outcome(
          out,
          "advice.hasNoConfigurationWarnings",
          () -> assertThat(advice).hasNoConfigurationWarnings());
      outcome(out, "advice.hasFinding", () -> assertThat(advice).hasFinding(rule.id()));
      outcome(
          out,
          "advice.hasFinding other",
          () -> assertThat(advice).hasFinding(AdviceRule.FLAPPING_THRESHOLDS.id()));
      outcome(
          out,
          "advice.accepting",
          () ->
              assertThat(advice)
                  .accepting(rule.id(), "group/" + n.group())
                  .hasNoConfigurationWarnings());
      outcome(
          out,
          "advice.accepting other resource",
          () ->
              assertThat(advice)
                  .accepting(rule.id(), "policy/" + n.policy())
                  .hasNoConfigurationWarnings());
      outcome(
          out,
          "advice.accepting rule",
          () -> assertThat(advice).accepting(rule).hasNoConfigurationWarnings());
      outcome(
          out,
          "advice.accepting rule id",
          () -> assertThat(advice).accepting(rule.id()).hasNoConfigurationWarnings());
    }
  }

  /**
   * A resilience experiment on the story's resources: two of the group's instances terminated at +1
   * min, two of the service's tasks stopped at +2 min, under a steady load on the load balancer.
   */
  private static void experiment(List<String> out, CloudTwin twin, Names n) {
    twin.traffic().apply(n.loadBalancer(), Workload.constant(60));
    ExperimentResult r =
        twin.experiments()
            .run(
                Experiment.builder("lose-instances-and-tasks")
                    .action(
                        "terminate",
                        new FaultAction.TerminateInstances(n.group(), Selection.count(2)),
                        ofMinutes(1))
                    .action(
                        "stop-tasks",
                        new FaultAction.StopTasks(n.cluster(), n.service(), Selection.count(2)),
                        ofMinutes(2))
                    .runFor(ofMinutes(12))
                    .build());
    String group = "group/" + n.group();
    String targets = "target-group/" + n.targetGroup();
    String service = "service/" + n.cluster() + "/" + n.service();
    outcome(out, "experiment.completed", () -> assertThat(r).completed());
    outcome(out, "experiment.wasStoppedBy", () -> assertThat(r).wasStoppedBy(n.alarm()));
    outcome(out, "experiment.errorRateBelow", () -> assertThat(r).errorRateBelow(0.5));
    outcome(out, "experiment.errorRateBelow strict", () -> assertThat(r).errorRateBelow(0));
    outcome(
        out,
        "experiment.errorRateDuringBelow",
        () -> assertThat(r).errorRateDuringBelow("terminate", 0));
    outcome(
        out,
        "experiment.errorRateAfterBelow",
        () -> assertThat(r).errorRateAfterBelow("stop-tasks", 0.5));
    outcome(
        out,
        "experiment.meanResponseTimeBelow",
        () -> assertThat(r).meanResponseTimeBelow(Duration.ofMillis(1)));
    outcome(
        out,
        "experiment.meanResponseTimeDuringBelow",
        () -> assertThat(r).meanResponseTimeDuringBelow("terminate", Duration.ofMillis(1)));
    outcome(
        out,
        "experiment.meanResponseTimeAfterBelow",
        () -> assertThat(r).meanResponseTimeAfterBelow("stop-tasks", Duration.ofSeconds(5)));
    outcome(
        out,
        "experiment.p50ResponseTimeBelow",
        () -> assertThat(r).p50ResponseTimeBelow(Duration.ofSeconds(5)));
    outcome(
        out,
        "experiment.p99ResponseTimeBelow",
        () -> assertThat(r).p99ResponseTimeBelow(Duration.ofMillis(1)));
    outcome(
        out,
        "experiment.responseTimePercentileBelow",
        () -> assertThat(r).responseTimePercentileBelow(90, Duration.ofMillis(1)));
    outcome(
        out,
        "experiment.responseTimePercentileDuringBelow",
        () ->
            assertThat(r).responseTimePercentileDuringBelow("terminate", 90, Duration.ofMillis(1)));
    outcome(
        out,
        "experiment.responseTimePercentileAfterBelow",
        () ->
            assertThat(r)
                .responseTimePercentileAfterBelow("stop-tasks", 50, Duration.ofSeconds(5)));
    outcome(out, "experiment.neverBelow", () -> assertThat(r).neverBelow(group, 3));
    outcome(out, "experiment.neverBelow targets", () -> assertThat(r).neverBelow(targets, 6));
    outcome(out, "experiment.recoveredTo", () -> assertThat(r).recoveredTo(3));
    outcome(out, "experiment.recoveredTo service", () -> assertThat(r).recoveredTo(service, 6));
    outcome(
        out,
        "experiment.within",
        () -> assertThat(r).recoveredTo(group, 3).within(Duration.ofSeconds(30)));
    outcome(
        out,
        "experiment.within later",
        () -> assertThat(r).recoveredTo(targets, 6).within(ofMinutes(10)));
    outcome(out, "experiment.replacedAllLostTasks", () -> assertThat(r).replacedAllLostTasks(2));
    outcome(
        out, "experiment.replacedAllLostTasks other", () -> assertThat(r).replacedAllLostTasks(5));
  }

  /**
   * A what-if comparison of two estates built with the story's names, replaying 20 minutes of
   * requests on its load balancer; the breach target watches its group's CPU.
   */
  private static void comparison(List<String> out, Names n) {
    StringBuilder csv = new StringBuilder();
    java.time.Instant t0 = java.time.Instant.parse("2026-03-02T10:00:00Z");
    for (int m = 0; m < 20; m++)
      csv.append(t0.plusSeconds(60L * m)).append(',').append(m < 10 ? 6_000 : 36_000).append('\n');
    Comparison c =
        WhatIf.replay(
                DemandReplay.of(RecordedLoad.csv("load.csv", csv.toString()), DemandUnit.REQUESTS)
                    .onLoadBalancer(n.loadBalancer())
                    .build())
            .seed(5)
            .target(BreachTarget.groupCpuAbove(n.group(), 80))
            .compare(
                Estate.of("two", t -> estate(t, n, 2)), Estate.of("four", t -> estate(t, n, 4)));
    outcome(out, "comparison.estate", () -> assertThat(c).estate("two"));
    outcome(
        out,
        "comparison.costsNoMoreThan",
        () -> assertThat(c).estate("two").costsNoMoreThan("four"));
    outcome(
        out,
        "comparison.costsNoMoreThan other",
        () -> assertThat(c).estate("four").costsNoMoreThan("two"));
    outcome(
        out,
        "comparison.breachesNoLongerThan",
        () -> assertThat(c).estate("four").breachesNoLongerThan("two"));
    outcome(
        out,
        "comparison.breachesNoLongerThan other",
        () -> assertThat(c).estate("two").breachesNoLongerThan("four"));
    outcome(
        out,
        "comparison.breachedAtMost",
        () -> assertThat(c).estate("two").breachedAtMost(Duration.ofMinutes(1)));
  }

  /** An estate of the comparison: the story's load balancer in front of a fixed-size group. */
  private static void estate(CloudTwin twin, Names n, int size) {
    String[] zones = {"us-east-1a", "us-east-1b"};
    twin.loadBalancing()
        .createLoadBalancer(
            LoadBalancerSpec.application(n.loadBalancer()).availabilityZones(zones).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder(n.targetGroup()).build());
    twin.loadBalancing()
        .createListener(
            ListenerSpec.builder(n.loadBalancer(), 80).forwardTo(n.targetGroup()).build());
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName(n.group())
                .launchTemplate("lt", "1")
                .instanceType("m5.large")
                .minSize(size)
                .maxSize(size)
                .desiredCapacity(size)
                .availabilityZones(zones)
                .targetGroupNames(n.targetGroup())
                .build());
  }

  private static void outcome(List<String> out, String label, Runnable assertion) {
    try {
      assertion.run();
      out.add(label + ": passed");
    } catch (AssertionError e) {
      out.add(label + ": failed\n" + e.getMessage());
    }
  }
}

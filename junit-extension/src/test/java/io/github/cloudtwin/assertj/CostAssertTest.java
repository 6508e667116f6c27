package io.github.cloudtwin.assertj;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.SimpleScalingPolicy;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cost.CostReport;
import io.github.cloudtwin.cost.Costs;
import io.github.cloudtwin.cost.PriceTable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** costBelow, costPerHour and their failure text, on a group whose policy doubles it. */
class CostAssertTest {

  private static CloudTwin scaledTwin() {
    CloudTwin twin = CloudTwin.builder().seed(3).build();
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .instanceType("m5.large")
                .minSize(2)
                .maxSize(6)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    ScalingPolicy out =
        twin.autoScaling()
            .putScalingPolicy(
                SimpleScalingPolicy.builder()
                    .policyName("add-two")
                    .autoScalingGroupName("web")
                    .scalingAdjustment(2)
                    .cooldown(Duration.ofHours(2))
                    .build());
    twin.cloudWatch()
        .putMetricAlarm(
            MetricAlarmSpec.builder()
                .alarmName("cpu-high")
                .metric(MetricId.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web"))
                .period(ofMinutes(5))
                .evaluationPeriods(1)
                .threshold(80)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .alarmActions(out.asAlarmAction())
                .build());
    twin.cloudWatch()
        .inject(
            MetricInjection.metric("CPUUtilization")
                .forGroup("web")
                .between(ofMinutes(0), ofMinutes(60))
                .constant(95));
    twin.advance(Duration.ofHours(1));
    return twin;
  }

  @Test
  void aScenarioUnderItsBudgetPassesAndItsCostPerHourCanBeChecked() {
    try (CloudTwin twin = scaledTwin()) {
      CostReport r = Costs.of(twin, PriceTable.awsOnDemand());
      // four m5.large for at most an hour: under 4 x $0.096
      assertThat(twin)
          .cost()
          .costBelow(4 * 0.096)
          .costAtMost(r.totalUsd())
          .groupCostBelow("web", 0.384)
          .policyCostBelow("add-two", r.totalUsd());
      assertThat(twin)
          .cost()
          .costPerHour()
          .isCloseTo(r.totalUsd(), org.assertj.core.api.Assertions.within(1e-9));
      assertThat(r).totalCost().isPositive();
    }
  }

  @Test
  void overBudgetTheFailureSplitsTheCostAndQuotesTheLaunchesThatCostMost() {
    try (CloudTwin twin = scaledTwin()) {
      CostReport r = Costs.of(twin, PriceTable.awsOnDemand());
      assertThatThrownBy(() -> assertThat(twin).cost().costBelow(0.10))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "Expecting the scenario to cost less than $0.1000 over 1h\nbut it cost $"
                  + String.format(java.util.Locale.ROOT, "%.4f", r.totalUsd()))
          .hasMessageContaining("Per group: web $")
          .hasMessageContaining("Per policy: add-two $")
          .hasMessageContaining(", no policy $")
          .hasMessageContaining("Most expensive instances:\n  i-")
          .hasMessageContaining("m5.large in us-east-1")
          .hasMessageContaining("Prices: AWS Price List")
          .hasMessageContaining("Timeline (")
          .hasMessageContaining("launched m5.large");
      assertThatThrownBy(() -> assertThat(twin).cost().policyCostBelow("add-two", 0.01))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "Expecting the instances scaling policy \"add-two\" launched to cost less than $0.0100")
          .hasMessageContaining("launched by policy add-two")
          .hasMessageContaining("alarm/cpu-high");
      assertThatThrownBy(() -> assertThat(r).costBelow(-1)).hasMessageContaining("usd");
    }
  }

  @Test
  void aCostOfNothingIsNoEvidence() {
    try (CloudTwin twin = scaledTwin()) {
      assertThatThrownBy(() -> assertThat(twin).cost().groupCostBelow("wbe", 1.0))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "Expecting Auto Scaling group \"wbe\" to cost less than $1.0000 over 1h\n"
                  + "but nothing it names was billed: no instance (or Fargate task) ran for it, so a cost of $0 proves nothing.\n"
                  + "Prices: AWS Price List");
      assertThatThrownBy(() -> assertThat(twin).cost().policyCostBelow("add-too", 1.0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("nothing it names was billed");
    }
    try (CloudTwin empty = CloudTwin.create()) {
      empty.advance(Duration.ofHours(1));
      assertThatThrownBy(() -> assertThat(empty).cost().costBelow(1.0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("nothing it names was billed");
    }
  }
}

package io.github.cloudtwin.cloudformation;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import org.junit.jupiter.api.Test;

/** A parent stack with two nested stacks resolved from the classpath; outputs flow both ways. */
class NestedStacksTest {

  static Stack importPair(CloudTwin twin) {
    return StackImport.of(Template.classpath("templates/nested-parent.yaml"))
        .stackName("workers")
        .templateResolver(TemplateResolver.classpath("templates"))
        .importInto(twin);
  }

  static void buildPair(CloudTwin twin) {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("workers")
                .launchTemplate(
                    "workers-WorkerConfig-"
                        + Names.suffix(
                            "workers/WorkerConfig", 13, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
                    "1")
                .instanceType("c5.large")
                .detailedMonitoring(true)
                .minSize(2)
                .maxSize(8)
                .availabilityZones("us-east-1a", "us-east-1b")
                .build());
    twin.autoScaling()
        .putScalingPolicy(
            TargetTrackingScalingPolicy.builder()
                .policyName(
                    Names.generate(Names.generate("workers", "Scaling", 128), "BacklogPolicy", 255))
                .autoScalingGroupName("workers")
                .customMetric(
                    MetricId.of("Worker", "BacklogPerInstance", "AutoScalingGroupName", "workers"),
                    Statistic.AVERAGE)
                .targetValue(100)
                .build());
  }

  static void backlog(CloudTwin twin) {
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(
                    MetricId.of("Worker", "BacklogPerInstance", "AutoScalingGroupName", "workers"))
                .between(ofMinutes(1), ofMinutes(30))
                .constant(250));
    twin.advance(ofMinutes(40));
  }

  @Test
  void nestedPairBehavesExactlyLikeTheSameEstateBuiltWithBuilders() {
    CloudTwin twin =
        Estates.assertSameTimeline(
            t -> importPair(t), NestedStacksTest::buildPair, NestedStacksTest::backlog);
    assertThat(twin.autoScaling().group("workers").desiredCapacity()).isGreaterThan(2);
  }

  @Test
  void outputsOfOneNestedStackFeedTheParentAndTheParentFeedsTheOther() {
    Stack stack = importPair(Estates.twin());
    Stack network = stack.nestedStack("Network");
    assertThat(network.stackName()).startsWith("workers-Network-");
    assertThat(stack.output("Vpc")).isEqualTo(network.physicalId("Vpc"));
    assertThat(stack.autoScalingGroup("Workers").spec().availabilityZones())
        .containsExactly("us-east-1a", "us-east-1b");
    Stack scaling = stack.nestedStack("Scaling");
    assertThat(stack.output("Policy"))
        .isEqualTo(scaling.scalingPolicy("BacklogPolicy").policyArn());
    assertThat(stack.physicalId("Network"))
        .startsWith("arn:aws:cloudformation:us-east-1:123456789012:stack/workers-Network-");
    assertThat(stack.report().unmodelledProperties("WorkerConfig"))
        .containsExactly("Properties.ImageId");
  }

  @Test
  void aNestedTemplateTheResolverCannotFindFailsNamingTheResource() {
    CloudTwin twin = Estates.twin();
    assertThatThrownBy(
            () ->
                StackImport.of(Template.classpath("templates/nested-parent.yaml"))
                    .templateResolver(TemplateResolver.classpath("elsewhere"))
                    .importInto(twin))
        .hasMessageContaining("elsewhere/nested-network.yaml");
    assertThatThrownBy(
            () ->
                StackImport.of(Template.classpath("templates/nested-parent.yaml")).importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Network");
              assertThat(e.property()).isEqualTo("Properties.TemplateURL");
            });
    assertThat(twin.autoScaling().groups()).isEmpty();
  }
}

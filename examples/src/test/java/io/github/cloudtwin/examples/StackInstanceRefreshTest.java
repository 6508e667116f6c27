package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.AutoScalingInstance;
import io.github.cloudtwin.autoscaling.InstanceRefresh;
import io.github.cloudtwin.autoscaling.InstanceRefreshSpec;
import io.github.cloudtwin.autoscaling.InstanceRefreshStatus;
import io.github.cloudtwin.autoscaling.LifecycleState;
import io.github.cloudtwin.autoscaling.RefreshPreferences;
import io.github.cloudtwin.cloudformation.Stack;
import io.github.cloudtwin.cloudformation.StackImport;
import io.github.cloudtwin.cloudformation.Template;
import io.github.cloudtwin.ec2.LaunchTemplate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Story 23, a stack's group refreshed to a new launch template version never drops below 90 %
 * healthy. In production: the web tier is a CloudFormation stack (templates/refresh-web.yaml), ten
 * m5.large launched from the stack's launch template, version 1. The team moves it to m6i.large the
 * way the pipeline does: a new launch template version, then an instance refresh of the group to it
 * with MinHealthyPercentage 90. The import puts the template in the twin's EC2, so the version the
 * pipeline creates is the one the refresh rolls out. The test samples the group every ten seconds
 * of the rollout: never fewer than nine of ten InService, and every instance ends on m6i.large.
 */
class StackInstanceRefreshTest {

  @Test
  void aStacksGroupRefreshedToANewVersionNeverDropsBelowNinetyPercentInService() {
    try (CloudTwin twin = CloudTwin.builder().seed(23).build()) {
      Stack stack =
          StackImport.of(Template.classpath("templates/refresh-web.yaml"))
              .stackName("web")
              .importInto(twin);
      AutoScalingGroup web = stack.autoScalingGroup("Web");
      twin.advance(ofMinutes(1));
      assertThat(web).hasInServiceCount(10);
      assertThat(web.instances())
          .extracting(AutoScalingInstance::instanceType)
          .containsOnly("m5.large");

      // tag::stack-refresh[]
      LaunchTemplate v2 =
          twin.ec2().launchTemplates().createLaunchTemplateVersion("web-lt", "m6i.large");
      twin.autoScaling()
          .instanceRefreshes()
          .startInstanceRefresh(
              InstanceRefreshSpec.builder()
                  .autoScalingGroupName("web")
                  .desiredConfiguration("web-lt", Integer.toString(v2.latestVersion()))
                  .preferences(RefreshPreferences.builder().minHealthyPercentage(90).build())
                  .build());
      // end::stack-refresh[]
      assertThat(v2.launchTemplateId()).isEqualTo(stack.output("LaunchTemplateId"));
      Duration start = twin.elapsed();
      long fewest = inService(web);
      while (refresh(twin).status().isActive()
          && twin.elapsed().minus(start).compareTo(ofHours(1)) < 0) {
        twin.advance(ofSeconds(10));
        fewest = Math.min(fewest, inService(web));
      }

      InstanceRefresh done = refresh(twin);
      assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      // one at a time: ten batches of a 30 s boot and the group's 120 s DefaultInstanceWarmup
      assertThat(Duration.between(done.startTime(), done.endTime())).isEqualTo(ofSeconds(1500));
      assertThat(fewest).as("fewest InService of 10 during the refresh").isGreaterThanOrEqualTo(9);
      assertThat(web).keptInServiceCountAtLeast(9, start, twin.elapsed()).hasInServiceCount(10);
      assertThat(web.instances())
          .hasSize(10)
          .allSatisfy(
              i -> {
                assertThat(i.instanceType()).isEqualTo("m6i.large");
                assertThat(i.launchTemplateVersion()).isEqualTo("2");
              });
      assertThat(web.spec().launchTemplateVersion()).isEqualTo("2");
    }
  }

  private static InstanceRefresh refresh(CloudTwin twin) {
    return twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web").get(0);
  }

  private static long inService(AutoScalingGroup g) {
    return g.instances().stream()
        .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
        .count();
  }
}

package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.refresh;
import static io.github.cloudtwin.autoscaling.InstanceRefreshTest.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.LaunchTemplates;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A group launches from its launch template's version, with that version's instance type, and an
 * instance refresh to a new version replaces the fleet with instances of the new type
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-refresh-overview.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DesiredConfiguration.html).
 */
class InstanceRefreshLaunchTemplateTest {

  private final CloudTwin twin = CloudTwin.create();
  private final LaunchTemplates templates = twin.ec2().launchTemplates();

  @AfterEach
  void close() {
    twin.close();
  }

  private AutoScalingGroup groupOn(String version, int desired) {
    AutoScalingGroup g =
        twin.autoScaling()
            .createAutoScalingGroup(
                group("web", 0, 2 * desired + 2, desired)
                    .launchTemplate("web-lt", version)
                    .build());
    twin.advance(Duration.ofMinutes(1));
    assertThat(g.inServiceCount()).isEqualTo(desired);
    return g;
  }

  private List<String> types(AutoScalingGroup g) {
    return g.instances().stream().map(AutoScalingInstance::instanceType).toList();
  }

  private String start(InstanceRefreshSpec.Builder spec) {
    return twin.autoScaling()
        .instanceRefreshes()
        .startInstanceRefresh(spec.autoScalingGroupName("web").build());
  }

  // "a new version of the current launch template" as the desired configuration: every instance
  // is replaced, and "Amazon EC2 Auto Scaling updates the settings of the Auto Scaling group"
  @Test
  void aRefreshToANewVersionReplacesEveryInstanceWithItsTypeNeverBelowMinHealthy() {
    templates.createLaunchTemplate("web-lt", "t3.micro");
    AutoScalingGroup g = groupOn("1", 10);
    assertThat(types(g)).containsOnly("t3.micro");
    templates.createLaunchTemplateVersion("web-lt", "m5.large");

    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration("web-lt", "2")
            .preferences(RefreshPreferences.builder().minHealthyPercentage(90).build()));
    List<InstanceRefreshTest.Sample> samples = runToEnd(twin, Duration.ofHours(2));

    assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(9));
    assertThat(g.instances())
        .hasSize(10)
        .allSatisfy(
            i -> {
              assertThat(i.instanceType()).isEqualTo("m5.large");
              assertThat(i.launchTemplate()).isEqualTo("web-lt:2");
              assertThat(twin.ec2().instance(i.instanceId()).instanceType().name())
                  .isEqualTo("m5.large");
            });
    assertThat(g.spec().launchTemplateVersion()).isEqualTo("2");
    assertThat(g.spec().instanceType()).isEqualTo("m5.large");
  }

  // $Latest "uses the latest version of the launch template": at each launch
  @Test
  void aGroupOnLatestLaunchesTheNewestVersionAtLaunchTime() {
    templates.createLaunchTemplate("web-lt", "t3.micro");
    AutoScalingGroup g = groupOn("$Latest", 2);
    templates.createLaunchTemplateVersion("web-lt", "c5.large");
    twin.autoScaling().setDesiredCapacity("web", 3, false);
    twin.advance(Duration.ofMinutes(1));

    assertThat(g.instances())
        .extracting(AutoScalingInstance::launchTemplateVersion, AutoScalingInstance::instanceType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "t3.micro"),
            org.assertj.core.groups.Tuple.tuple("1", "t3.micro"),
            org.assertj.core.groups.Tuple.tuple("2", "c5.large"));
    assertThat(g.spec().launchTemplateVersion()).isEqualTo("$Latest");
  }

  // $Default "uses the default version": ModifyLaunchTemplate's SetDefaultVersion moves it
  @Test
  void aGroupOnDefaultLaunchesTheVersionMadeDefault() {
    templates.createLaunchTemplate("web-lt", "t3.micro");
    templates.createLaunchTemplateVersion("web-lt", "c5.large");
    AutoScalingGroup g = groupOn("$Default", 1);
    assertThat(types(g)).containsExactly("t3.micro");
    templates.modifyLaunchTemplate("web-lt", "2");
    twin.autoScaling().setDesiredCapacity("web", 2, false);
    twin.advance(Duration.ofMinutes(1));
    assertThat(types(g)).containsExactly("t3.micro", "c5.large");
  }

  // "If you start an instance refresh with skip matching, but you don't specify a desired
  // configuration, Amazon EC2 Auto Scaling checks to see if any instances match the configuration
  // that you last saved on the Auto Scaling group" (Use an instance refresh with skip matching)
  @Test
  void skipMatchingLeavesInstancesAlreadyOnTheNewVersionAndReplacesTheOthers() {
    templates.createLaunchTemplate("web-lt", "t3.micro");
    AutoScalingGroup g = groupOn("1", 3);
    List<String> old = g.instances().stream().map(AutoScalingInstance::instanceId).toList();
    templates.createLaunchTemplateVersion("web-lt", "m5.large");
    twin.autoScaling().updateLaunchTemplate("web", "web-lt", "2");
    twin.autoScaling().setDesiredCapacity("web", 5, false);
    twin.advance(Duration.ofMinutes(1));
    List<String> matching =
        g.instances().stream()
            .filter(i -> i.instanceType().equals("m5.large"))
            .map(AutoScalingInstance::instanceId)
            .toList();
    assertThat(matching).hasSize(2).doesNotContainAnyElementsOf(old);

    start(
        InstanceRefreshSpec.builder()
            .preferences(RefreshPreferences.builder().skipMatching(true).build()));
    twin.advance(Duration.ofSeconds(1));
    assertThat(refresh(twin).instancesToUpdate()).isEqualTo(3);
    runToEnd(twin, Duration.ofHours(1));

    assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    List<String> after = g.instances().stream().map(AutoScalingInstance::instanceId).toList();
    assertThat(after).hasSize(5).containsAll(matching).doesNotContainAnyElementsOf(old);
    assertThat(types(g)).containsOnly("m5.large");
  }

  // a desired $Latest is the version it names now: instances on an older one do not match
  @Test
  void skipMatchingOnLatestReplacesInstancesOfAnOlderVersion() {
    templates.createLaunchTemplate("web-lt", "t3.micro");
    AutoScalingGroup g = groupOn("$Latest", 2);
    templates.createLaunchTemplateVersion("web-lt", "m5.large");
    start(
        InstanceRefreshSpec.builder()
            .desiredConfiguration("web-lt", "$Latest")
            .preferences(RefreshPreferences.builder().skipMatching(true).build()));
    twin.advance(Duration.ofSeconds(1));
    assertThat(refresh(twin).instancesToUpdate()).isEqualTo(2);
    runToEnd(twin, Duration.ofHours(1));
    assertThat(types(g)).containsExactly("m5.large", "m5.large");
    assertThat(g.spec().launchTemplateVersion()).isEqualTo("$Latest");
  }

  // a version the template does not have is refused before anything changes
  @Test
  void aVersionTheTemplateDoesNotHaveIsRefusedNamingItAndTheVersionsItHas() {
    templates.createLaunchTemplate("web-lt", "t3.micro");
    assertThatThrownBy(
            () ->
                twin.autoScaling()
                    .createAutoScalingGroup(
                        group("web", 0, 4, 2).launchTemplate("web-lt", "3").build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("LaunchTemplate.Version")
        .hasMessageContaining("from 1 to 1");
    assertThat(twin.autoScaling().groups()).isEmpty();

    groupOn("1", 2);
    assertThatThrownBy(
            () -> start(InstanceRefreshSpec.builder().desiredConfiguration("web-lt", "2")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("DesiredConfiguration.LaunchTemplate.Version");
    assertThat(twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web")).isEmpty();
    assertThatThrownBy(() -> twin.autoScaling().updateLaunchTemplate("web", "web-lt", "$Lastest"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$Lastest");
    assertThat(twin.autoScaling().group("web").spec().launchTemplateVersion()).isEqualTo("1");
  }
}

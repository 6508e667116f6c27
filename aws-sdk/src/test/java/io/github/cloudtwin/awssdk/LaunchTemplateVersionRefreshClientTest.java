package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/**
 * A new launch template version with another instance type, rolled out by an instance refresh,
 * through the real {@code Ec2Client} and {@code AutoScalingClient}
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplateVersion.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DesiredConfiguration.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-refresh-overview.html).
 */
class LaunchTemplateVersionRefreshClientTest {

  private final CloudTwin twin = CloudTwin.create();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();
  private final Ec2Client ec2 = sdk.ec2();

  @AfterEach
  void close() {
    twin.close();
  }

  /** web-lt version 1 (t3.micro) and a group of {@code n} on {@code version}, InService. */
  private void group(String version, int n) {
    ec2.createLaunchTemplate(
        r ->
            r.launchTemplateName("web-lt")
                .launchTemplateData(d -> d.instanceType(InstanceType.T3_MICRO)));
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .minSize(0)
                .maxSize(2 * n + 2)
                .desiredCapacity(n)
                .launchTemplate(t -> t.launchTemplateName("web-lt").version(version))
                .availabilityZones("us-east-1a", "us-east-1b"));
    twin.advance(Duration.ofMinutes(2));
  }

  private LaunchTemplateVersion newVersion(InstanceType type) {
    return ec2.createLaunchTemplateVersion(
            r -> r.launchTemplateName("web-lt").launchTemplateData(d -> d.instanceType(type)))
        .launchTemplateVersion();
  }

  private List<AutoScalingInstanceDetails> instances() {
    return autoScaling.describeAutoScalingInstances().autoScalingInstances().stream()
        .filter(i -> i.autoScalingGroupName().equals("web"))
        .toList();
  }

  private void runRefresh(String id) {
    for (int i = 0; i < 120 && !status(id).equals(InstanceRefreshStatus.SUCCESSFUL); i++) {
      twin.advance(Duration.ofMinutes(1));
    }
    assertThat(status(id)).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
  }

  private InstanceRefreshStatus status(String id) {
    return autoScaling
        .describeInstanceRefreshes(r -> r.autoScalingGroupName("web").instanceRefreshIds(id))
        .instanceRefreshes()
        .get(0)
        .status();
  }

  // "Once the instance refresh succeeds, Amazon EC2 Auto Scaling updates the settings of the Auto
  // Scaling group to reflect the new desired configuration" (DesiredConfiguration)
  @Test
  void aRefreshToANewVersionReplacesEveryInstanceWithTheVersionsInstanceType() {
    group("1", 4);
    assertThat(instances())
        .extracting(AutoScalingInstanceDetails::instanceType)
        .containsOnly("t3.micro");
    assertThat(newVersion(InstanceType.M5_LARGE).versionNumber()).isEqualTo(2L);

    String id =
        autoScaling
            .startInstanceRefresh(
                r ->
                    r.autoScalingGroupName("web")
                        .desiredConfiguration(
                            d -> d.launchTemplate(t -> t.launchTemplateName("web-lt").version("2")))
                        .preferences(p -> p.minHealthyPercentage(50).instanceWarmup(60)))
            .instanceRefreshId();
    runRefresh(id);

    assertThat(instances())
        .hasSize(4)
        .allSatisfy(
            i -> {
              assertThat(i.instanceType()).isEqualTo("m5.large");
              assertThat(i.launchTemplate().launchTemplateName()).isEqualTo("web-lt");
              assertThat(i.launchTemplate().version()).isEqualTo("2");
            });
    List<Instance> running =
        ec2
            .describeInstances(
                r ->
                    r.filters(
                        f -> f.name("instance-state-name").values("running"),
                        f -> f.name("tag:aws:autoscaling:groupName").values("web")))
            .reservations()
            .stream()
            .flatMap(x -> x.instances().stream())
            .toList();
    assertThat(running)
        .hasSize(4)
        .allSatisfy(
            i -> {
              assertThat(i.instanceTypeAsString()).isEqualTo("m5.large");
              Map<String, String> tags =
                  i.tags().stream()
                      .collect(
                          Collectors.toMap(
                              software.amazon.awssdk.services.ec2.model.Tag::key,
                              software.amazon.awssdk.services.ec2.model.Tag::value));
              assertThat(tags).containsEntry("aws:ec2launchtemplate:version", "2");
            });
    assertThat(
            autoScaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
                .autoScalingGroups()
                .get(0)
                .launchTemplate()
                .version())
        .isEqualTo("2");
  }

  // "If it's enabled, Amazon EC2 Auto Scaling skips replacing instances that already use the
  // specified launch template and instance types" (StartInstanceRefresh, DesiredConfiguration)
  @Test
  void afterUpdateAutoScalingGroupSkipMatchingReplacesOnlyTheInstancesOfTheOldVersion() {
    group("1", 2);
    newVersion(InstanceType.C5_LARGE);
    autoScaling.updateAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .desiredCapacity(4)
                .launchTemplate(t -> t.launchTemplateName("web-lt").version("2")));
    twin.advance(Duration.ofMinutes(2));
    List<String> matching =
        instances().stream()
            .filter(i -> i.instanceType().equals("c5.large"))
            .map(AutoScalingInstanceDetails::instanceId)
            .toList();
    assertThat(matching).hasSize(2);

    String id =
        autoScaling
            .startInstanceRefresh(
                r ->
                    r.autoScalingGroupName("web")
                        .preferences(p -> p.skipMatching(true).minHealthyPercentage(50)))
            .instanceRefreshId();
    twin.advance(Duration.ofSeconds(1));
    assertThat(
            autoScaling
                .describeInstanceRefreshes(r -> r.autoScalingGroupName("web"))
                .instanceRefreshes()
                .get(0)
                .instancesToUpdate())
        .isEqualTo(2);
    runRefresh(id);
    assertThat(instances())
        .hasSize(4)
        .allSatisfy(i -> assertThat(i.instanceType()).isEqualTo("c5.large"))
        .extracting(AutoScalingInstanceDetails::instanceId)
        .containsAll(matching);
  }

  // $Default "uses the default version": ModifyLaunchTemplate moves it, and the group's next launch
  // takes it; DescribeLaunchTemplateVersions answers the versions named
  @Test
  void modifyLaunchTemplateMovesWhatAGroupOnDefaultLaunches() {
    group("$Default", 1);
    newVersion(InstanceType.M5_LARGE);
    var modified =
        ec2.modifyLaunchTemplate(r -> r.launchTemplateName("web-lt").defaultVersion("2"))
            .launchTemplate();
    assertThat(modified.defaultVersionNumber()).isEqualTo(2L);
    assertThat(
            ec2.describeLaunchTemplateVersions(
                    r -> r.launchTemplateName("web-lt").versions("$Default", "1"))
                .launchTemplateVersions())
        .extracting(LaunchTemplateVersion::versionNumber, LaunchTemplateVersion::defaultVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, true),
            org.assertj.core.groups.Tuple.tuple(1L, false));

    autoScaling.setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(2));
    twin.advance(Duration.ofMinutes(2));
    assertThat(instances())
        .extracting(i -> i.instanceType() + ":" + i.launchTemplate().version())
        .containsExactlyInAnyOrder("t3.micro:1", "m5.large:2");
  }

  // versions a template does not have are AWS's errors, and nothing changes
  @Test
  void versionsTheTemplateDoesNotHaveAreRefusedWithAwsErrors() {
    group("1", 1);
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .desiredConfiguration(
                                d ->
                                    d.launchTemplate(
                                        t -> t.launchTemplateName("web-lt").version("7")))))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.awsErrorDetails().errorMessage()).contains("does not have version 7");
            });
    assertThatThrownBy(
            () ->
                autoScaling.updateAutoScalingGroup(
                    r ->
                        r.autoScalingGroupName("web")
                            .launchTemplate(
                                t -> t.launchTemplateName("web-lt").version("$Lastest"))))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "Invalid launch template version: either '$Default', '$Latest', or a"
                            + " numeric version are allowed."));
    assertThatThrownBy(
            () -> ec2.modifyLaunchTemplate(r -> r.launchTemplateName("web-lt").defaultVersion("9")))
        .isInstanceOfSatisfying(
            Ec2Exception.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidLaunchTemplateId.VersionNotFound"));
    assertThat(
            autoScaling
                .describeInstanceRefreshes(r -> r.autoScalingGroupName("web"))
                .instanceRefreshes())
        .isEmpty();
    assertThat(
            autoScaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
                .autoScalingGroups()
                .get(0)
                .launchTemplate()
                .version())
        .isEqualTo("1");
  }
}

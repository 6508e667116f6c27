package io.github.cloudtwin.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.ActiveInstanceRefreshNotFoundException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshInProgressException;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.autoscaling.model.IrreversibleInstanceRefreshException;
import software.amazon.awssdk.services.autoscaling.model.RefreshStrategy;
import software.amazon.awssdk.services.autoscaling.model.ScaleInProtectedInstances;
import software.amazon.awssdk.services.autoscaling.model.StandbyInstances;

/**
 * StartInstanceRefresh, DescribeInstanceRefreshes, CancelInstanceRefresh and
 * RollbackInstanceRefresh through {@code AutoScalingClient}, over the twin's instance refreshes
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StartInstanceRefresh.html).
 */
class AutoScalingInstanceRefreshClientTest {

  private final CloudTwin twin = CloudTwin.create();
  private final AwsSdkClients sdk = AwsSdkClients.of(twin);
  private final AutoScalingClient autoScaling = sdk.autoScaling();

  @AfterEach
  void close() {
    twin.close();
  }

  /** A group of four on web-lt version 1, and a version 2 to refresh to. */
  private void group() {
    sdk.launchTemplates().create("web-lt", "t3.micro");
    sdk.launchTemplates().createVersion(null, "web-lt", "t3.micro");
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .minSize(1)
                .maxSize(8)
                .desiredCapacity(4)
                .launchTemplate(t -> t.launchTemplateName("web-lt").version("1"))
                .availabilityZones("us-east-1a", "us-east-1b"));
    twin.advance(Duration.ofMinutes(5));
  }

  private String startToVersionTwo() {
    return autoScaling
        .startInstanceRefresh(
            r ->
                r.autoScalingGroupName("web")
                    .desiredConfiguration(
                        d -> d.launchTemplate(t -> t.launchTemplateName("web-lt").version("2")))
                    .preferences(p -> p.minHealthyPercentage(50).instanceWarmup(60)))
        .instanceRefreshId();
  }

  private InstanceRefresh describe(String id) {
    return autoScaling
        .describeInstanceRefreshes(r -> r.autoScalingGroupName("web").instanceRefreshIds(id))
        .instanceRefreshes()
        .get(0);
  }

  private List<Instance> instances() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
        .autoScalingGroups()
        .get(0)
        .instances();
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstanceRefresh.html
  @Test
  void aRefreshWithPreferencesRunsOnVirtualTimeToSuccessfulAndIsDescribedWhole() {
    group();
    String id =
        autoScaling
            .startInstanceRefresh(
                r ->
                    r.autoScalingGroupName("web")
                        .strategy(RefreshStrategy.ROLLING)
                        .desiredConfiguration(
                            d ->
                                d.launchTemplate(
                                    t -> t.launchTemplateName("web-lt").version("$Latest")))
                        .preferences(
                            p ->
                                p.minHealthyPercentage(50)
                                    .maxHealthyPercentage(150)
                                    .instanceWarmup(60)
                                    .checkpointPercentages(50, 100)
                                    .checkpointDelay(300)
                                    .skipMatching(true)
                                    .scaleInProtectedInstances(ScaleInProtectedInstances.REFRESH)
                                    .standbyInstances(StandbyInstances.TERMINATE)
                                    .bakeTime(120)))
            .instanceRefreshId();
    assertThat(id).isNotBlank();

    twin.advance(Duration.ofSeconds(1));
    InstanceRefresh running = describe(id);
    assertThat(running.status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
    assertThat(running.endTime()).isNull();
    assertThat(running.percentageComplete()).isZero();
    assertThat(running.instancesToUpdate()).isBetween(1, 4);

    twin.advance(Duration.ofMinutes(30));

    InstanceRefresh done = describe(id);
    assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(done.percentageComplete()).isEqualTo(100);
    assertThat(done.instancesToUpdate()).isZero();
    assertThat(done.progressDetails().livePoolProgress().percentageComplete()).isEqualTo(100);
    assertThat(done.progressDetails().livePoolProgress().instancesToUpdate()).isZero();
    assertThat(done.startTime()).isBefore(done.endTime());
    assertThat(done.strategy()).isEqualTo(RefreshStrategy.ROLLING);
    assertThat(done.rollbackDetails()).isNull();
    // the desired configuration as given; its instances launched the version $Latest named
    assertThat(done.desiredConfiguration().launchTemplate().launchTemplateName())
        .isEqualTo("web-lt");
    assertThat(done.desiredConfiguration().launchTemplate().version()).isEqualTo("$Latest");
    var p = done.preferences();
    assertThat(p.minHealthyPercentage()).isEqualTo(50);
    assertThat(p.maxHealthyPercentage()).isEqualTo(150);
    assertThat(p.instanceWarmup()).isEqualTo(60);
    assertThat(p.checkpointPercentages()).containsExactly(50, 100);
    assertThat(p.checkpointDelay()).isEqualTo(300);
    assertThat(p.skipMatching()).isTrue();
    assertThat(p.autoRollback()).isFalse();
    assertThat(p.scaleInProtectedInstances()).isEqualTo(ScaleInProtectedInstances.REFRESH);
    assertThat(p.standbyInstances()).isEqualTo(StandbyInstances.TERMINATE);
    assertThat(p.bakeTime()).isEqualTo(120);

    assertThat(instances())
        .hasSize(4)
        .allSatisfy(i -> assertThat(i.launchTemplate().version()).isEqualTo("2"));
    assertThat(
            autoScaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web"))
                .autoScalingGroups()
                .get(0)
                .launchTemplate()
                .version())
        .isEqualTo("$Latest");
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeInstanceRefreshes.html
  @Test
  void describePagesNewestFirstAndFiltersByIds() {
    group();
    String first = startToVersionTwo();
    autoScaling.cancelInstanceRefresh(
        r -> r.autoScalingGroupName("web").waitForTransitioningInstances(false));
    String second = startToVersionTwo();
    autoScaling.cancelInstanceRefresh(
        r -> r.autoScalingGroupName("web").waitForTransitioningInstances(false));
    String third = startToVersionTwo();

    DescribeInstanceRefreshesResponse page1 =
        autoScaling.describeInstanceRefreshes(r -> r.autoScalingGroupName("web").maxRecords(2));
    assertThat(page1.instanceRefreshes())
        .extracting(InstanceRefresh::instanceRefreshId)
        .containsExactly(third, second);
    assertThat(page1.nextToken()).isNotNull();
    DescribeInstanceRefreshesResponse page2 =
        autoScaling.describeInstanceRefreshes(
            r -> r.autoScalingGroupName("web").maxRecords(2).nextToken(page1.nextToken()));
    assertThat(page2.instanceRefreshes())
        .extracting(InstanceRefresh::instanceRefreshId)
        .containsExactly(first);
    assertThat(page2.nextToken()).isNull();

    assertThat(
            autoScaling
                .describeInstanceRefreshesPaginator(
                    r -> r.autoScalingGroupName("web").maxRecords(1))
                .stream()
                .flatMap(page -> page.instanceRefreshes().stream())
                .map(InstanceRefresh::instanceRefreshId))
        .containsExactly(third, second, first);
    assertThat(
            autoScaling
                .describeInstanceRefreshes(
                    r -> r.autoScalingGroupName("web").instanceRefreshIds(first, "unknown"))
                .instanceRefreshes())
        .extracting(InstanceRefresh::instanceRefreshId, InstanceRefresh::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, InstanceRefreshStatus.CANCELLED));

    assertThatThrownBy(
            () ->
                autoScaling.describeInstanceRefreshes(
                    r -> r.autoScalingGroupName("web").maxRecords(101)))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
        .hasMessageContaining("maxRecords")
        .hasMessageContaining("101");
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CancelInstanceRefresh.html
  @Test
  void cancelStopsTheRefreshAndKeepsTheGroupsLaunchTemplate() {
    group();
    String id = startToVersionTwo();
    twin.advance(Duration.ofSeconds(30));

    String cancelled =
        autoScaling.cancelInstanceRefresh(r -> r.autoScalingGroupName("web")).instanceRefreshId();
    assertThat(cancelled).isEqualTo(id);
    assertThat(describe(id).status())
        .isIn(InstanceRefreshStatus.CANCELLING, InstanceRefreshStatus.CANCELLED);
    twin.advance(Duration.ofMinutes(10));
    InstanceRefresh r = describe(id);
    assertThat(r.status()).isEqualTo(InstanceRefreshStatus.CANCELLED);
    assertThat(r.endTime()).isNotNull();
    assertThat(
            autoScaling
                .describeAutoScalingGroups(q -> q.autoScalingGroupNames("web"))
                .autoScalingGroups()
                .get(0)
                .launchTemplate()
                .version())
        .isEqualTo("1");

    assertThatThrownBy(() -> autoScaling.cancelInstanceRefresh(q -> q.autoScalingGroupName("web")))
        .isInstanceOfSatisfying(
            ActiveInstanceRefreshNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode())
                  .isEqualTo("ActiveInstanceRefreshNotFound");
            })
        .hasMessageContaining("web");
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_RollbackInstanceRefresh.html
  @Test
  void rollbackReturnsTheGroupToItsPreviousConfigurationWithRollbackDetails() {
    group();
    String id = startToVersionTwo();
    for (int i = 0; i < 120 && describe(id).percentageComplete() == 0; i++) {
      twin.advance(Duration.ofSeconds(15));
    }
    assertThat(describe(id).percentageComplete()).isBetween(1, 99);
    assertThat(instances())
        .anySatisfy(i -> assertThat(i.launchTemplate().version()).isEqualTo("2"));

    assertThat(
            autoScaling
                .rollbackInstanceRefresh(r -> r.autoScalingGroupName("web"))
                .instanceRefreshId())
        .isEqualTo(id);
    InstanceRefresh rolling = describe(id);
    assertThat(rolling.status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);
    assertThat(rolling.rollbackDetails().rollbackReason()).isNotBlank();
    assertThat(rolling.rollbackDetails().rollbackStartTime()).isEqualTo(twin.now());
    assertThat(rolling.rollbackDetails().percentageCompleteOnRollback())
        .isEqualTo(
            rolling
                .rollbackDetails()
                .progressDetailsOnRollback()
                .livePoolProgress()
                .percentageComplete())
        .isPositive();

    twin.advance(Duration.ofMinutes(30));
    assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_SUCCESSFUL);
    assertThat(instances())
        .hasSize(4)
        .allSatisfy(i -> assertThat(i.launchTemplate().version()).isEqualTo("1"));
  }

  @Test
  void aRefreshWithoutDesiredConfigurationCannotBeRolledBack() {
    group();
    autoScaling.startInstanceRefresh(r -> r.autoScalingGroupName("web"));
    assertThatThrownBy(
            () -> autoScaling.rollbackInstanceRefresh(r -> r.autoScalingGroupName("web")))
        .isInstanceOfSatisfying(
            IrreversibleInstanceRefreshException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IrreversibleInstanceRefresh");
            })
        .hasMessageContaining("no desired configuration");
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StartInstanceRefresh.html, Errors
  @Test
  void aSecondRefreshWhileOneIsActiveIsRefusedWithInstanceRefreshInProgress() {
    group();
    String id = startToVersionTwo();
    assertThatThrownBy(this::startToVersionTwo)
        .isInstanceOfSatisfying(
            InstanceRefreshInProgressException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InstanceRefreshInProgress");
            })
        .hasMessageContaining(id);
    assertThat(
            autoScaling
                .describeInstanceRefreshes(r -> r.autoScalingGroupName("web"))
                .instanceRefreshes())
        .hasSize(1);
  }

  @Test
  void badInputIsAValidationErrorNamingFieldAndValueAndStartsNothing() {
    group();
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .preferences(p -> p.minHealthyPercentage(120))))
        .isInstanceOfSatisfying(
            AutoScalingException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
        .hasMessageContaining("MinHealthyPercentage")
        .hasMessageContaining("120");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .preferences(p -> p.standbyInstances("Sleep"))))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("StandbyInstances")
        .hasMessageContaining("Sleep")
        .hasMessageContaining("Terminate, Ignore, Wait");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r -> r.autoScalingGroupName("web").preferences(p -> p.instanceWarmup(-5))))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("InstanceWarmup");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .preferences(p -> p.alarmSpecification(a -> a.alarms("no-such")))))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("AlarmSpecification.Alarms")
        .hasMessageContaining("no-such");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r -> r.autoScalingGroupName("web").strategy("Blue")))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("strategy")
        .hasMessageContaining("Blue")
        .hasMessageContaining("[Rolling, ReplaceRootVolume]");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .desiredConfiguration(
                                d ->
                                    d.launchTemplate(
                                        t -> t.launchTemplateName("web-lt").version("9")))))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("does not have version 9");
    assertThatThrownBy(() -> autoScaling.startInstanceRefresh(r -> r.autoScalingGroupName("nope")))
        .isInstanceOf(AutoScalingException.class)
        .hasMessageContaining("AutoScalingGroup 'nope' not found");

    assertThat(
            autoScaling
                .describeInstanceRefreshes(r -> r.autoScalingGroupName("web"))
                .instanceRefreshes())
        .isEmpty();
  }

  @Test
  void replaceRootVolumeAndAPerOverrideLaunchTemplateAreNotSimulated() {
    group();
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .strategy(RefreshStrategy.REPLACE_ROOT_VOLUME)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("ReplaceRootVolume")
        .hasMessageContaining("not simulated");
    assertThatThrownBy(
            () ->
                autoScaling.startInstanceRefresh(
                    r ->
                        r.autoScalingGroupName("web")
                            .desiredConfiguration(
                                d ->
                                    d.mixedInstancesPolicy(
                                        m ->
                                            m.launchTemplate(
                                                lt ->
                                                    lt.launchTemplateSpecification(
                                                            s -> s.launchTemplateName("web-lt"))
                                                        .overrides(
                                                            o ->
                                                                o.instanceType("c5.large")
                                                                    .launchTemplateSpecification(
                                                                        s ->
                                                                            s.launchTemplateName(
                                                                                "web-lt"))))))))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Overrides[0].LaunchTemplateSpecification")
        .hasMessageContaining("not simulated");
    assertThat(
            autoScaling
                .describeInstanceRefreshes(r -> r.autoScalingGroupName("web"))
                .instanceRefreshes())
        .isEmpty();
  }
}

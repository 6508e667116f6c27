package io.github.cloudtwin.autoscaling;

import static io.github.cloudtwin.autoscaling.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.kernel.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instance refresh with AWS's numbers: batches bounded by the minimum and maximum healthy
 * percentages, warm-up before an instance counts, checkpoints, completion and the desired
 * configuration taken on by the group.
 */
class InstanceRefreshTest {

  static final Duration STEP = Duration.ofSeconds(5);

  /** A group of {@code n} on lt-web:1 (boot 30 s, no warm-up or grace) after it is InService. */
  static CloudTwin twinWith(int n) {
    CloudTwin twin = CloudTwin.create();
    twin.autoScaling().createAutoScalingGroup(group("web", 0, 2 * n + 2, n).build());
    twin.advance(Duration.ofMinutes(1));
    assertThat(twin.autoScaling().group("web").inServiceCount()).isEqualTo(n);
    return twin;
  }

  static String start(CloudTwin twin, RefreshPreferences prefs) {
    return twin.autoScaling()
        .instanceRefreshes()
        .startInstanceRefresh(
            InstanceRefreshSpec.builder()
                .autoScalingGroupName("web")
                .desiredConfiguration("lt-web", "2")
                .preferences(prefs)
                .build());
  }

  static InstanceRefresh refresh(CloudTwin twin) {
    return twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web").get(0);
  }

  /** InService and launching (Pending*) instances, and those on lt-web:2, at one instant. */
  record Sample(int inService, int launchedOrInService, int onNew) {}

  static Sample sample(CloudTwin twin) {
    int inService = 0;
    int live = 0;
    int onNew = 0;
    for (AutoScalingInstance i : twin.autoScaling().group("web").instances()) {
      switch (i.lifecycleState()) {
        case IN_SERVICE -> {
          inService++;
          live++;
        }
        case PENDING, PENDING_WAIT, PENDING_PROCEED -> live++;
        default -> {}
      }
      if (i.launchTemplateVersion().equals("2")) onNew++;
    }
    return new Sample(inService, live, onNew);
  }

  /** Advances in 5 s steps until the refresh is no longer active, sampling the group each step. */
  static List<Sample> runToEnd(CloudTwin twin, Duration limit) {
    List<Sample> samples = new ArrayList<>();
    Duration waited = Duration.ZERO;
    while (refresh(twin).status().isActive() && waited.compareTo(limit) < 0) {
      twin.advance(STEP);
      waited = waited.plus(STEP);
      samples.add(sample(twin));
    }
    return samples;
  }

  static List<Integer> batchSizes(CloudTwin twin) {
    List<Integer> sizes = new ArrayList<>();
    for (TimelineEvent e : twin.timeline().events(AutoScalingFact.InstanceRefreshReplacing.class)) {
      sizes.add(((AutoScalingFact.InstanceRefreshReplacing) e.fact()).instanceIds().size());
    }
    return sizes;
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/understand-instance-refresh-default-values.html:
  // MinHealthyPercentage 90 and MaxHealthyPercentage 100 by default; 10 instances keep 9 healthy,
  // so the refresh terminates one, waits for its replacement, then the next
  @Test
  void theDefaultsReplaceTenInstancesOneAtATimeKeepingNineInService() {
    try (CloudTwin twin = twinWith(10)) {
      start(twin, RefreshPreferences.defaults());
      List<Sample> samples = runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(9));
      assertThat(samples)
          .allSatisfy(s -> assertThat(s.launchedOrInService()).isLessThanOrEqualTo(10));
      assertThat(batchSizes(twin)).hasSize(10).containsOnly(1);
      assertThat(sample(twin).onNew()).isEqualTo(10);
      assertThat(refresh(twin).percentageComplete()).isEqualTo(100);
      assertThat(refresh(twin).instancesToUpdate()).isZero();
      // the desired configuration is the group's once the refresh succeeds
      assertThat(twin.autoScaling().group("web").spec().launchTemplateVersion()).isEqualTo("2");
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-adding-checkpoints-instance-refresh.html:
  // "an Auto Scaling group that has 10 instances ... the minimum healthy percentage is 80 percent,
  // and the maximum healthy percentage is 100 percent. To maintain the minimum healthy percentage,
  // only two instances can be replaced at a time."
  @Test
  void eightyPercentMinimumReplacesTenInstancesTwoAtATime() {
    try (CloudTwin twin = twinWith(10)) {
      start(twin, RefreshPreferences.builder().minHealthyPercentage(80).build());
      List<Sample> samples = runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(batchSizes(twin)).containsExactly(2, 2, 2, 2, 2);
      assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(8));
    }
  }

  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/instance-refresh-overview.html: with a
  // maximum healthy percentage above 100 new instances launch before old ones terminate; 100/110
  // on 10 instances never has fewer than 10 InService nor more than 11 running
  @Test
  void minimumHundredMaximumHundredTenLaunchesBeforeTerminating() {
    try (CloudTwin twin = twinWith(10)) {
      start(
          twin,
          RefreshPreferences.builder().minHealthyPercentage(100).maxHealthyPercentage(110).build());
      List<Sample> samples = runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(10));
      assertThat(samples)
          .allSatisfy(s -> assertThat(s.launchedOrInService()).isLessThanOrEqualTo(11));
      assertThat(samples).anySatisfy(s -> assertThat(s.launchedOrInService()).isEqualTo(11));
      assertThat(sample(twin).onNew()).isEqualTo(10);
      assertThat(twin.autoScaling().group("web").instances()).hasSize(10);
    }
  }

  // RefreshPreferences, MaxHealthyPercentage: "A larger range increases the number of instances
  // that can be replaced at the same time": 50/150 replaces half of 10 at once, launching five
  // ahead, and never runs more than 15
  @Test
  void fiftyToHundredFiftyReplacesHalfTheGroupAtOnce() {
    try (CloudTwin twin = twinWith(10)) {
      start(
          twin,
          RefreshPreferences.builder().minHealthyPercentage(50).maxHealthyPercentage(150).build());
      List<Sample> samples = runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(samples)
          .allSatisfy(s -> assertThat(s.launchedOrInService()).isLessThanOrEqualTo(15));
      assertThat(samples).allSatisfy(s -> assertThat(s.inService()).isGreaterThanOrEqualTo(5));
      // five above the minimum go at once while ten launch (five of them ahead of the rest)
      assertThat(batchSizes(twin)).containsExactly(5, 5);
      assertThat(samples).anySatisfy(s -> assertThat(s.launchedOrInService()).isEqualTo(15));
      assertThat(sample(twin).onNew()).isEqualTo(10);
    }
  }

  // RefreshPreferences, MinHealthyPercentage: "Setting the minimum healthy percentage to 100
  // percent limits the rate of replacement to one instance at a time"
  @Test
  void minimumHundredWithoutHeadroomStillReplacesOneAtATime() {
    try (CloudTwin twin = twinWith(4)) {
      start(twin, RefreshPreferences.builder().minHealthyPercentage(100).build());
      runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(batchSizes(twin)).containsExactly(1, 1, 1, 1);
    }
  }

  // InstanceRefresh.PercentageComplete: "When the instance's health status changes to healthy and
  // the specified warm-up time passes, the instance is considered updated and is added to the
  // percentage complete"
  @Test
  void aReplacementCountsOnlyOnceItsWarmUpHasPassed() {
    try (CloudTwin twin = twinWith(2)) {
      start(
          twin,
          RefreshPreferences.builder()
              .minHealthyPercentage(50)
              .instanceWarmup(Duration.ofSeconds(300))
              .build());
      twin.advance(Duration.ofSeconds(1)); // Pending -> InProgress: one of two taken out
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
      twin.advance(Duration.ofSeconds(60)); // the replacement is InService, warming up
      assertThat(sample(twin).inService()).isEqualTo(2);
      assertThat(refresh(twin).percentageComplete()).isZero();
      assertThat(refresh(twin).instancesToUpdate()).isEqualTo(2);
      assertThat(refresh(twin).statusReason()).startsWith("Waiting for instances to warm up");
      assertThat(batchSizes(twin)).containsExactly(1); // the second waits for the warm-up
      twin.advance(Duration.ofSeconds(300)); // 30 s boot + 300 s warm-up have passed
      assertThat(refresh(twin).percentageComplete()).isEqualTo(50);
      assertThat(refresh(twin).instancesToUpdate()).isEqualTo(1);
      assertThat(batchSizes(twin)).containsExactly(1, 1);
    }
  }

  // understand-instance-refresh-default-values.html: "Instance warmup: The default instance
  // warmup, if defined, or the health check grace period otherwise"
  @Test
  void theWarmUpDefaultsToTheGroupsDefaultInstanceWarmupThenItsGracePeriod() {
    AutoScalingGroupSpec both =
        group("g", 0, 1, 1)
            .defaultInstanceWarmup(Duration.ofSeconds(120))
            .healthCheckGracePeriod(Duration.ofSeconds(300))
            .build();
    AutoScalingGroupSpec grace =
        group("g", 0, 1, 1).healthCheckGracePeriod(Duration.ofSeconds(300)).build();
    RefreshPreferences none = RefreshPreferences.defaults();
    RefreshPreferences own =
        RefreshPreferences.builder().instanceWarmup(Duration.ofSeconds(7)).build();
    assertThat(RefreshRules.warmup(both, none)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RefreshRules.warmup(grace, none)).isEqualTo(Duration.ofSeconds(300));
    assertThat(RefreshRules.warmup(both, own)).isEqualTo(Duration.ofSeconds(7));
  }

  // asg-adding-checkpoints-instance-refresh.html: checkpoints [20, 50, 100] on 10 instances at 80
  // percent: the refresh pauses at 20 % (two replaced and warmed up) for CheckpointDelay, default
  // 3600 s, starting no replacement meanwhile
  @Test
  void aCheckpointPausesForTheCheckpointDelayWithNoReplacementMeanwhile() {
    try (CloudTwin twin = twinWith(10)) {
      start(
          twin,
          RefreshPreferences.builder()
              .minHealthyPercentage(80)
              .checkpointPercentages(20, 50, 100)
              .build());
      twin.advance(Duration.ofMinutes(2));
      InstanceRefresh r = refresh(twin);
      assertThat(r.percentageComplete()).isEqualTo(20);
      assertThat(r.instancesToUpdate()).isEqualTo(8);
      assertThat(r.status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
      assertThat(r.statusReason()).contains("Checkpoint 20 % reached").contains("3600 seconds");
      assertThat(batchSizes(twin)).containsExactly(2);
      twin.advance(Duration.ofMinutes(55));
      assertThat(batchSizes(twin)).containsExactly(2); // still paused
      twin.advance(Duration.ofMinutes(5)); // one hour after the checkpoint: on to 50 %
      assertThat(batchSizes(twin)).containsExactly(2, 2, 1);
      assertThat(twin.timeline().events(AutoScalingFact.InstanceRefreshCheckpointReached.class))
          .hasSize(2);
      assertThat(refresh(twin).percentageComplete()).isEqualTo(50);
      runToEnd(twin, Duration.ofHours(3));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(sample(twin).onNew()).isEqualTo(10);
    }
  }

  // asg-adding-checkpoints-instance-refresh.html: "The percentage of the Auto Scaling group that
  // needs to be successfully replaced is indicated by the last value shown in the
  // CheckpointPercentages array": a last checkpoint of 50 ends the refresh with half replaced
  @Test
  void aLastCheckpointBelowHundredEndsTheRefreshThere() {
    try (CloudTwin twin = twinWith(4)) {
      start(
          twin,
          RefreshPreferences.builder()
              .minHealthyPercentage(50)
              .checkpointPercentages(50)
              .checkpointDelay(Duration.ofSeconds(60))
              .build());
      runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(sample(twin).onNew()).isEqualTo(2);
    }
  }

  // RefreshPreferences.SkipMatching: "Amazon EC2 Auto Scaling skips replacing instances that match
  // the desired configuration"
  @Test
  void skipMatchingLeavesInstancesAlreadyOnTheDesiredConfiguration() {
    try (CloudTwin twin = twinWith(2)) {
      twin.autoScaling().updateLaunchTemplate("web", "lt-web", "2");
      twin.autoScaling().updateAutoScalingGroup("web", null, null, 4);
      twin.advance(Duration.ofMinutes(1));
      List<String> onNew =
          twin.autoScaling().group("web").instances().stream()
              .filter(i -> i.launchTemplateVersion().equals("2"))
              .map(AutoScalingInstance::instanceId)
              .toList();
      assertThat(onNew).hasSize(2);
      start(twin, RefreshPreferences.builder().skipMatching(true).build());
      twin.advance(Duration.ofSeconds(1));
      assertThat(refresh(twin).instancesToUpdate()).isEqualTo(2);
      runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(twin.autoScaling().group("web").instances())
          .extracting(AutoScalingInstance::instanceId)
          .containsAll(onNew);
      assertThat(sample(twin).onNew()).isEqualTo(4);
    }
  }

  // without SkipMatching every instance is replaced, those already on the configuration too
  @Test
  void withoutSkipMatchingEveryInstanceIsReplaced() {
    try (CloudTwin twin = twinWith(3)) {
      List<String> before =
          twin.autoScaling().group("web").instances().stream()
              .map(AutoScalingInstance::instanceId)
              .toList();
      twin.autoScaling()
          .instanceRefreshes()
          .startInstanceRefresh(InstanceRefreshSpec.builder().autoScalingGroupName("web").build());
      runToEnd(twin, Duration.ofHours(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(twin.autoScaling().group("web").instances())
          .extracting(AutoScalingInstance::instanceId)
          .doesNotContainAnyElementsOf(before);
    }
  }

  // StartInstanceRefresh returns at once with the refresh Pending: "The request was created, but
  // the instance refresh has not started"
  @Test
  void aRefreshIsPendingUntilTheNextEventThenInProgress() {
    try (CloudTwin twin = twinWith(2)) {
      String id = start(twin, RefreshPreferences.defaults());
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.PENDING);
      assertThat(refresh(twin).instanceRefreshId()).isEqualTo(id);
      twin.advance(Duration.ofSeconds(1));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
      assertThat(twin.autoScaling().instanceRefreshes().describeInstanceRefresh("web", id).status())
          .isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
    }
  }

  // RefreshPreferences.BakeTime: "The amount of time, in seconds, to wait at the end of an
  // instance refresh before the instance refresh is considered complete" (status Baking)
  @Test
  void bakeTimeHoldsTheRefreshInBakingBeforeSuccessful() {
    try (CloudTwin twin = twinWith(1)) {
      start(twin, RefreshPreferences.builder().bakeTime(Duration.ofMinutes(10)).build());
      twin.advance(Duration.ofMinutes(2));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.BAKING);
      assertThat(refresh(twin).percentageComplete()).isEqualTo(100);
      twin.advance(Duration.ofMinutes(10));
      assertThat(refresh(twin).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
      assertThat(refresh(twin).endTime()).isNotNull();
    }
  }

  // DescribeInstanceRefreshes: "sorted by creation timestamp in descending order"
  @Test
  void describeListsTheNewestRefreshFirst() {
    try (CloudTwin twin = twinWith(1)) {
      String first = start(twin, RefreshPreferences.defaults());
      runToEnd(twin, Duration.ofHours(1));
      String second = start(twin, RefreshPreferences.defaults());
      assertThat(twin.autoScaling().instanceRefreshes().describeInstanceRefreshes("web"))
          .extracting(InstanceRefresh::instanceRefreshId)
          .containsExactly(second, first);
    }
  }

  // the kernel's promise: same configuration and seed, byte-identical timeline
  @Test
  void theSameRefreshGivesTheSameTimelineOnEveryRun() {
    List<String> texts = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (CloudTwin twin = twinWith(6)) {
        start(
            twin,
            RefreshPreferences.builder()
                .minHealthyPercentage(50)
                .maxHealthyPercentage(120)
                .checkpointPercentages(50, 100)
                .checkpointDelay(Duration.ofMinutes(10))
                .build());
        runToEnd(twin, Duration.ofHours(2));
        texts.add(twin.timeline().text());
      }
    }
    assertThat(texts.get(0)).contains("InProgress -> Successful").isEqualTo(texts.get(1));
  }
}

package io.github.cloudtwin.autoscaling;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Kernel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activity log alone: facts, listener calls and the cooldown batch, on a bare kernel. */
class ActivityLogTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Kernel kernel = new Kernel(T0, 42);
  private final GroupState state = new GroupState("web", kernel);
  private final List<String> heard = new ArrayList<>();
  private final List<Instant> cooldownEnds = new ArrayList<>();
  private int nextId;
  private final ActivityLog log;

  ActivityLogTest() {
    ActivityListeners listeners = new ActivityListeners();
    listeners.add(
        new ScalingActivityListener() {
          @Override
          public void activityStarted(ScalingActivity a) {
            heard.add("started " + a.activityId() + " " + a.statusCode());
          }

          @Override
          public void activityCompleted(ScalingActivity a) {
            heard.add("completed " + a.activityId() + " " + a.statusCode());
          }
        });
    log = new ActivityLog(state, () -> "id-" + nextId++, listeners, cooldownEnds::add);
  }

  @Test
  void anActivityRecordsItsStartAndEndAndTellsTheListenersWithItsStatusAtEachStep() {
    Activity a =
        log.start(
            "Terminating EC2 instance: i-1",
            "At ... a user request.",
            null,
            ActivityStatus.InProgress);
    kernel.advance(ofMinutes(2));
    log.end(a, ActivityStatus.Successful);

    assertThat(log.activities).containsExactly(a);
    assertThat(a.activityId).isEqualTo("id-0");
    assertThat(a.startTime).isEqualTo(T0);
    assertThat(a.endTime).isEqualTo(T0.plus(ofMinutes(2)));
    assertThat(kernel.timeline().events(AutoScalingFact.ScalingActivityStarted.class))
        .singleElement()
        .satisfies(e -> assertThat(e.id()).isEqualTo(a.timelineEventId));
    assertThat(kernel.timeline().events(AutoScalingFact.ScalingActivityEnded.class)).hasSize(1);
    assertThat(heard).containsExactly("started id-0 InProgress", "completed id-0 Successful");
  }

  @Test
  void failedLaunchesAndTheProtectedNoticeEndWithoutAnEndedFact() {
    log.end(
        log.start(
            "Launching a new EC2 instance.  Status Reason: no capacity",
            "c",
            null,
            "us-east-1a",
            ActivityStatus.Failed),
        ActivityStatus.Failed);
    log.end(
        log.start(
            "Could not scale to desired capacity because all remaining instances are protected from scale-in.",
            "c",
            null,
            ActivityStatus.Failed),
        ActivityStatus.Failed);

    assertThat(kernel.timeline().events(AutoScalingFact.ScalingActivityStarted.class)).hasSize(2);
    assertThat(kernel.timeline().events(AutoScalingFact.ScalingActivityEnded.class)).isEmpty();
    assertThat(log.activities.get(0).zone).isEqualTo("us-east-1a");
  }

  @Test
  void theCooldownStartsWhenTheLastActivityOfItsBatchEnds() {
    log.collectCooldown(true);
    Activity first =
        log.start("Launching a new EC2 instance: i-1", "c", null, ActivityStatus.PreInService);
    Activity second =
        log.start("Launching a new EC2 instance: i-2", "c", null, ActivityStatus.PreInService);
    log.collectCooldown(false);
    Activity outside =
        log.start("Launching a new EC2 instance: i-3", "c", null, ActivityStatus.PreInService);
    log.cooldownAfterBatch(ofMinutes(5));
    assertThat(log.batchOpen()).isTrue();

    kernel.advance(ofMinutes(1));
    log.end(first, ActivityStatus.Successful);
    log.end(outside, ActivityStatus.Successful);
    assertThat(cooldownEnds).isEmpty();
    assertThat(log.batchOpen()).isTrue();

    kernel.advance(ofMinutes(2));
    log.end(second, ActivityStatus.Successful);
    assertThat(cooldownEnds).containsExactly(T0.plus(ofMinutes(3 + 5)));
    assertThat(log.batchOpen()).isFalse();
  }

  @Test
  void anActivityThatStartsDoneDoesNotJoinTheBatch() {
    log.collectCooldown(true);
    log.start(
        "Launching a new EC2 instance.  Status Reason: no capacity",
        "c",
        null,
        ActivityStatus.Failed);
    assertThat(log.batchOpen()).isFalse();
  }

  @Test
  void settingTheStatusOfAnEndedActivityOrOfNoneChangesNothing() {
    Activity a = log.start("Terminating EC2 instance: i-1", "c", null, ActivityStatus.InProgress);
    log.setStatus(a, ActivityStatus.WaitingForELBConnectionDraining);
    assertThat(a.status).isEqualTo(ActivityStatus.WaitingForELBConnectionDraining);
    log.end(a, ActivityStatus.Successful);
    log.setStatus(a, ActivityStatus.InProgress);
    log.setStatus(null, ActivityStatus.InProgress);
    assertThat(a.status).isEqualTo(ActivityStatus.Successful);
  }
}

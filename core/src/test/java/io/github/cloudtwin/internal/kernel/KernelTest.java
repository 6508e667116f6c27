package io.github.cloudtwin.internal.kernel;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.kernel.TimelineFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Kernel kernel = new Kernel(T0, 42);

  @Test
  void theClockMovesOnlyWhenAdvanced() {
    Clock clock = kernel.clock().asClock();
    assertThat(clock.instant()).isEqualTo(T0);
    kernel.advance(ofMinutes(3));
    assertThat(clock.instant()).isEqualTo(T0.plus(ofMinutes(3)));
    assertThat(kernel.clock().elapsed()).isEqualTo(ofMinutes(3));
  }

  @Test
  void movingTheClockBackwardsIsRefusedNamingBothInstants() {
    kernel.advance(ofMinutes(10));
    assertThatThrownBy(() -> kernel.advanceTo(T0.plus(ofMinutes(4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot move the virtual clock backwards: it is at 2026-01-01T00:10:00Z and was asked to move"
                + " to 2026-01-01T00:04:00Z (PT6M earlier). Virtual time only moves forward.");
    assertThat(kernel.clock().now()).isEqualTo(T0.plus(ofMinutes(10)));
  }

  @Test
  void sameInstantEventsRunInSchedulingOrderAndTheClockStandsAtEachEvent() {
    List<String> ran = new ArrayList<>();
    kernel.run(
        () -> {
          kernel
              .scheduler()
              .at(
                  T0.plusSeconds(5),
                  () -> ran.add("b@" + kernel.clock().now().getEpochSecond() % 60));
          kernel
              .scheduler()
              .at(
                  T0.plusSeconds(2),
                  () -> ran.add("a@" + kernel.clock().now().getEpochSecond() % 60));
          kernel
              .scheduler()
              .at(
                  T0.plusSeconds(5),
                  () -> ran.add("c@" + kernel.clock().now().getEpochSecond() % 60));
        });
    kernel.advance(ofSeconds(10));
    assertThat(ran).containsExactly("a@2", "b@5", "c@5");
  }

  @Test
  void cancelledTasksDoNotRun() {
    List<String> ran = new ArrayList<>();
    Scheduler.Task t =
        kernel.call(() -> kernel.scheduler().after(ofSeconds(1), () -> ran.add("x")));
    t.cancel();
    kernel.advance(ofSeconds(2));
    assertThat(ran).isEmpty();
    assertThat(t.isPending()).isFalse();
  }

  @Test
  void periodicWorkRunsOnBoundariesPhaseByPhase() {
    List<String> ran = new ArrayList<>();
    kernel.every(ofMinutes(1), Phase.ACT, () -> ran.add("act"));
    kernel.every(ofSeconds(30), Phase.EVALUATE, () -> ran.add("eval"));
    kernel.every(ofMinutes(1), Phase.OBSERVE, () -> ran.add("observe"));
    kernel.advance(ofMinutes(1));
    assertThat(ran).containsExactly("eval", "observe", "eval", "act");
  }

  @Test
  void advanceUntilStopsAtTheInstantTheConditionFirstHolds() {
    List<Integer> counter = new ArrayList<>();
    kernel.every(ofMinutes(1), Phase.ACT, () -> counter.add(1));
    boolean met = kernel.advanceUntil(() -> counter.size() == 3, ofMinutes(10));
    assertThat(met).isTrue();
    assertThat(kernel.clock().now()).isEqualTo(T0.plus(ofMinutes(3)));
    boolean never = kernel.advanceUntil(() -> counter.size() == 100, ofMinutes(5));
    assertThat(never).isFalse();
    assertThat(kernel.clock().now()).isEqualTo(T0.plus(ofMinutes(8)));
  }

  @Test
  void eventsScheduledWhileHandlingAnEventAreCausedByIt() {
    kernel.run(
        () ->
            kernel
                .scheduler()
                .after(
                    ofSeconds(1),
                    () -> {
                      long root =
                          kernel.timeline().record("alarm/a", "state-change", "OK -> ALARM");
                      kernel.runWithCause(
                          root,
                          () ->
                              kernel
                                  .scheduler()
                                  .after(
                                      ofSeconds(5),
                                      () ->
                                          kernel
                                              .timeline()
                                              .record("group/web", "scale", "3 -> 5")));
                    }));
    kernel.advance(ofSeconds(10));
    List<TimelineEvent> events = kernel.timeline().events();
    assertThat(events).hasSize(2);
    assertThat(events.get(1).causeId()).isEqualTo(events.get(0).id());
    assertThat(kernel.timeline().causeChain(2))
        .extracting(TimelineEvent::resource)
        .containsExactly("alarm/a", "group/web");
    assertThat(kernel.timeline().text())
        .isEqualTo(
            "Timeline (2 events, t0 = 2026-01-01T00:00:00Z):\n"
                + "  +00:00:01  alarm/a  OK -> ALARM\n"
                + "  +00:00:06  group/web  3 -> 5\n");
  }

  @Test
  void advancingFromInsideTheSimulationIsRefused() {
    List<Throwable> errors = new ArrayList<>();
    kernel.run(
        () ->
            kernel
                .scheduler()
                .after(
                    ofSeconds(1),
                    () -> {
                      try {
                        kernel.advance(ofSeconds(1));
                      } catch (IllegalStateException e) {
                        errors.add(e);
                      }
                    }));
    kernel.advance(ofSeconds(2));
    assertThat(errors)
        .singleElement()
        .extracting(Throwable::getMessage)
        .asString()
        .contains("from inside the simulation");
  }

  @Test
  void randomStreamsAreSeededAndIndependentPerName() {
    Kernel other = new Kernel(T0, 42);
    long a1 = kernel.randomness().stream("a").nextLong();
    other.randomness().stream("b").nextLong(); // drawing from b does not shift a
    long a2 = other.randomness().stream("a").nextLong();
    assertThat(a1).isEqualTo(a2);
    assertThat(new Kernel(T0, 43).randomness().stream("a").nextLong()).isNotEqualTo(a1);
  }

  @Test
  void offsetsFormatPastADayAndWithMilliseconds() {
    assertThat(TimelineFormat.offset(ofMinutes(61))).isEqualTo("+01:01:00");
    assertThat(TimelineFormat.offset(java.time.Duration.ofHours(26).plusMillis(5)))
        .isEqualTo("+1d 02:00:00.005");
  }
}

package io.github.cloudtwin.whatif;

import static io.github.cloudtwin.whatif.MetricReplayTest.T0;
import static io.github.cloudtwin.whatif.MetricReplayTest.concat;
import static io.github.cloudtwin.whatif.MetricReplayTest.csv;
import static io.github.cloudtwin.whatif.MetricReplayTest.minutes;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WhatIfTest {

  // an hour at 100 requests/s, 40 minutes at 500/s, 20 minutes at 100/s
  static final RecordedSeries SPIKE =
      RecordedLoad.csv(
          "spike.csv", csv(concat(minutes(60, 6_000), minutes(40, 30_000), minutes(20, 6_000))));

  static WhatIf whatIf() {
    return WhatIf.replay(DemandReplay.of(SPIKE, DemandUnit.REQUESTS).onLoadBalancer("web").build())
        .seed(11)
        .target(BreachTarget.groupCpuAbove("web", 80));
  }

  @Test
  void theSameRecordingOnTwoEstatesSideBySide() {
    Comparison c =
        whatIf()
            .compare(
                Estate.of("fixed-2", t -> Estates.fixed(t, 2)),
                Estate.of("scaling", Estates::scaling));
    ReplayOutcome fixed = c.outcome("fixed-2");
    ReplayOutcome scaling = c.outcome("scaling");

    assertThat(fixed.from()).isEqualTo(T0);
    assertThat(fixed.to()).isEqualTo(T0.plus(ofMinutes(120)));
    // two instances at 125 % for 40 minutes: breached, saturated; the policy adds capacity and
    // breaches less
    assertThat(fixed.breached("cpu>80")).isEqualTo(ofMinutes(40));
    assertThat(scaling.breached("cpu>80")).isLessThan(fixed.breached("cpu>80")).isPositive();
    assertThat(fixed.unservedRequests()).isGreaterThan(scaling.unservedRequests());
    // 2 x 250/s beyond 2 x 200/s for 40 minutes: 100/s x 2400 s
    assertThat(fixed.unservedRequests()).isBetween(230_000.0, 240_000.0);
    assertThat(fixed.peakInService()).isEqualTo(2);
    assertThat(fixed.meanInService()).isEqualTo(2.0);
    assertThat(scaling.peakInService()).isEqualTo(4);
    assertThat(scaling.meanInService()).isBetween(2.0, 4.0);
    assertThat(scaling.groups().get("web").activities()).hasSize(2);
    assertThat(fixed.groups().get("web").activities()).isEmpty();
    assertThat(scaling.timeInAlarm().get("cpu-high")).isPositive();
    assertThat(scaling.groups().get("web").capacity())
        .last()
        .satisfies(
            p ->
                assertThat(p.inServiceByZone())
                    .containsEntry("us-east-1a", 2)
                    .containsEntry("us-east-1b", 2));
    assertThat(scaling.cost().totalUsd()).isGreaterThan(fixed.cost().totalUsd());
    assertThat(scaling.cost().policy("add-two")).isPositive();
    assertThat(fixed.recoveries()).isEmpty();

    Comparison.Difference d = c.difference("fixed-2", "scaling");
    assertThat(d.baseline()).isEqualTo("fixed-2");
    assertThat(d.other()).isEqualTo("scaling");
    assertThat(d.peakInService()).isEqualTo(2);
    assertThat(d.meanInService()).isEqualTo(scaling.meanInService() - 2.0).isPositive();
    assertThat(d.breached())
        .isEqualTo(scaling.breached("cpu>80").minus(ofMinutes(40)))
        .isNegative();
    assertThat(d.unservedRequests())
        .isEqualTo(scaling.unservedRequests() - fixed.unservedRequests())
        .isNegative();
    assertThat(d.costUsd())
        .isEqualTo(scaling.cost().totalUsd() - fixed.cost().totalUsd())
        .isPositive();
    assertThat(d.activities()).isEqualTo(scaling.activityCount());
    assertThat(c.differencesFrom("fixed-2")).containsExactly(d);
    assertThatThrownBy(() -> c.difference("fixed-2", "nope"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("fixed-2");

    String table = c.table();
    assertThat(table.lines().toList()).hasSize(3);
    assertThat(table)
        .startsWith("estate ")
        .contains("cost")
        .contains("breached")
        .contains("fixed-2")
        .contains("scaling")
        .contains("40 min");
  }

  @Test
  void theSameSeedGivesTheSameOutcomeAnotherEstateNameDoesNotChangeTheNumbers() {
    ReplayOutcome a = whatIf().run(Estate.of("scaling", Estates::scaling));
    ReplayOutcome b = whatIf().run(Estate.of("scaling", Estates::scaling));
    assertThat(b).isEqualTo(a);
    ReplayOutcome other = whatIf().seed(12).run(Estate.of("scaling", Estates::scaling));
    assertThat(other.breached()).isEqualTo(a.breached());
    assertThat(other.groups().get("web").activities().get(0).activityId())
        .isNotEqualTo(a.groups().get("web").activities().get(0).activityId());
  }

  @Test
  void eachEstateRunsOnItsOwnTwinSoTheOrderOfTheEstatesChangesNoOutcome() {
    Estate fixed = Estate.of("fixed-2", t -> Estates.fixed(t, 2));
    Estate scaling = Estate.of("scaling", Estates::scaling);
    Comparison forward = whatIf().compare(fixed, scaling);
    Comparison backward = whatIf().compare(scaling, fixed);

    assertThat(backward.outcome("scaling")).isEqualTo(forward.outcome("scaling"));
    assertThat(backward.outcome("fixed-2")).isEqualTo(forward.outcome("fixed-2"));
    assertThat(forward.outcome("scaling")).isEqualTo(whatIf().run(scaling));
    assertThat(backward.rows().get(0).estate()).isEqualTo("scaling");
    assertThat(forward.outcome("scaling")).isNotEqualTo(forward.outcome("fixed-2"));
  }

  @Test
  void aZoneOutageDuringTheReplayReportsTheTimeToRecover() {
    ReplayOutcome o =
        whatIf()
            .run(
                Estate.of(
                    "outage",
                    t -> {
                      Estates.fixed(t, 4);
                      t.faults()
                          .zoneOutage(
                              "us-east-1a",
                              ofMinutes(30),
                              ofMinutes(60)); // the twin starts 10 minutes before the replay
                    }));
    assertThat(o.recoveries())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.resource()).isEqualTo("zone/us-east-1a");
              assertThat(r.at()).isEqualTo(T0.plus(ofMinutes(20)));
              assertThat(r.capacityBefore()).isEqualTo(4);
              assertThat(r.lowest())
                  .isLessThan(4); // the unreachable instances are replaced one by one
              assertThat(r.recovered()).isTrue();
              assertThat(r.timeToRecover()).isPositive().isLessThan(ofMinutes(15));
            });
  }

  @Test
  void misuseIsRefused() {
    assertThatThrownBy(() -> whatIf().compare(Estate.of("a", t -> {})))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> whatIf().compare(Estate.of("a", t -> {}), Estate.of("a", t -> {})))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> whatIf().target(BreachTarget.groupCpuAbove("web", 80)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cpu>80");
    assertThatThrownBy(() -> whatIf().warmUp(Duration.ofDays(2)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> whatIf().run(Estate.of("empty", t -> {})).breached("nope"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("web");
  }
}

package io.github.cloudtwin.whatif;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cost.CostReport;
import io.github.cloudtwin.cost.Costs;
import io.github.cloudtwin.cost.PriceTable;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Plays one recording on one or more estates, each on its own fresh twin with the same seed, and
 * reports what happened: the question "had we run this policy last week, would we have breached,
 * and what would it have cost?".
 *
 * <pre>{@code
 * Comparison c = WhatIf.replay(DemandReplay.of(week, DemandUnit.REQUESTS).onLoadBalancer("web").build())
 *     .seed(7).target(BreachTarget.groupCpuAbove("web", 80))
 *     .compare(Estate.of("step", Estates::step), Estate.of("target-60", Estates::target60));
 * System.out.println(c.table());
 * }</pre>
 *
 * <p>Each twin starts {@link #warmUp(Duration)} before the recording's start (so the virtual
 * timestamps equal the recorded ones), the estate is built at its start, the replay is applied
 * after the warm-up and the clock advances to the replay's end. Same replay, estate and seed:
 * identical outcome. Immutable: every setter returns a new {@code WhatIf}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class WhatIf {

  /**
   * The default warm-up: time for instances to boot and pass health checks before the load arrives.
   */
  public static final Duration DEFAULT_WARM_UP = Duration.ofMinutes(10);

  private final LoadReplay replay;
  private final long seed;
  private final Duration warmUp;
  private final PriceTable prices;
  private final List<BreachTarget> targets;
  private final Consumer<CloudTwin.Builder> twinSettings;

  private WhatIf(
      LoadReplay replay,
      long seed,
      Duration warmUp,
      PriceTable prices,
      List<BreachTarget> targets,
      Consumer<CloudTwin.Builder> twinSettings) {
    this.replay = replay;
    this.seed = seed;
    this.warmUp = warmUp;
    this.prices = prices;
    this.targets = List.copyOf(targets);
    this.twinSettings = twinSettings;
  }

  /**
   * Starts a what-if of {@code replay}: seed 0, a {@link #DEFAULT_WARM_UP}, the built-in prices, no
   * breach targets.
   *
   * @param replay the recording and how to play it
   * @return the what-if
   */
  public static WhatIf replay(LoadReplay replay) {
    return new WhatIf(
        Require.notNull("replay", replay),
        0,
        DEFAULT_WARM_UP,
        PriceTable.awsOnDemand(),
        List.of(),
        b -> {});
  }

  /**
   * The seed of every twin.
   *
   * @param seed the seed
   * @return a new what-if
   */
  public WhatIf seed(long seed) {
    return new WhatIf(replay, seed, warmUp, prices, targets, twinSettings);
  }

  /**
   * The time between the twin's start (when the estate is built) and the replay's start.
   *
   * @param warmUp zero to one day
   * @return a new what-if
   */
  public WhatIf warmUp(Duration warmUp) {
    Require.between("warmUp", warmUp, Duration.ZERO, Duration.ofDays(1));
    return new WhatIf(replay, seed, warmUp, prices, targets, twinSettings);
  }

  /**
   * The prices costs are computed with.
   *
   * @param prices the table
   * @return a new what-if
   */
  public WhatIf prices(PriceTable prices) {
    return new WhatIf(
        replay, seed, warmUp, Require.notNull("prices", prices), targets, twinSettings);
  }

  /**
   * Adds a level to report the time above.
   *
   * @param target the target (names must be unique)
   * @return a new what-if
   */
  public WhatIf target(BreachTarget target) {
    Require.notNull("target", target);
    for (BreachTarget t : targets) {
      if (t.name().equals(target.name()))
        throw new ValidationException("target", target.name(), "a name not used by another target");
    }
    List<BreachTarget> more = new ArrayList<>(targets);
    more.add(target);
    return new WhatIf(replay, seed, warmUp, prices, more, twinSettings);
  }

  /**
   * Settings for every twin besides the seed and start (region, zones, account).
   *
   * @param settings changes to the twin's builder
   * @return a new what-if
   */
  public WhatIf twin(Consumer<CloudTwin.Builder> settings) {
    return new WhatIf(replay, seed, warmUp, prices, targets, Require.notNull("settings", settings));
  }

  /**
   * Plays the recording on {@code estate}.
   *
   * @param estate the estate
   * @return what happened
   */
  public ReplayOutcome run(Estate estate) {
    Require.notNull("estate", estate);
    CloudTwin.Builder b = CloudTwin.builder();
    twinSettings.accept(b);
    b.seed(seed).start(replay.startingAt().minus(warmUp));
    try (CloudTwin twin = b.build()) {
      estate.setup().accept(twin);
      twin.advance(warmUp);
      double saturatedBefore = twin.traffic().saturatedRequests();
      LoadReplay.ReplayStart start = replay.applyTo(twin);
      twin.advanceTo(start.endsAt());
      double unserved = twin.traffic().saturatedRequests() - saturatedBefore;
      CostReport cost = Costs.of(twin, prices);
      return Outcomes.of(
          estate.name(), twin, start.appliedAt(), start.endsAt(), targets, unserved, cost);
    }
  }

  /**
   * Plays the recording on each estate, each on its own twin, in the order given.
   *
   * @param estates two or more estates with distinct names
   * @return the outcomes side by side
   */
  public Comparison compare(Estate... estates) {
    Require.notNull("estates", estates);
    if (estates.length < 2)
      throw new ValidationException("estates", estates.length, "at least two estates to compare");
    Set<String> names = new HashSet<>();
    for (Estate e : estates) {
      Require.notNull("estates", e);
      if (!names.add(e.name()))
        throw new ValidationException("estates", e.name(), "distinct estate names");
    }
    List<ReplayOutcome> outcomes = new ArrayList<>();
    for (Estate e : estates) outcomes.add(run(e));
    return new Comparison(outcomes);
  }

  /** {@return the replay's start in virtual time: the recorded instant it starts at} */
  public Instant replayStart() {
    return replay.startingAt();
  }
}

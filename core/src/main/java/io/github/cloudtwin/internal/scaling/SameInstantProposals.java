package io.github.cloudtwin.internal.scaling;

import io.github.cloudtwin.internal.kernel.Scheduler;
import io.github.cloudtwin.internal.kernel.VirtualClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The capacities policies asked for at one instant of virtual time, resolved together once every
 * alarm of that instant has fired: AWS runs the policy that gives the largest capacity when several
 * trigger at once (<a
 * href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scale-based-on-demand.html">Dynamic
 * scaling</a>, "Multiple dynamic scaling policies"). Guarded by the kernel lock.
 *
 * <p>Internal, not API: part of the scaling engine the project's services share; it may change in
 * any release.
 *
 * @param <P> what one policy proposed
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SameInstantProposals<P> {

  private final Scheduler scheduler;
  private final VirtualClock clock;
  private final Consumer<List<P>> resolver;
  private final List<P> pending = new ArrayList<>();
  private Scheduler.@Nullable Task task;

  /**
   * Proposals resolved by {@code resolver}, at the instant they were made, after the work already
   * scheduled for it.
   *
   * @param scheduler the twin's scheduler, which runs the resolution
   * @param clock the twin's virtual clock
   * @param resolver handles one instant's proposals, in the order they were made
   */
  public SameInstantProposals(Scheduler scheduler, VirtualClock clock, Consumer<List<P>> resolver) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.resolver = resolver;
  }

  /**
   * Adds a proposal; the first one of an instant schedules the resolution.
   *
   * @param proposal what a policy asked for
   */
  public void add(P proposal) {
    pending.add(proposal);
    if (task == null || !task.isPending()) {
      task = scheduler.at(clock.now(), 0, this::resolve);
    }
  }

  private void resolve() {
    List<P> batch = List.copyOf(pending);
    pending.clear();
    resolver.accept(batch);
  }

  /**
   * Per key, the proposal with the largest capacity (the first one on a tie), keys in the order
   * they first appear.
   *
   * @param <K> the key type (the group or scalable target)
   * @param <P> the proposal type
   * @param proposals the proposals
   * @param key what a proposal scales
   * @param capacity the capacity a proposal asks for
   * @return the winning proposal per key
   */
  public static <K, P> Map<K, P> largestPer(
      List<P> proposals, Function<P, K> key, ToIntFunction<P> capacity) {
    Map<K, P> winners = new LinkedHashMap<>();
    for (P p : proposals) {
      P w = winners.get(key.apply(p));
      if (w == null || capacity.applyAsInt(p) > capacity.applyAsInt(w))
        winners.put(key.apply(p), p);
    }
    return winners;
  }
}

package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The lifecycle hooks of one group and the members waiting on them: putting hooks, waiting with a
 * heartbeat timeout per hook (its default result when it runs out), heartbeats and completions.
 * Once a member's last hook completes, {@code completed} moves it on; its outcome is in {@link
 * Member#hookOutcome}.
 */
final class LifecycleHooks {

  private final GroupState state;
  private final Scheduler scheduler;
  private final Consumer<Member> completed;
  final Map<String, LifecycleHookSpec> byName = new LinkedHashMap<>();

  LifecycleHooks(GroupState state, Scheduler scheduler, Consumer<Member> completed) {
    this.state = state;
    this.scheduler = scheduler;
    this.completed = completed;
  }

  /** {@return the hooks for {@code t}, in the order they were put} */
  List<LifecycleHookSpec> hooksFor(LifecycleTransition t) {
    List<LifecycleHookSpec> out = new ArrayList<>();
    for (LifecycleHookSpec h : byName.values()) if (h.lifecycleTransition() == t) out.add(h);
    return out;
  }

  /** Makes the member wait on every hook of {@code hs}, each with its heartbeat timeout. */
  void waitForHooks(Member m, List<LifecycleHookSpec> hs) {
    m.hookOutcome = LifecycleActionResult.CONTINUE;
    for (LifecycleHookSpec h : hs) m.waitingHooks.put(h.lifecycleHookName(), timeout(m, h));
  }

  /**
   * The member's wait on {@code h}: when the heartbeat timeout runs out, the hook completes with
   * its default result.
   */
  private Scheduler.Task timeout(Member m, LifecycleHookSpec h) {
    return scheduler.after(
        h.heartbeatTimeout(),
        () -> {
          state.record(
              new AutoScalingFact.LifecycleActionCompleted(
                  state.name, h.lifecycleHookName(), m.instanceId, h.defaultResult(), true));
          completeHook(m, h.lifecycleHookName(), h.defaultResult());
        });
  }

  /** Adds or replaces a lifecycle hook (PutLifecycleHook, or the group's creation). */
  void putHook(LifecycleHookSpec h) {
    byName.put(h.lifecycleHookName(), h);
    state.record(
        new AutoScalingFact.LifecycleHookPut(
            state.name,
            h.lifecycleHookName(),
            h.lifecycleTransition(),
            h.heartbeatTimeout(),
            h.defaultResult()));
  }

  /** Restarts the heartbeat timeout of the member's wait on {@code h}. */
  void heartbeat(Member m, LifecycleHookSpec h) {
    Scheduler.Task old = m.waitingHooks.get(h.lifecycleHookName());
    Objects.requireNonNull(old, "a heartbeat is recorded only for a hook the member waits on")
        .cancel();
    m.waitingHooks.put(h.lifecycleHookName(), timeout(m, h));
    state.record(
        new AutoScalingFact.LifecycleActionHeartbeat(
            state.name, h.lifecycleHookName(), m.instanceId, h.heartbeatTimeout()));
  }

  /**
   * Stops the member's waits without completing them (it is terminating, or the group is deleted).
   */
  void cancelWaits(Member m) {
    for (Scheduler.Task t : m.waitingHooks.values()) t.cancel();
    m.waitingHooks.clear();
  }

  /** Completes one hook for the member; when none is left, the member moves on. */
  void completeHook(Member m, String hookName, LifecycleActionResult result) {
    Scheduler.Task t = m.waitingHooks.remove(hookName);
    if (t == null) return;
    t.cancel();
    if (result == LifecycleActionResult.ABANDON) m.hookOutcome = LifecycleActionResult.ABANDON;
    if (!m.waitingHooks.isEmpty()) return;
    completed.accept(m);
  }
}

package io.github.cloudtwin.internal.kernel;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Periodic work aligned to boundaries of virtual time (every minute on the minute, every 10 s on
 * the 10 s). One scheduled event per due instant runs every subscriber whose period divides that
 * instant, phase by phase, in subscription order, so a 10 s alarm never evaluates before the
 * minute's metrics are published. Cost grows with subscribers, not with scheduled events.
 */
final class Ticker {

  private final Kernel kernel;
  private final List<Entry> entries = new ArrayList<>();
  private Scheduler.@Nullable Task pending;

  Ticker(Kernel kernel) {
    this.kernel = kernel;
  }

  /** A subscription to periodic work; cancel it to stop. */
  static final class Entry implements Cancellable {
    final long periodMillis;
    final Phase phase;
    final Runnable work;
    boolean active = true;

    Entry(long periodMillis, Phase phase, Runnable work) {
      this.periodMillis = periodMillis;
      this.phase = phase;
      this.work = work;
    }

    @Override
    public void cancel() {
      active = false;
    }
  }

  Cancellable subscribe(Duration period, Phase phase, Runnable work) {
    long millis = Require.positive("period", period).toMillis();
    if (millis % 1000 != 0) {
      throw new ValidationException("period", period, "must be a whole number of seconds");
    }
    Entry e = new Entry(millis, Require.notNull("phase", phase), Require.notNull("work", work));
    entries.add(e);
    reschedule();
    return e;
  }

  private void reschedule() {
    long now = kernel.clock().now().toEpochMilli();
    long next = Long.MAX_VALUE;
    for (Entry e : entries) {
      if (e.active) {
        next = Math.min(next, (Math.floorDiv(now, e.periodMillis) + 1) * e.periodMillis);
      }
    }
    if (pending != null && pending.isPending()) {
      if (pending.at().toEpochMilli() == next) {
        return;
      }
      pending.cancel();
    }
    pending = null;
    if (next != Long.MAX_VALUE) {
      long at = next;
      pending = kernel.scheduler().at(Instant.ofEpochMilli(at), 0, () -> tick(at));
    }
  }

  private void tick(long at) {
    entries.removeIf(e -> !e.active);
    int count = entries.size();
    for (Phase p : Phase.values()) {
      for (int i = 0; i < count; i++) {
        Entry e = entries.get(i);
        if (e.active && e.phase == p && at % e.periodMillis == 0) {
          e.work.run();
        }
      }
    }
    pending = null;
    reschedule();
  }
}

package io.github.cloudtwin.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The active injections, resolved to absolute windows; guarded by the kernel lock. */
final class Injections {

  static final class Active {
    final MetricInjection spec;
    final long from;
    final long to; // Long.MAX_VALUE when open-ended

    Active(MetricInjection spec, long from, long to) {
      this.spec = spec;
      this.from = from;
      this.to = to;
    }

    boolean covers(long t) {
      return t >= from && t < to;
    }

    double valueAt(long t) {
      long length = to == Long.MAX_VALUE ? 0 : to - from;
      return spec.signal().valueAt(t - from, length);
    }
  }

  final List<Active> all = new ArrayList<>();

  boolean isEmpty() {
    return all.isEmpty();
  }

  /**
   * The newest metric-id injection of {@code metric} covering {@code t} (a gap included), or null.
   */
  @Nullable Active newestFor(MetricId metric, long t) {
    for (int i = all.size() - 1; i >= 0; i--) {
      Active a = all.get(i);
      if (metric.equals(a.spec.metric()) && a.covers(t)) {
        return a;
      }
    }
    return null;
  }

  /** Whether a gap injection of exactly {@code metric} covers {@code t}. */
  boolean isGap(MetricId metric, long t) {
    for (Active a : all) {
      if (a.spec.signal().isGap() && metric.equals(a.spec.metric()) && a.covers(t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an injection of {@code metricName} for one instance covers {@code t}. */
  boolean namesAnInstance(String metricName, long t) {
    for (Active a : all) {
      MetricInjection s = a.spec;
      if (a.covers(t)
          && s.metric() == null
          && s.instanceId() != null
          && s.metricName().equals(metricName)) {
        return true;
      }
    }
    return false;
  }

  /** The newest matching injection covering {@code t}, instance beating group, or null. */
  @Nullable Active find(
      String metricName, @Nullable String instanceId, @Nullable String groupName, long t) {
    Active groupHit = null;
    for (int i = all.size() - 1; i >= 0; i--) {
      Active a = all.get(i);
      MetricInjection s = a.spec;
      if (!a.covers(t) || !s.metricName().equals(metricName) || s.metric() != null) {
        continue;
      }
      if (instanceId != null && instanceId.equals(s.instanceId())) {
        return a;
      }
      if (groupHit == null && groupName != null && groupName.equals(s.groupName())) {
        groupHit = a;
      }
    }
    return groupHit;
  }
}

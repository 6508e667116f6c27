package io.github.cloudtwin.ec2;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricWriter;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.MetricOverrides;
import io.github.cloudtwin.internal.PooledMinutes;
import io.github.cloudtwin.internal.WarmPoolInstances;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Publishes {@code AWS/EC2 CPUUtilization} for every reachable running instance at the end of each
 * minute: per instance (dimension InstanceId) and merged per Auto Scaling group (dimension
 * AutoScalingGroupName). Detailed monitoring publishes each minute; basic monitoring publishes the
 * 5-minute average every 5 minutes. Datapoints are stamped with their period's start.
 */
final class CpuPublisher {

  static final String NAMESPACE = "AWS/EC2";
  static final String METRIC = "CPUUtilization";
  private static final long MINUTE = 60_000L;
  private static final long FIVE_MINUTES = 300_000L;

  private final CloudWatch cloudWatch;
  private final Wiring wiring;

  /** Auto Scaling's warm pool membership, read from the wiring once it is wired. */
  private @Nullable WarmPoolInstances warmPools;

  private final Supplier<Instance[]> liveInstances;
  private final List<CpuLoadModel> models = new ArrayList<>();
  private final Map<String, GroupState> groupsByName = new HashMap<>();
  private final List<GroupState> groups = new ArrayList<>();

  /** Per model, this minute: whether it gives every instance the same answer. */
  private boolean[] uniform = new boolean[0];

  /** Per uniform model: its answer this minute, once asked ({@link #askedAt} is the minute). */
  private double[] uniformAnswer = new double[0];

  private long[] askedAt = new long[0];

  /** CloudWatch's pooled minutes, once wired (null before, or in a twin without them). */
  private @Nullable PooledMinutes pooled;

  /**
   * The pools, one per idle level: the instances whose CPU is the same while models are uniform.
   */
  private final List<Pool> poolList = new ArrayList<>();

  /** The pools given a value this minute, written into their columns at the end of the minute. */
  private final List<Pool> used = new ArrayList<>();

  /** The instances of the last minute (a new snapshot drops the terminated ones). */
  private Instance @Nullable [] lastInstances;

  /**
   * The instances of one idle level while every model gives every instance the same answer: their
   * CPU of a minute is one value, computed once and written once into the pool's column, which
   * their series follow instead of being written one by one.
   */
  private static final class Pool {
    final PooledMinutes.Column column;
    final long idleBits;
    long minute = Long.MIN_VALUE;
    double value;

    Pool(PooledMinutes.Column column, long idleBits) {
      this.column = column;
      this.idleBits = idleBits;
    }
  }

  /** Per-instance publishing state. */
  private static final class State {
    final MetricWriter writer;
    final @Nullable GroupState group;
    double basicSum;
    int basicCount;

    /** The pool the instance's series follows, and the following, or null. */
    @Nullable Pool pool;

    PooledMinutes.@Nullable Following following;

    State(MetricWriter writer, @Nullable GroupState group) {
      this.writer = writer;
      this.group = group;
    }
  }

  /**
   * A group's aggregate: its writer, whether a warm pool holds any of its instances this minute,
   * and the values its instances merge this minute, in their order, written together at the end of
   * the minute (or when a value for another timestamp comes): the same statistic sets as one merge
   * per instance.
   */
  private static final class GroupState {
    final MetricWriter writer;
    long warmAskedAt = Long.MIN_VALUE;
    boolean anyWarm;
    long stamp;
    double[] values = new double[16];
    int count;

    GroupState(MetricWriter writer) {
      this.writer = writer;
    }

    void merge(long at, double value) {
      if (count > 0 && at != stamp) flush();
      if (count == values.length) values = Arrays.copyOf(values, count * 2);
      stamp = at;
      values[count++] = value;
    }

    void flush() {
      int n = count;
      if (n == 0) return;
      count = 0;
      writer.mergeAll(stamp, values, n);
    }
  }

  /**
   * Creates the publisher and starts its minute tick.
   *
   * @param liveInstances every instance launched, as a snapshot the lifecycle rebuilds after a
   *     launch
   */
  CpuPublisher(
      Kernel kernel, CloudWatch cloudWatch, Supplier<Instance[]> liveInstances, Wiring wiring) {
    this.cloudWatch = cloudWatch;
    this.wiring = wiring;
    this.liveInstances = liveInstances;
    kernel.every(
        Duration.ofMinutes(1), Phase.OBSERVE, () -> publish(kernel.clock().now().toEpochMilli()));
  }

  void add(CpuLoadModel model) {
    models.add(model);
    int n = models.size();
    uniform = Arrays.copyOf(uniform, n);
    uniformAnswer = Arrays.copyOf(uniformAnswer, n);
    askedAt = Arrays.copyOf(askedAt, n);
    askedAt[n - 1] = Long.MIN_VALUE;
  }

  private void publish(long now) {
    try {
      publishInstances(now);
    } finally {
      for (int p = 0; p < used.size(); p++) {
        Pool pool = used.get(p);
        pool.column.put(pool.minute, pool.value);
      }
      used.clear();
      for (int g = 0; g < groups.size(); g++) groups.get(g).flush();
    }
  }

  /** Ends the following of an instance's series: it holds the minutes before this one. */
  private static void unfollow(@Nullable State st, long minuteStart) {
    if (st != null && st.following != null) {
      st.following.end(minuteStart);
      st.following = null;
      st.pool = null;
    }
  }

  /** The pool of an idle level, created on first use. */
  private Pool pool(PooledMinutes minutes, long idleBits) {
    for (int p = 0; p < poolList.size(); p++) {
      if (poolList.get(p).idleBits == idleBits) return poolList.get(p);
    }
    Pool pool = new Pool(minutes.column(), idleBits);
    poolList.add(pool);
    return pool;
  }

  private void publishInstances(long now) {
    long minuteStart = now - MINUTE;
    boolean fiveMinuteBoundary = now % FIVE_MINUTES == 0;
    MetricOverrides overrides = wiring.metricOverrides();
    // with no instance's own injection at this minute, the overrides depend on the group alone:
    // asked once per group (the groups' instances mostly come one after another)
    boolean perInstance = overrides.namesAnInstance(METRIC, minuteStart);
    // with no injection at all, nothing is suppressed or injected: no instance needs to ask
    boolean none = !overrides.injectsAny(METRIC, minuteStart);
    boolean cached = false;
    @Nullable String cachedGroup = null;
    boolean cachedSuppressed = false;
    double cachedValue = Double.NaN;
    WarmPoolInstances pools = warmPools();
    // when every model gives every instance the same answer, the CPU depends on the idle level
    // alone: computed once per idle level (the instances of one type come one after another)
    boolean allUniform = true;
    for (int m = 0; m < uniform.length; m++) {
      uniform[m] = models.get(m).sameForEveryInstance(minuteStart, now);
      allUniform &= uniform[m];
    }
    if (pooled == null) pooled = wiring.pooledMinutes();
    PooledMinutes minutes = pooled;
    Pool known = null;
    Instance[] instances = liveInstances.get();
    Instance[] last = lastInstances;
    if (last != null && last != instances) {
      // a new snapshot leaves out the terminated: their series hold the minutes they published
      for (Instance i : last) {
        if (i.state() == InstanceState.TERMINATED) unfollow((State) i.publisherState, minuteStart);
      }
    }
    lastInstances = instances;
    for (Instance i : instances) {
      InstanceState s = i.state();
      State st = (State) i.publisherState;
      if (s == InstanceState.TERMINATED) {
        unfollow(st, minuteStart);
        i.publisherState = null;
        continue;
      }
      boolean follows = false;
      if (i.isReachable() && i.stateSince().toEpochMilli() <= minuteStart) {
        String group = i.groupName();
        boolean suppressed;
        double injected;
        if (none) {
          suppressed = false;
          injected = Double.NaN;
        } else if (cached && Objects.equals(group, cachedGroup)) {
          suppressed = cachedSuppressed;
          injected = cachedValue;
        } else {
          suppressed = overrides.isSuppressed(METRIC, i.instanceId(), group, minuteStart);
          injected =
              suppressed
                  ? Double.NaN
                  : overrides.injectedValue(METRIC, i.instanceId(), group, minuteStart);
          if (!perInstance) {
            cached = true;
            cachedGroup = group;
            cachedSuppressed = suppressed;
            cachedValue = injected;
          }
        }
        if (!suppressed) {
          double v = injected;
          Pool pool = null;
          if (Double.isNaN(v)) {
            double idle = i.spec().idleCpuUtilization();
            long idleBits = Double.doubleToRawLongBits(idle);
            if (allUniform && minutes != null) {
              pool = known != null && known.idleBits == idleBits ? known : pool(minutes, idleBits);
              known = pool;
            }
            if (pool != null && pool.minute == minuteStart) {
              v = pool.value;
            } else {
              v = idle;
              for (int m = 0; m < uniform.length; m++) {
                v +=
                    uniform[m]
                        ? uniformAnswer(m, i, minuteStart, now)
                        : averageCpu(m, i, minuteStart, now);
              }
              v = Math.max(0, Math.min(100, v));
              if (pool != null && Double.isFinite(v)) {
                pool.minute = minuteStart;
                pool.value = v;
                used.add(pool);
              } else {
                pool = null; // a value put refuses: written (and refused) as before
              }
            }
          } else {
            v = Math.max(0, Math.min(100, v));
          }
          if (st == null) {
            MetricWriter writer =
                cloudWatch.writer(
                    MetricId.of(NAMESPACE, METRIC, "InstanceId", i.instanceId()),
                    StandardUnit.PERCENT);
            st = new State(writer, group == null ? null : group(group));
            i.publisherState = st;
          }
          if (i.spec().detailedMonitoring()) {
            if (pool != null && minutes != null) {
              follows = follow(minutes, st, pool, minuteStart);
            }
            emit(st, minuteStart, v, i, pools, now, follows);
          } else {
            st.basicSum += v;
            st.basicCount++;
          }
        }
      }
      if (!follows) unfollow(st, minuteStart);
      if (fiveMinuteBoundary && st != null && !i.spec().detailedMonitoring() && st.basicCount > 0) {
        emit(st, now - FIVE_MINUTES, st.basicSum / st.basicCount, i, pools, now, false);
        st.basicSum = 0;
        st.basicCount = 0;
      }
    }
  }

  /**
   * Whether the instance's series takes this minute from its pool's column: it goes on following
   * the pool, or starts following it (ending a following of another pool first).
   */
  private static boolean follow(PooledMinutes minutes, State st, Pool pool, long minuteStart) {
    PooledMinutes.Following f = st.following;
    if (f != null && st.pool == pool && f.isOpen()) return true;
    unfollow(st, minuteStart);
    f = minutes.follow(st.writer, pool.column, minuteStart);
    if (f == null) return false;
    st.following = f;
    st.pool = pool;
    return true;
  }

  private double averageCpu(int m, Instance i, long from, long to) {
    return models.get(m).averageCpu(i, from, to);
  }

  /** A uniform model's answer this minute: asked with the first instance that needs it. */
  private double uniformAnswer(int m, Instance i, long from, long to) {
    if (askedAt[m] != from) {
      uniformAnswer[m] = models.get(m).averageCpu(i, from, to);
      askedAt[m] = from;
    }
    return uniformAnswer[m];
  }

  /** Auto Scaling's warm pool membership, asked once per minute until Auto Scaling wires it. */
  private WarmPoolInstances warmPools() {
    WarmPoolInstances pools = warmPools;
    if (pools == null) {
      pools = wiring.warmPoolInstances();
      if (pools != WarmPoolInstances.NONE) warmPools = pools;
    }
    return pools;
  }

  /**
   * Writes the sample, and merges it into the group's aggregate unless the instance is in a warm
   * pool (asked per instance only when the group has a warm pool instance this minute).
   */
  private static void emit(
      State st,
      long stamp,
      double value,
      Instance i,
      WarmPoolInstances pools,
      long now,
      boolean follows) {
    if (!follows) st.writer.put(stamp, value);
    GroupState g = st.group;
    if (g == null) return;
    if (g.warmAskedAt != now) {
      g.warmAskedAt = now;
      g.anyWarm = pools.anyInWarmPool(i.groupName());
    }
    if (!g.anyWarm || !pools.inWarmPool(i.instanceId(), i.groupName())) {
      g.merge(stamp, value);
    }
  }

  private GroupState group(String name) {
    GroupState g = groupsByName.get(name);
    if (g == null) {
      g =
          new GroupState(
              cloudWatch.writer(
                  MetricId.of(NAMESPACE, METRIC, "AutoScalingGroupName", name),
                  StandardUnit.PERCENT));
      groupsByName.put(name, g);
      groups.add(g);
    }
    return g;
  }
}

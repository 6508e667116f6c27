package io.github.cloudtwin.whatif;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.traffic.CostModel;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Replays a recording as demand: the recorded requests (or CPU demand) become a piecewise-constant
 * workload on a load balancer, which splits it over the healthy targets it has at each moment. The
 * traffic model turns each target's share into CPU and request metrics, so a policy that adds
 * capacity lowers per-instance CPU exactly as in production.
 *
 * <p><b>Periods.</b> Each datapoint covers its own period: up to the next datapoint, at most the
 * series' resolution ({@link RecordedSeries#resolution()}, or {@link Builder#period}). A longer
 * spacing is a gap, filled as {@link Gaps} says. This handles irregular series, such as 1-minute
 * data followed by 5-minute data (CloudWatch keeps 1-minute datapoints for 15 days, then 5-minute
 * ones), when the period is set to the coarser resolution.
 *
 * <p><b>History.</b> Datapoints before {@link #startingAt()} are not replayed (traffic cannot flow
 * in the past); a datapoint whose period straddles it plays for the rest of its period. After the
 * last datapoint's period the offered load drops to zero. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DemandReplay implements LoadReplay {

  private final RecordedSeries series;
  private final DemandUnit unit;
  private final String loadBalancerName;
  private final Gaps gaps;
  private final Instant startingAt;
  private final Duration period;
  private final int recordedInstances;
  private final int recordedVcpus;

  private DemandReplay(Builder b) {
    this.series = b.series;
    this.unit = b.unit;
    this.loadBalancerName = Require.name("loadBalancerName", b.loadBalancerName);
    this.gaps =
        b.gaps != null
            ? b.gaps
            : unit == DemandUnit.REQUESTS || unit == DemandUnit.REQUESTS_PER_SECOND
                ? Gaps.ZERO
                : Gaps.HOLD;
    this.startingAt = b.startingAt == null ? series.first() : b.startingAt;
    this.period = b.period == null ? series.resolution() : b.period;
    this.recordedInstances = b.recordedInstances;
    this.recordedVcpus = b.recordedVcpus;
    if (startingAt.isAfter(series.last())) {
      throw new ValidationException(
          "startingAt", startingAt, "at or before the recording's last datapoint " + series.last());
    }
    Set<StandardUnit> allowed =
        switch (unit) {
          case REQUESTS -> EnumSet.of(StandardUnit.COUNT);
          case REQUESTS_PER_SECOND -> EnumSet.of(StandardUnit.COUNT_PER_SECOND);
          case VCPU_SECONDS -> EnumSet.of(StandardUnit.SECONDS, StandardUnit.NONE);
          case CPU_UTILIZATION -> EnumSet.of(StandardUnit.PERCENT);
        };
    if (series.unit() != null && !allowed.contains(series.unit())) {
      throw new ValidationException(
          series.source() + " Unit",
          series.unit().awsName(),
          "a unit that fits " + unit + ": " + allowed.stream().map(StandardUnit::awsName).toList());
    }
    if (unit == DemandUnit.CPU_UTILIZATION && recordedInstances == 0) {
      throw new ValidationException(
          "recordedFleet",
          "not set",
          "the recorded fleet's size and vCPUs per instance, to turn CPUUtilization into CPU demand");
    }
    for (int i = 0; i < series.size(); i++) {
      double v = series.value(i);
      if (v < 0)
        throw new ValidationException(
            series.source() + " " + series.origin(i), v, "a demand of at least 0");
      if (unit == DemandUnit.CPU_UTILIZATION && v > 100) {
        throw new ValidationException(
            series.source() + " " + series.origin(i), v, "a CPUUtilization between 0 and 100");
      }
      if (gaps == Gaps.REJECT
          && i + 1 < series.size()
          && series.epochMillis(i + 1) - series.epochMillis(i) > period.toMillis()) {
        throw new ValidationException(
            series.source() + " " + series.origin(i + 1),
            series.timestamp(i + 1),
            "no gap longer than the period "
                + period
                + " after "
                + series.origin(i)
                + " at "
                + series.timestamp(i)
                + " (Gaps.REJECT)");
      }
    }
  }

  /**
   * Starts a demand replay of {@code series}, measured in {@code unit}.
   *
   * @param series the recording
   * @param unit what it measures
   * @return a builder
   */
  public static Builder of(RecordedSeries series, DemandUnit unit) {
    return new Builder(Require.notNull("series", series), Require.notNull("unit", unit));
  }

  /** {@return the load balancer the demand is offered to} */
  public String loadBalancerName() {
    return loadBalancerName;
  }

  /** {@return what the recording measures} */
  public DemandUnit unit() {
    return unit;
  }

  /** {@return how gaps are filled} */
  public Gaps gaps() {
    return gaps;
  }

  /** {@return the longest period one datapoint covers} */
  public Duration period() {
    return period;
  }

  @Override
  public RecordedSeries series() {
    return series;
  }

  @Override
  public Instant startingAt() {
    return startingAt;
  }

  @Override
  public Duration duration() {
    return Duration.between(startingAt, series.last().plus(period));
  }

  /**
   * The demand curve in requests per second, as offsets (milliseconds after {@link #startingAt()})
   * and rates, for the cost model's CPU per request.
   *
   * @param costModel the cost model the rates are for (used by the CPU units)
   * @return the workload
   */
  public Workload workload(CostModel costModel) {
    Require.notNull("costModel", costModel);
    double cpuSecondsPerRequest = costModel.cpuMillisPerRequest() / 1000.0;
    if ((unit == DemandUnit.VCPU_SECONDS || unit == DemandUnit.CPU_UTILIZATION)
        && cpuSecondsPerRequest <= 0) {
      throw new ValidationException(
          "cpuMillisPerRequest",
          costModel.cpuMillisPerRequest(),
          "more than 0 to turn CPU demand into requests");
    }
    int n = series.size();
    long start = startingAt.toEpochMilli();
    long p = period.toMillis();
    long[] offsets = new long[2 * n + 2];
    double[] rates = new double[2 * n + 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      long t = series.epochMillis(i);
      long spacing = i + 1 < n ? series.epochMillis(i + 1) - t : p;
      long own = Math.min(spacing, p);
      double rate = rate(series.value(i), own, cpuSecondsPerRequest);
      if (rate > 1e9) {
        throw new ValidationException(
            series.source() + " " + series.origin(i),
            series.value(i),
            "a demand of at most 1e9 requests per second");
      }
      k = add(offsets, rates, k, t - start, rate);
      if (spacing > own) {
        k = add(offsets, rates, k, t + own - start, gaps == Gaps.HOLD ? rate : 0);
      } else if (i + 1 == n) {
        k = add(offsets, rates, k, t + own - start, 0);
      }
    }
    // the segment covering the start begins at 0
    int firstLive = 0;
    while (firstLive + 1 < k && offsets[firstLive + 1] <= 0) firstLive++;
    long[] o = Arrays.copyOfRange(offsets, firstLive, k);
    double[] r = Arrays.copyOfRange(rates, firstLive, k);
    if (o[0] > 0) { // starting before the first datapoint: nothing until it
      long[] o2 = new long[o.length + 1];
      double[] r2 = new double[r.length + 1];
      System.arraycopy(o, 0, o2, 1, o.length);
      System.arraycopy(r, 0, r2, 1, r.length);
      o = o2;
      r = r2;
    }
    o[0] = 0;
    return Workload.recorded(
        (series.label().isEmpty() ? "demand" : series.label()) + " from " + series.source(), o, r);
  }

  private static int add(long[] offsets, double[] rates, int k, long offset, double rate) {
    if (k > 0 && rates[k - 1] == rate) return k; // same rate: one segment
    if (k > 0 && offsets[k - 1] == offset) {
      rates[k - 1] = rate;
      return k;
    }
    offsets[k] = offset;
    rates[k] = rate;
    return k + 1;
  }

  private double rate(double v, long ownMillis, double cpuSecondsPerRequest) {
    double seconds = ownMillis / 1000.0;
    return switch (unit) {
      case REQUESTS -> v / seconds;
      case REQUESTS_PER_SECOND -> v;
      case VCPU_SECONDS -> v / seconds / cpuSecondsPerRequest;
      case CPU_UTILIZATION -> v / 100.0 * recordedInstances * recordedVcpus / cpuSecondsPerRequest;
    };
  }

  @Override
  public ReplayStart applyTo(CloudTwin twin) {
    Require.notNull("twin", twin);
    return twin.simulation()
        .call(
            () -> {
              Workload w = workload(twin.traffic().costModel());
              twin.loadBalancing()
                  .loadBalancer(loadBalancerName); // refuses an unknown load balancer first
              Instant now = twin.now();
              twin.traffic().apply(loadBalancerName, w);
              int history = 0;
              while (history < series.size() && series.timestamp(history).isBefore(startingAt))
                history++;
              return new ReplayStart(now, now.plus(duration()), series.size() - history, history);
            });
  }

  @Override
  public String toString() {
    return "DemandReplay["
        + series
        + " as "
        + unit
        + " on "
        + loadBalancerName
        + " from "
        + startingAt
        + ", gaps "
        + gaps
        + "]";
  }

  /** Builds {@link DemandReplay}s. Not thread-safe. */
  public static final class Builder {
    private final RecordedSeries series;
    private final DemandUnit unit;
    private @Nullable String loadBalancerName;
    private @Nullable Gaps gaps;
    private @Nullable Instant startingAt;
    private @Nullable Duration period;
    private int recordedInstances;
    private int recordedVcpus;

    private Builder(RecordedSeries series, DemandUnit unit) {
      this.series = series;
      this.unit = unit;
    }

    /**
     * The load balancer that receives the demand (its first listener, {@code GET /}).
     *
     * @param name the load balancer's name
     * @return this builder
     */
    public Builder onLoadBalancer(String name) {
      this.loadBalancerName = name;
      return this;
    }

    /**
     * How gaps are filled (default {@link Gaps#ZERO} for requests, {@link Gaps#HOLD} for CPU).
     *
     * @param gaps the policy
     * @return this builder
     */
    public Builder gaps(Gaps gaps) {
      this.gaps = Require.notNull("gaps", gaps);
      return this;
    }

    /**
     * The recorded instant that plays when the replay is applied (default: the first datapoint).
     *
     * @param recorded a recorded instant
     * @return this builder
     */
    public Builder startingAt(Instant recorded) {
      this.startingAt = Require.notNull("startingAt", recorded);
      return this;
    }

    /**
     * The longest period one datapoint covers (default: the series' resolution).
     *
     * @param period the period, 1 second to 1 day
     * @return this builder
     */
    public Builder period(Duration period) {
      this.period = Require.between("period", period, Duration.ofSeconds(1), Duration.ofDays(1));
      return this;
    }

    /**
     * For {@link DemandUnit#CPU_UTILIZATION}: the fleet the recording was taken on.
     *
     * @param instances how many instances the recorded average covers
     * @param vCpusPerInstance vCPUs of each
     * @return this builder
     */
    public Builder recordedFleet(int instances, int vCpusPerInstance) {
      this.recordedInstances = Require.between("instances", instances, 1, 100_000);
      this.recordedVcpus = Require.between("vCpusPerInstance", vCpusPerInstance, 1, 448);
      return this;
    }

    /**
     * {@return the replay; a ValidationException naming the datapoint when the recording does not
     * fit}
     */
    public DemandReplay build() {
      return new DemandReplay(this);
    }
  }
}

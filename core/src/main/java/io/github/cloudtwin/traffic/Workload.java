package io.github.cloudtwin.traffic;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A request-rate curve over virtual time, measured from the moment it is applied. The twin treats
 * every workload as piecewise constant: steps, spikes and replays change at their own instants;
 * ramps and sines are cut into {@link #RESOLUTION} segments, each at the curve's exact average over
 * the segment, so per-minute totals are exact.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public sealed interface Workload
    permits Workload.Constant,
        Workload.Ramp,
        Workload.Step,
        Workload.Spike,
        Workload.DailySine,
        Workload.Replay,
        Workload.Recorded {

  /** The segment length of continuous curves (ramps, sines). */
  Duration RESOLUTION = Duration.ofMinutes(1);

  /** A constant segment: its rate and its end (relative to the start), Long.MAX_VALUE if none. */
  record Segment(double requestsPerSecond, long endMillis) {}

  /**
   * The segment containing {@code millis} after the start.
   *
   * @param millis the millis
   * @return the segment containing {@code millis} after the start
   */
  Segment segmentAt(long millis);

  /**
   * A constant rate.
   *
   * @param requestsPerSecond the requests per second
   * @return a constant rate
   */
  static Workload constant(double requestsPerSecond) {
    return new Constant(requestsPerSecond);
  }

  /**
   * A linear ramp from one rate to another over {@code duration}, then the final rate.
   *
   * @param fromRps the from rps
   * @param toRps the to rps
   * @param duration the duration
   * @return a linear ramp from one rate to another over {@code duration}, then the final rate
   */
  static Workload ramp(double fromRps, double toRps, Duration duration) {
    return new Ramp(fromRps, toRps, duration);
  }

  /**
   * Starts at {@code initialRps} and steps to each rate at its offset (pairs of offset and rate).
   *
   * @param initialRps the initial rps
   * @return a builder for the steps
   */
  static Step.Builder step(double initialRps) {
    return new Step.Builder(initialRps);
  }

  /**
   * {@code baseRps}, with {@code peakRps} over {@code [at, at + duration)}.
   *
   * @param baseRps the base rps
   * @param peakRps the peak rps
   * @param at when the peak starts, as an offset of the twin's start
   * @param duration the duration
   * @return {@code baseRps}, with {@code peakRps} over {@code [at, at + duration)}
   */
  static Workload spike(double baseRps, double peakRps, Duration at, Duration duration) {
    return new Spike(baseRps, peakRps, at, duration);
  }

  /**
   * A daily sine: mean ± amplitude, peaking {@code peakAt} after the start, period 24 h.
   *
   * @param meanRps the mean rps
   * @param amplitudeRps the amplitude rps
   * @param peakAt the peak at
   * @return a daily sine: mean ± amplitude, peaking {@code peakAt} after the start, period 24 h
   */
  static Workload dailySine(double meanRps, double amplitudeRps, Duration peakAt) {
    return new DailySine(meanRps, amplitudeRps, peakAt, Duration.ofDays(1));
  }

  /**
   * Replays a recorded series: one rate per {@code step}, the last one held afterwards.
   *
   * @param requestsPerSecond the requests per second
   * @param step the step
   * @return the workload
   */
  static Workload replay(List<Double> requestsPerSecond, Duration step) {
    return new Replay(requestsPerSecond, step);
  }

  /**
   * A recorded demand curve: {@code rates[i]} requests per second from {@code offsetsMillis[i]}
   * (ascending, the first 0) until the next offset, the last rate held afterwards. Built by the
   * what-if replay from recorded CloudWatch data; the description names the recording.
   *
   * @param description what was recorded, for the timeline (such as {@code RequestCount from
   *     week.json})
   * @param offsetsMillis segment starts in milliseconds after the start, ascending, the first 0
   * @param rates requests per second of each segment
   * @return the workload
   */
  static Workload recorded(String description, long[] offsetsMillis, double[] rates) {
    return new Recorded(description, offsetsMillis, rates);
  }

  private static void rate(String field, double v) {
    Require.between(field, v, 0, 1e9);
  }

  private static long ms(String field, Duration d, boolean allowZero) {
    if (allowZero) Require.notNegative(field, d);
    else Require.positive(field, d);
    return Require.between(field, d, Duration.ZERO, Require.LONGEST).toMillis();
  }

  /**
   * A constant rate.
   *
   * @param requestsPerSecond the rate
   */
  record Constant(double requestsPerSecond) implements Workload {
    /**
     * Validates.
     *
     * @param requestsPerSecond the requests per second
     */
    public Constant {
      rate("requestsPerSecond", requestsPerSecond);
    }

    @Override
    public Segment segmentAt(long millis) {
      return new Segment(requestsPerSecond, Long.MAX_VALUE);
    }
  }

  /**
   * A linear ramp.
   *
   * @param fromRps start rate
   * @param toRps end rate
   * @param duration ramp length
   */
  record Ramp(double fromRps, double toRps, Duration duration) implements Workload {
    /**
     * Validates.
     *
     * @param fromRps the from rps
     * @param toRps the to rps
     * @param duration the duration
     */
    public Ramp {
      rate("fromRps", fromRps);
      rate("toRps", toRps);
      ms("duration", duration, false);
    }

    @Override
    public Segment segmentAt(long millis) {
      long d = duration.toMillis();
      if (millis >= d) return new Segment(toRps, Long.MAX_VALUE);
      long res = RESOLUTION.toMillis();
      long s = millis / res * res;
      long e = Math.min(s + res, d);
      double mid = (s + e) / 2.0;
      return new Segment(fromRps + (toRps - fromRps) * mid / d, e);
    }
  }

  /**
   * Steps: {@code initialRps}, then each rate from its offset.
   *
   * @param initialRps rate before the first step
   * @param offsets step offsets, ascending
   * @param rates the rates
   */
  record Step(double initialRps, List<Duration> offsets, List<Double> rates) implements Workload {
    /**
     * Validates and copies.
     *
     * @param initialRps the initial rps
     * @param offsets the offsets
     * @param rates the rates
     */
    public Step {
      rate("initialRps", initialRps);
      offsets =
          java.util.Collections.unmodifiableList(
              new java.util.ArrayList<>(Require.notNull("offsets", offsets)));
      for (Duration o : offsets) Require.notNull("offsets", o);
      rates =
          java.util.Collections.unmodifiableList(
              new java.util.ArrayList<>(Require.notNull("rates", rates)));
      for (Double r : rates) Require.notNull("rates", r);
      if (offsets.size() != rates.size())
        throw new ValidationException(
            "rates", rates.size(), offsets.size() + " rates, one per offset");
      long prev = -1;
      for (int i = 0; i < offsets.size(); i++) {
        long o = ms("offsets", offsets.get(i), true);
        if (o <= prev)
          throw new ValidationException("offsets", offsets.get(i), "ascending offsets");
        prev = o;
        rate("rates", rates.get(i));
      }
    }

    @Override
    public Segment segmentAt(long millis) {
      double r = initialRps;
      for (int i = 0; i < offsets.size(); i++) {
        long o = offsets.get(i).toMillis();
        if (millis < o) return new Segment(r, o);
        r = rates.get(i);
      }
      return new Segment(r, Long.MAX_VALUE);
    }

    /** Builds {@link Step} workloads. */
    public static final class Builder {
      private final double initial;
      private final List<Duration> offsets = new ArrayList<>();
      private final List<Double> rates = new ArrayList<>();

      Builder(double initial) {
        this.initial = initial;
      }

      /**
       * From {@code offset} on, {@code requestsPerSecond}.
       *
       * @param offset the offset
       * @param requestsPerSecond the requests per second
       * @return this builder
       */
      public Builder then(Duration offset, double requestsPerSecond) {
        offsets.add(offset);
        rates.add(requestsPerSecond);
        return this;
      }

      /** {@return the workload} */
      public Step build() {
        return new Step(initial, offsets, rates);
      }
    }
  }

  /**
   * A spike.
   *
   * @param baseRps base rate
   * @param peakRps spike rate
   * @param at spike start
   * @param duration spike length
   */
  record Spike(double baseRps, double peakRps, Duration at, Duration duration) implements Workload {
    /**
     * Validates.
     *
     * @param baseRps the base rps
     * @param peakRps the peak rps
     * @param at when the peak starts, as an offset of the twin's start
     * @param duration the duration
     */
    public Spike {
      rate("baseRps", baseRps);
      rate("peakRps", peakRps);
      ms("at", at, true);
      ms("duration", duration, false);
    }

    @Override
    public Segment segmentAt(long millis) {
      long a = at.toMillis();
      long e = a + duration.toMillis();
      if (millis < a) return new Segment(baseRps, a);
      if (millis < e) return new Segment(peakRps, e);
      return new Segment(baseRps, Long.MAX_VALUE);
    }
  }

  /**
   * A sine.
   *
   * @param meanRps mean
   * @param amplitudeRps amplitude (at most the mean)
   * @param peakAt offset of the first peak
   * @param period the period
   */
  record DailySine(double meanRps, double amplitudeRps, Duration peakAt, Duration period)
      implements Workload {
    /**
     * Validates.
     *
     * @param meanRps the mean rps
     * @param amplitudeRps the amplitude rps
     * @param peakAt the peak at
     * @param period the period
     */
    public DailySine {
      rate("meanRps", meanRps);
      rate("amplitudeRps", amplitudeRps);
      if (amplitudeRps > meanRps)
        throw new ValidationException(
            "amplitudeRps",
            amplitudeRps,
            "at most the mean " + meanRps + " (rates cannot be negative)");
      ms("peakAt", peakAt, true);
      ms("period", period, false);
    }

    @Override
    public Segment segmentAt(long millis) {
      long res = RESOLUTION.toMillis();
      long s = millis / res * res;
      long e = s + res;
      double p = period.toMillis();
      double w = 2 * Math.PI / p;
      double pk = peakAt.toMillis();
      // exact average of mean + A cos(w (t - peak)) over [s, e)
      double avg =
          meanRps
              + amplitudeRps * (Math.sin(w * (e - pk)) - Math.sin(w * (s - pk))) / (w * (e - s));
      return new Segment(Math.max(0, avg), e);
    }
  }

  /**
   * A replayed series.
   *
   * @param requestsPerSecond one rate per step
   * @param step the step
   */
  record Replay(List<Double> requestsPerSecond, Duration step) implements Workload {
    /**
     * Validates and copies.
     *
     * @param requestsPerSecond the requests per second
     * @param step the step
     */
    public Replay {
      requestsPerSecond =
          java.util.Collections.unmodifiableList(
              new java.util.ArrayList<>(Require.notNull("requestsPerSecond", requestsPerSecond)));
      if (requestsPerSecond.isEmpty())
        throw new ValidationException("requestsPerSecond", "[]", "at least one rate");
      for (Double d : requestsPerSecond)
        rate("requestsPerSecond", Require.notNull("requestsPerSecond", d));
      ms("step", step, false);
    }

    @Override
    public Segment segmentAt(long millis) {
      long st = step.toMillis();
      long i = millis / st;
      if (i >= requestsPerSecond.size() - 1)
        return new Segment(requestsPerSecond.get(requestsPerSecond.size() - 1), Long.MAX_VALUE);
      return new Segment(requestsPerSecond.get((int) i), (i + 1) * st);
    }
  }

  /** A recorded demand curve, piecewise constant (see {@link Workload#recorded}); immutable. */
  final class Recorded implements Workload {
    private final String description;
    private final long[] offsets;
    private final double[] rates;

    private Recorded(String description, long[] offsetsMillis, double[] rates) {
      this.description = Require.notBlank("description", description);
      this.offsets = Require.notNull("offsetsMillis", offsetsMillis).clone();
      this.rates = Require.notNull("rates", rates).clone();
      if (offsets.length == 0 || offsets.length != this.rates.length) {
        throw new ValidationException(
            "rates", this.rates.length, offsets.length + " rates, one per offset (at least one)");
      }
      if (offsets[0] != 0)
        throw new ValidationException("offsetsMillis", offsets[0], "a first offset of 0");
      for (int i = 0; i < offsets.length; i++) {
        if (i > 0 && offsets[i] <= offsets[i - 1])
          throw new ValidationException("offsetsMillis", offsets[i], "ascending offsets");
        rate("rates", this.rates[i]);
      }
    }

    /** {@return what was recorded} */
    public String description() {
      return description;
    }

    /** {@return the number of segments} */
    public int segments() {
      return offsets.length;
    }

    /** {@return the offset of the last segment's start} */
    public Duration lastChange() {
      return Duration.ofMillis(offsets[offsets.length - 1]);
    }

    @Override
    public Segment segmentAt(long millis) {
      int lo = 0;
      int hi = offsets.length - 1;
      while (lo < hi) { // the last segment starting at or before millis
        int mid = (lo + hi + 1) >>> 1;
        if (offsets[mid] <= millis) lo = mid;
        else hi = mid - 1;
      }
      long end = lo + 1 < offsets.length ? offsets[lo + 1] : Long.MAX_VALUE;
      return new Segment(rates[lo], end);
    }

    @Override
    public String toString() {
      return "recorded "
          + description
          + " ("
          + offsets.length
          + " segments over "
          + lastChange()
          + ")";
    }
  }
}

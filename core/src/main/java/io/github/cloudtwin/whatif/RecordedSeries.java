package io.github.cloudtwin.whatif;

import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A recorded metric series: datapoints in ascending time order, each with its value and where it
 * came from (file and line or index, for messages). Read one with {@link RecordedLoad}. Immutable
 * and thread-safe.
 *
 * <p>Validated on creation: at least one datapoint, finite values, strictly ascending timestamps (a
 * descending series, as {@code get-metric-data} returns by default, is reversed first; any other
 * order, or two datapoints at one instant, is refused naming both).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RecordedSeries {

  private final String source;
  private final String label;
  private final @Nullable StandardUnit unit;
  private final long[] times;
  private final double[] values;
  private final String[] origins;

  private RecordedSeries(
      String source,
      String label,
      @Nullable StandardUnit unit,
      long[] times,
      double[] values,
      String[] origins) {
    this.source = source;
    this.label = label;
    this.unit = unit;
    this.times = times;
    this.values = values;
    this.origins = origins;
  }

  /**
   * A series from parallel arrays, in the order given (ascending, or descending as a whole).
   *
   * @param source where it was read from (a file name), for messages
   * @param label the metric's label, such as {@code RequestCount}
   * @param unit the unit the export names, or null when it names none
   * @param timestamps the datapoints' timestamps
   * @param values the datapoints' values
   * @param origins where each datapoint is in the source ({@code line 7}, {@code Values[6]})
   * @return the series
   */
  public static RecordedSeries of(
      String source,
      String label,
      @Nullable StandardUnit unit,
      Instant[] timestamps,
      double[] values,
      String[] origins) {
    Require.notBlank("source", source);
    Require.notNull("timestamps", timestamps);
    Require.notNull("values", values);
    Require.notNull("origins", origins);
    int n = timestamps.length;
    if (values.length != n || origins.length != n) {
      throw new ValidationException(
          source,
          values.length + " values for " + n + " timestamps",
          "as many values as timestamps (the export's Timestamps and Values lists must be the same length)");
    }
    if (n == 0) throw new ValidationException(source, "no datapoints", "at least one datapoint");
    long[] t = new long[n];
    double[] v = values.clone();
    String[] o = origins.clone();
    for (int i = 0; i < n; i++) {
      t[i] =
          Require.notNull(source + " " + origins[i] + " timestamp", timestamps[i]).toEpochMilli();
      if (!Double.isFinite(v[i])) {
        throw new ValidationException(
            source + " " + origins[i], v[i], "a finite number (no NaN or infinity)");
      }
    }
    if (n > 1 && t[1] < t[0]) reverse(t, v, o);
    for (int i = 1; i < n; i++) {
      if (t[i] <= t[i - 1]) {
        throw new ValidationException(
            source + " " + o[i],
            Instant.ofEpochMilli(t[i]),
            "timestamps in one order, each later than the one before: "
                + o[i - 1]
                + " is "
                + Instant.ofEpochMilli(t[i - 1]));
      }
    }
    return new RecordedSeries(source, label == null ? "" : label, unit, t, v, o);
  }

  private static void reverse(long[] t, double[] v, String[] o) {
    for (int i = 0, j = t.length - 1; i < j; i++, j--) {
      long tt = t[i];
      t[i] = t[j];
      t[j] = tt;
      double vv = v[i];
      v[i] = v[j];
      v[j] = vv;
      String oo = o[i];
      o[i] = o[j];
      o[j] = oo;
    }
  }

  /** {@return where it was read from, such as a file name} */
  public String source() {
    return source;
  }

  /** {@return the metric's label from the export (empty when it has none)} */
  public String label() {
    return label;
  }

  /** {@return the unit the export names, or null when it names none (CSV, get-metric-data)} */
  public @Nullable StandardUnit unit() {
    return unit;
  }

  /**
   * The same datapoints with a unit, for exports that do not name one.
   *
   * @param unit the unit
   * @return the series with that unit; a ValidationException when the export named another
   */
  public RecordedSeries withUnit(StandardUnit unit) {
    Require.notNull("unit", unit);
    if (this.unit != null && this.unit != unit) {
      throw new ValidationException(
          source + " Unit",
          this.unit.awsName(),
          "the unit " + unit.awsName() + " the export was declared to have");
    }
    return new RecordedSeries(source, label, unit, times, values, origins);
  }

  /** {@return the number of datapoints} */
  public int size() {
    return times.length;
  }

  /**
   * The timestamp of datapoint {@code i} (ascending order).
   *
   * @param i the index
   * @return the instant
   */
  public Instant timestamp(int i) {
    return Instant.ofEpochMilli(times[i]);
  }

  /**
   * The timestamp of datapoint {@code i} in epoch milliseconds.
   *
   * @param i the index
   * @return epoch milliseconds
   */
  public long epochMillis(int i) {
    return times[i];
  }

  /**
   * The value of datapoint {@code i}.
   *
   * @param i the index
   * @return the value
   */
  public double value(int i) {
    return values[i];
  }

  /**
   * Where datapoint {@code i} is in the source, such as {@code line 7} or {@code Values[6]}.
   *
   * @param i the index
   * @return the location
   */
  public String origin(int i) {
    return origins[i];
  }

  /** {@return the first timestamp} */
  public Instant first() {
    return timestamp(0);
  }

  /** {@return the last timestamp} */
  public Instant last() {
    return timestamp(times.length - 1);
  }

  /**
   * The series' resolution: the most common spacing between consecutive datapoints (the shortest of
   * equally common ones); one minute for a single datapoint.
   *
   * @return the spacing
   */
  public Duration resolution() {
    if (times.length < 2) return Duration.ofMinutes(1);
    long[] d = new long[times.length - 1];
    for (int i = 1; i < times.length; i++) d[i - 1] = times[i] - times[i - 1];
    Arrays.sort(d);
    long best = d[0];
    int bestRun = 0;
    for (int i = 0; i < d.length; ) {
      int j = i;
      while (j < d.length && d[j] == d[i]) j++;
      if (j - i > bestRun) {
        bestRun = j - i;
        best = d[i];
      }
      i = j;
    }
    return Duration.ofMillis(best);
  }

  @Override
  public String toString() {
    return "RecordedSeries["
        + source
        + (label.isEmpty() ? "" : " " + label)
        + ", "
        + times.length
        + " datapoints "
        + first()
        + " .. "
        + last()
        + (unit == null ? "" : ", " + unit.awsName())
        + "]";
  }
}

package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The shape of injected metric values over a window: constant, a series (one value per step), a
 * linear ramp, or a gap (the metric goes silent).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Signal {

  /**
   * The value at {@code offsetMillis} into a window {@code lengthMillis} long; NaN for a gap.
   *
   * @param offsetMillis the offset millis
   * @param lengthMillis the length millis
   * @return the value at {@code offsetMillis} into a window {@code lengthMillis} long; NaN for a
   *     gap
   */
  double valueAt(long offsetMillis, long lengthMillis);

  /** {@return whether this signal is a gap: no datapoints at all} */
  default boolean isGap() {
    return false;
  }

  /**
   * The same value throughout.
   *
   * @param value the value
   * @return the same value throughout
   */
  static Signal constant(double value) {
    Require.finite("value", value);
    return new Signal() {
      @Override
      public double valueAt(long offsetMillis, long lengthMillis) {
        return value;
      }

      @Override
      public String toString() {
        return "constant " + value;
      }
    };
  }

  /**
   * One value per minute, in order; the last value holds to the end of the window.
   *
   * @param values the values
   * @return one value per minute, in order; the last value holds to the end of the window
   */
  static Signal series(double... values) {
    return series(Duration.ofMinutes(1), values);
  }

  /**
   * One value per {@code step}, in order; the last value holds to the end of the window.
   *
   * @param step the step
   * @param values the values
   * @return one value per {@code step}, in order; the last value holds to the end of the window
   */
  static Signal series(Duration step, double... values) {
    Require.positive("step", step);
    Require.notNull("values", values);
    if (values.length == 0) {
      throw new ValidationException("values", "[]", "at least one value");
    }
    double[] copy = values.clone();
    for (double v : copy) Require.finite("values", v);
    long stepMillis = step.toMillis();
    return new Signal() {
      @Override
      public double valueAt(long offsetMillis, long lengthMillis) {
        int i = (int) Math.min(copy.length - 1, offsetMillis / stepMillis);
        return copy[i];
      }

      @Override
      public String toString() {
        return "series " + java.util.Arrays.toString(copy) + " per " + step;
      }
    };
  }

  /**
   * A straight line from {@code from} at the window's start to {@code to} at its end.
   *
   * @param from the value at the window's start
   * @param to the value at the window's end
   * @return a straight line from {@code from} at the window's start to {@code to} at its end
   */
  static Signal ramp(double from, double to) {
    Require.finite("from", from);
    Require.finite("to", to);
    return new Signal() {
      @Override
      public double valueAt(long offsetMillis, long lengthMillis) {
        return lengthMillis <= 0 ? from : from + (to - from) * offsetMillis / (double) lengthMillis;
      }

      @Override
      public String toString() {
        return "ramp " + from + " -> " + to;
      }
    };
  }

  /** {@return a gap: no data, the metric goes silent for the window} */
  static Signal gap() {
    return new Signal() {
      @Override
      public double valueAt(long offsetMillis, long lengthMillis) {
        return Double.NaN;
      }

      @Override
      public boolean isGap() {
        return true;
      }

      @Override
      public String toString() {
        return "gap";
      }
    };
  }
}

package io.github.cloudtwin.elb;

import java.util.Arrays;

/**
 * A mutable histogram of target response times: requests (a weight, fractional for the fluid
 * model's rates) per distinct latency in microseconds. The traffic model answers every request a
 * target gets at one instant with one latency, so a minute holds a few distinct values (one per
 * target behaviour and network impairment) and a linear scan over them is cheapest.
 */
final class ResponseTimeHistogram {

  private long[] micros = new long[4];
  private double[] weights = new double[4];
  private int size;

  /** Adds {@code weight} requests answered after {@code latencyMicros}. */
  void add(long latencyMicros, double weight) {
    if (!(weight > 0)) return;
    for (int i = 0; i < size; i++) {
      if (micros[i] == latencyMicros) {
        weights[i] += weight;
        return;
      }
    }
    if (size == micros.length) {
      micros = Arrays.copyOf(micros, size * 2);
      weights = Arrays.copyOf(weights, size * 2);
    }
    micros[size] = latencyMicros;
    weights[size] = weight;
    size++;
  }

  /** Adds every entry of {@code other}, its weights multiplied by {@code factor}. */
  void addScaled(ResponseTimeHistogram other, double factor) {
    for (int i = 0; i < other.size; i++) add(other.micros[i], other.weights[i] * factor);
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }

  /** {@return the entries as an immutable value, sorted by latency} */
  ResponseTimes snapshot() {
    return ResponseTimes.of(Arrays.copyOf(micros, size), Arrays.copyOf(weights, size));
  }
}

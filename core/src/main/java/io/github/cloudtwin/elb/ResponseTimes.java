package io.github.cloudtwin.elb;

import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The target response times a load balancer counted over a window, as a distribution: how many
 * answered requests took each latency (the requests its targets answered, 5XX included, as AWS
 * counts {@code TargetResponseTime}). The traffic model answers every request a target gets at one
 * instant with one latency, its behaviour's plus any network delay toward its zone, so the
 * distribution spreads over targets, zones and changes during the window, not over requests to one
 * target: a slow zone shows in the p99, jitter within a target does not exist in the model.
 * Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ResponseTimes {

  /** No answered request. */
  public static final ResponseTimes NONE = new ResponseTimes(new long[0], new double[0]);

  private final long[] micros; // ascending, distinct
  private final double[] requests; // per latency, > 0
  private final double total;

  private ResponseTimes(long[] micros, double[] requests) {
    this.micros = micros;
    this.requests = requests;
    double t = 0;
    for (double r : requests) t += r;
    this.total = t;
  }

  /** Sorts and merges parallel arrays of latencies (µs) and request weights. */
  static ResponseTimes of(long[] micros, double[] weights) {
    Integer[] order = new Integer[micros.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(micros[a], micros[b]));
    long[] m = new long[micros.length];
    double[] w = new double[micros.length];
    int n = 0;
    for (int i : order) {
      if (!(weights[i] > 0)) continue;
      if (n > 0 && m[n - 1] == micros[i]) {
        w[n - 1] += weights[i];
      } else {
        m[n] = micros[i];
        w[n] = weights[i];
        n++;
      }
    }
    return n == 0 ? NONE : new ResponseTimes(Arrays.copyOf(m, n), Arrays.copyOf(w, n));
  }

  /** {@return the answered requests counted (fractional: the traffic model counts rates)} */
  public double requests() {
    return total;
  }

  /** {@return whether no request was answered in the window} */
  public boolean isEmpty() {
    return micros.length == 0;
  }

  /**
   * The nearest-rank percentile: the lowest latency at or below which at least {@code percentile} %
   * of the answered requests were answered.
   *
   * @param percentile more than 0 and at most 100, such as 50 or 99
   * @return the latency, empty without answered requests
   * @throws ValidationException for a percentile outside (0, 100]
   */
  public Optional<Duration> percentile(double percentile) {
    if (!(percentile > 0 && percentile <= 100))
      throw new ValidationException("percentile", percentile, "more than 0 and at most 100");
    if (isEmpty()) return Optional.empty();
    double rank = total * percentile / 100;
    double slack = total * 1e-9; // rounding of the rates' sums
    double cumulative = 0;
    for (int i = 0; i < micros.length; i++) {
      cumulative += requests[i];
      if (cumulative >= rank - slack) return Optional.of(Duration.ofNanos(micros[i] * 1000));
    }
    return Optional.of(Duration.ofNanos(micros[micros.length - 1] * 1000));
  }

  /** {@return the mean latency of the answered requests, empty without any} */
  public Optional<Duration> mean() {
    if (isEmpty()) return Optional.empty();
    double sum = 0;
    for (int i = 0; i < micros.length; i++) sum += micros[i] * requests[i];
    return Optional.of(Duration.ofNanos(Math.round(sum / total * 1000)));
  }

  /**
   * Both windows' requests together.
   *
   * @param other another distribution
   * @return the merged distribution
   */
  public ResponseTimes plus(ResponseTimes other) {
    if (other.isEmpty()) return this;
    if (isEmpty()) return other;
    long[] m = Arrays.copyOf(micros, micros.length + other.micros.length);
    double[] w = Arrays.copyOf(requests, requests.length + other.requests.length);
    System.arraycopy(other.micros, 0, m, micros.length, other.micros.length);
    System.arraycopy(other.requests, 0, w, requests.length, other.requests.length);
    return of(m, w);
  }

  /** {@return answered requests per latency, by ascending latency} */
  public Map<Duration, Double> distribution() {
    Map<Duration, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < micros.length; i++)
      out.put(Duration.ofNanos(micros[i] * 1000), requests[i]);
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return "ResponseTimes" + distribution();
  }
}

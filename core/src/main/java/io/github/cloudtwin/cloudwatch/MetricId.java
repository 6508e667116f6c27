package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a CloudWatch metric: namespace, metric name and the exact set of dimensions.
 *
 * <p>Two ids are the same metric only when all three match, as in CloudWatch. Dimensions are kept
 * sorted by name, so {@link #toString()} is stable.
 *
 * @param namespace such as {@code AWS/EC2}
 * @param metricName such as {@code CPUUtilization}
 * @param dimensions name to value, at most 30, sorted by name (immutable)
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record MetricId(String namespace, String metricName, Map<String, String> dimensions) {

  /**
   * Validates and copies.
   *
   * @param namespace such as {@code AWS/EC2}
   * @param metricName such as {@code CPUUtilization}
   * @param dimensions name to value, at most 30, sorted by name (immutable)
   */
  public MetricId {
    Require.name("namespace", namespace);
    Require.name("metricName", metricName);
    Require.notNull("dimensions", dimensions);
    if (dimensions.size() > 30) {
      throw new ValidationException("dimensions", dimensions.size(), "at most 30 dimensions");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : dimensions.entrySet()) {
      sorted.put(
          Require.name("dimension name", e.getKey()),
          Require.name("dimension value of " + e.getKey(), e.getValue()));
    }
    dimensions = Collections.unmodifiableMap(sorted);
  }

  /**
   * A metric id from alternating dimension names and values: {@code of("AWS/EC2", "CPUUtilization",
   * "InstanceId", "i-0abc")}.
   *
   * @param namespace the namespace
   * @param metricName the metric name
   * @param dimensionNamesAndValues the dimension names and values
   * @return a metric id from alternating dimension names and values: {@code of("AWS/EC2",
   *     "CPUUtilization", "InstanceId", "i-0abc")}
   */
  public static MetricId of(
      String namespace, String metricName, String... dimensionNamesAndValues) {
    Require.notNull("dimensions", dimensionNamesAndValues);
    if (dimensionNamesAndValues.length % 2 != 0) {
      throw new ValidationException(
          "dimensions", dimensionNamesAndValues.length + " strings", "pairs of name and value");
    }
    Map<String, String> dims = new TreeMap<>();
    for (int i = 0; i < dimensionNamesAndValues.length; i += 2) {
      String name = Require.name("dimension name", dimensionNamesAndValues[i]);
      if (dims.put(name, Require.name("dimension value", dimensionNamesAndValues[i + 1])) != null) {
        throw new ValidationException(
            "dimension name",
            name,
            "each dimension name at most once (a metric has one value per dimension)");
      }
    }
    return new MetricId(namespace, metricName, dims);
  }

  /**
   * The value of one dimension, or null.
   *
   * @param name the name
   * @return the value of one dimension, or null
   */
  public @Nullable String dimension(String name) {
    return dimensions.get(name);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(namespace).append(' ').append(metricName);
    if (!dimensions.isEmpty()) {
      sb.append(dimensions.toString());
    }
    return sb.toString();
  }
}

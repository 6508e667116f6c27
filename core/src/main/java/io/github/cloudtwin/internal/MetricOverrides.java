package io.github.cloudtwin.internal;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Internal, not API: what CloudWatch's injections say about a metric an instance publishes, asked
 * by the publishers (EC2's CPUUtilization) before they write a sample.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface MetricOverrides {

  /**
   * Whether a gap silences the instance's (or its group's) metric at that time.
   *
   * @param metricName the metric name
   * @param instanceId the instance id
   * @param groupName the instance's group, or null
   * @param epochMillis the sample's time
   * @return whether nothing may be published
   */
  boolean isSuppressed(
      String metricName, String instanceId, @Nullable String groupName, long epochMillis);

  /**
   * The injected value of the metric for the instance (or its group) at that time.
   *
   * @param metricName the metric name
   * @param instanceId the instance id
   * @param groupName the instance's group, or null
   * @param epochMillis the sample's time
   * @return the injected value, or NaN when nothing is injected
   */
  double injectedValue(
      String metricName, String instanceId, @Nullable String groupName, long epochMillis);

  /**
   * Whether an injection of the metric for a single instance (not a group) covers that time: when
   * none does, {@link #isSuppressed} and {@link #injectedValue} depend on the group alone, and a
   * publisher may ask once per group.
   *
   * @param metricName the metric name
   * @param epochMillis the sample's time
   * @return whether any instance's own injection covers the time (true when unknown)
   */
  default boolean namesAnInstance(String metricName, long epochMillis) {
    return true;
  }

  /**
   * Whether any injection of the metric could cover that time: when none does, nothing is
   * suppressed or injected, and a publisher need not ask per instance.
   *
   * @param metricName the metric name
   * @param epochMillis the sample's time
   * @return whether an injection may apply (true when unknown)
   */
  default boolean injectsAny(String metricName, long epochMillis) {
    return true;
  }
}

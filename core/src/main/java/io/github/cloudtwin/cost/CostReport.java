package io.github.cloudtwin.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a scenario cost over {@code [from, to)}, in US dollars, from the timeline's facts: per
 * instance and Fargate task, per Auto Scaling group and per scaling policy. Immutable.
 *
 * @param from the window's start (the twin's start)
 * @param to the window's end (the virtual time the report was made)
 * @param totalUsd everything: instances and Fargate tasks
 * @param byGroup instance cost per Auto Scaling group, sorted by name (instances of no group are
 *     not in it)
 * @param byPolicy instance cost per scaling policy that launched the instances, sorted by name
 * @param unattributedUsd instance cost no policy launched (the group's initial capacity, manual
 *     changes, replacements, schedules, instances of no group)
 * @param instances one charge per instance that ran, in launch order
 * @param tasks one charge per Fargate task that ran, in placement order
 * @param priceSource where the prices came from
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record CostReport(
    Instant from,
    Instant to,
    double totalUsd,
    Map<String, Double> byGroup,
    Map<String, Double> byPolicy,
    double unattributedUsd,
    List<InstanceCharge> instances,
    List<TaskCharge> tasks,
    String priceSource) {

  /**
   * Copies the collections.
   *
   * @param from the window's start (the twin's start)
   * @param to the window's end (the virtual time the report was made)
   * @param totalUsd everything: instances and Fargate tasks
   * @param byGroup instance cost per Auto Scaling group, sorted by name
   * @param byPolicy instance cost per scaling policy that launched the instances, sorted by name
   * @param unattributedUsd instance cost no policy launched
   * @param instances one charge per instance that ran, in launch order
   * @param tasks one charge per Fargate task that ran, in placement order
   * @param priceSource where the prices came from
   */
  public CostReport {
    byGroup = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byGroup));
    byPolicy = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byPolicy));
    instances = List.copyOf(instances);
    tasks = List.copyOf(tasks);
  }

  /** {@return the window's length} */
  public Duration duration() {
    return Duration.between(from, to);
  }

  /** {@return the total spread over the window: USD per hour (0 for an empty window)} */
  public double costPerHour() {
    long ms = duration().toMillis();
    return ms <= 0 ? 0 : totalUsd * 3_600_000.0 / ms;
  }

  /**
   * The instance cost of one Auto Scaling group (0 when it ran nothing).
   *
   * @param groupName the group
   * @return USD
   */
  public double group(String groupName) {
    return byGroup.getOrDefault(groupName, 0.0);
  }

  /**
   * The instance cost attributed to one scaling policy (0 when it launched nothing).
   *
   * @param policyName the policy
   * @return USD
   */
  public double policy(String policyName) {
    return byPolicy.getOrDefault(policyName, 0.0);
  }

  /** {@return instance-seconds billed in total} */
  public long billedInstanceSeconds() {
    long s = 0;
    for (InstanceCharge c : instances) s += c.billedSeconds();
    return s;
  }
}

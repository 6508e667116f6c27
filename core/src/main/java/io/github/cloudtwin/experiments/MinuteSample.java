package io.github.cloudtwin.experiments;

import io.github.cloudtwin.elb.ResponseTimes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One minute of an experiment as the twin saw it: the requests its load balancers counted in the
 * minute, how many failed, their mean response time, and the lowest count during the minute of
 * InService instances per group, healthy targets per target group and running tasks per service (a
 * dip shorter than a minute shows).
 *
 * @param end the minute's end, as an offset from the experiment's start
 * @param requests requests the load balancers counted in the minute
 * @param errors of them, answered 5XX by the load balancer or the target
 * @param meanResponseSeconds the mean target response time, NaN when no target answered
 * @param responseTimes the target response times of the minute, with their percentiles
 * @param inService the fewest InService instances per Auto Scaling group during the minute
 * @param healthyTargets the fewest healthy targets per target group
 * @param runningTasks the fewest running tasks per ECS service ({@code cluster/service})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record MinuteSample(
    Duration end,
    double requests,
    double errors,
    double meanResponseSeconds,
    ResponseTimes responseTimes,
    Map<String, Integer> inService,
    Map<String, Integer> healthyTargets,
    Map<String, Integer> runningTasks) {

  /**
   * Copies the maps.
   *
   * @param end the minute's end
   * @param requests requests counted
   * @param errors failed requests
   * @param meanResponseSeconds mean response time or NaN
   * @param responseTimes the minute's response times
   * @param inService InService instances per group
   * @param healthyTargets healthy targets per target group
   * @param runningTasks running tasks per service
   */
  public MinuteSample {
    io.github.cloudtwin.internal.kernel.Require.notNull("responseTimes", responseTimes);
    inService = Map.copyOf(inService);
    healthyTargets = Map.copyOf(healthyTargets);
    runningTasks = Map.copyOf(runningTasks);
  }

  /**
   * A percentile of the minute's target response times.
   *
   * @param percentile more than 0 and at most 100, such as 50 or 99
   * @return the latency, empty when no target answered in the minute
   */
  public Optional<Duration> responseTime(double percentile) {
    return responseTimes.percentile(percentile);
  }

  /** {@return errors / requests, 0 without requests} */
  public double errorRate() {
    return requests <= 0 ? 0 : errors / requests;
  }

  /**
   * The lowest count of one resource during the minute.
   *
   * @param resource {@code group/NAME} (InService instances), {@code target-group/NAME} (healthy
   *     targets) or {@code service/CLUSTER/NAME} (running tasks)
   * @return the count, 0 for a resource the twin does not have
   */
  public int count(String resource) {
    io.github.cloudtwin.internal.kernel.Require.notBlank("resource", resource);
    if (resource.startsWith("group/")) return inService.getOrDefault(resource.substring(6), 0);
    if (resource.startsWith("target-group/"))
      return healthyTargets.getOrDefault(resource.substring(13), 0);
    if (resource.startsWith("service/")) return runningTasks.getOrDefault(resource.substring(8), 0);
    throw new io.github.cloudtwin.kernel.ValidationException(
        "resource", resource, "group/NAME, target-group/NAME or service/CLUSTER/NAME");
  }
}

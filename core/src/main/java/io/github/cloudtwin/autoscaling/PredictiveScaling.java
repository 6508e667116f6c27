package io.github.cloudtwin.autoscaling;

import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.facts.AutoScalingFact;
import io.github.cloudtwin.internal.kernel.Cancellable;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Phase;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The predictive scaling policies of one twin's Auto Scaling groups: {@code PutScalingPolicy} with
 * {@code PolicyType PredictiveScaling}, {@code DeletePolicy} and {@code
 * GetPredictiveScalingForecast} (Predictive scaling for Amazon EC2 Auto Scaling,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-predictive-scaling.html).
 * A policy forecasts when it is put and every 6 hours of virtual time (at 00:00, 06:00, 12:00 and
 * 18:00 UTC), from at least 24 hours and up to 14 days of its load metric, hourly values for the
 * next 48 hours; in ForecastAndScale mode it raises the group's desired capacity to each hour's
 * forecast {@code SchedulingBufferTime} before the hour, and never lowers it. Obtain it from {@code
 * twin.autoScaling().predictiveScaling()}. Thread-safe: every method runs under the simulation
 * lock; a refused call changes nothing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class PredictiveScaling {

  /** How often a policy's forecast is made again (How predictive scaling works): 6 hours. */
  public static final Duration FORECAST_INTERVAL = Duration.ofHours(6);

  private static final Duration LONGEST_QUERY = Duration.ofDays(30);

  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final GroupRegistry registry;
  private final Supplier<String> uuid;
  private final Map<String, Map<String, PredictiveRuntime>> byGroup = new LinkedHashMap<>();
  private @Nullable Cancellable refresher;

  PredictiveScaling(
      Kernel kernel, CloudWatch cloudWatch, GroupRegistry registry, Supplier<String> uuid) {
    this.kernel = kernel;
    this.cloudWatch = cloudWatch;
    this.registry = registry;
    this.uuid = uuid;
  }

  /**
   * Creates or replaces a predictive scaling policy, as {@code PutScalingPolicy}, and makes its
   * first forecast now (none, recorded as such, with less than 24 hours of load history).
   *
   * @param spec the policy
   * @return the policy as stored
   */
  public PredictiveScalingPolicy putScalingPolicy(PredictiveScalingPolicy spec) {
    Require.notNull("spec", spec);
    return kernel.call(
        () -> {
          GroupRuntime g = registry.runtime(spec.autoScalingGroupName());
          if (g.policies.containsKey(spec.policyName())) {
            throw new ValidationException(
                "PolicyName",
                spec.policyName(),
                "a name no other scaling policy of group " + g.name + " has");
          }
          Map<String, PredictiveRuntime> policies = live(g);
          PredictiveRuntime old = policies.get(spec.policyName());
          if (old != null) old.stop();
          // a replaced policy keeps its ARN, as a dynamic policy does
          String arn =
              old != null
                  ? old.arn
                  : kernel
                      .arns()
                      .of(
                          "autoscaling",
                          "scalingPolicy:"
                              + uuid.get()
                              + ":autoScalingGroupName/"
                              + g.name
                              + ":policyName/"
                              + spec.policyName());
          PredictiveRuntime p = new PredictiveRuntime(g, spec, arn, kernel, cloudWatch);
          policies.put(spec.policyName(), p);
          long id =
              g.record(
                  new AutoScalingFact.PredictiveScalingPolicyPut(spec.policyName(), g.name, spec));
          if (refresher == null) {
            refresher = kernel.every(FORECAST_INTERVAL, Phase.ACT, this::refreshAll);
          }
          kernel.runWithCause(id, p::forecast);
          return spec;
        });
  }

  /**
   * Deletes a predictive scaling policy, as {@code DeletePolicy}; its pending capacity actions go
   * with it (capacity it added stays).
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  public void deletePolicy(String groupName, String policyName) {
    kernel.run(
        () -> {
          GroupRuntime g = registry.runtime(groupName);
          PredictiveRuntime p = runtime(g, policyName);
          p.stop();
          live(g).remove(policyName);
          g.record(new AutoScalingFact.PredictiveScalingPolicyDeleted(policyName, g.name));
        });
  }

  /**
   * Refuses {@code ExecutePolicy} on a predictive scaling policy: AWS executes only simple and step
   * scaling policies (API_ExecutePolicy: HonorCooldown "Valid only if the policy type is
   * SimpleScaling", MetricValue and BreachThreshold "Required if the policy type is StepScaling and
   * not supported otherwise").
   *
   * @param groupName the group name
   * @param policyName the policy name
   */
  void refuseExecute(String groupName, String policyName) {
    kernel.run(
        () -> {
          if (live(registry.runtime(groupName)).containsKey(policyName)) {
            throw new ValidationException(
                "PolicyName",
                policyName,
                "a simple or step scaling policy (ExecutePolicy does not support predictive"
                    + " scaling policies)",
                "Policy "
                    + policyName
                    + " of type PredictiveScaling cannot be executed: ExecutePolicy runs only"
                    + " SimpleScaling and StepScaling policies.");
          }
        });
  }

  /**
   * {@return the group's predictive scaling policies, in the order they were first put}
   *
   * @param groupName the group name
   */
  public List<PredictiveScalingPolicy> policies(String groupName) {
    return kernel.call(
        () -> live(registry.runtime(groupName)).values().stream().map(p -> p.spec).toList());
  }

  /**
   * {@return the policy's ARN ({@code PolicyARN}), kept when the policy is put again}
   *
   * @param groupName the group name
   * @param policyName the predictive scaling policy name
   */
  public String policyArn(String groupName, String policyName) {
    return kernel.call(() -> runtime(registry.runtime(groupName), policyName).arn);
  }

  /**
   * The forecast hours in {@code [startTime, endTime)}, as {@code GetPredictiveScalingForecast}:
   * the newest forecast's value for each hour, past hours included; empty before the first
   * forecast.
   *
   * @param groupName the group name
   * @param policyName the predictive scaling policy name
   * @param startTime the inclusive start
   * @param endTime the exclusive end, after the start and at most 30 days later
   * @return the forecast hours, oldest first
   */
  public List<PredictiveScalingForecast> getPredictiveScalingForecast(
      String groupName, String policyName, Instant startTime, Instant endTime) {
    Require.notNull("StartTime", startTime);
    Require.notNull("EndTime", endTime);
    if (!endTime.isAfter(startTime)) {
      throw new ValidationException("EndTime", endTime, "after StartTime " + startTime);
    }
    if (Duration.between(startTime, endTime).compareTo(LONGEST_QUERY) > 0) {
      throw new ValidationException(
          "EndTime", endTime, "at most 30 days after StartTime " + startTime);
    }
    return kernel.call(
        () -> runtime(registry.runtime(groupName), policyName).forecasts(startTime, endTime));
  }

  /**
   * {@return when the policy's newest forecast was made ({@code UpdateTime}), or empty before the
   * first}
   *
   * @param groupName the group name
   * @param policyName the predictive scaling policy name
   */
  public Optional<Instant> forecastUpdateTime(String groupName, String policyName) {
    return kernel.call(() -> runtime(registry.runtime(groupName), policyName).updateTime());
  }

  private void refreshAll() {
    for (Map<String, PredictiveRuntime> policies : List.copyOf(byGroup.values())) {
      policies.values().removeIf(p -> !p.live());
      for (PredictiveRuntime p : List.copyOf(policies.values())) p.forecast();
    }
  }

  /** The group's policies; a deleted group's (or one of the same name before it) are dropped. */
  private Map<String, PredictiveRuntime> live(GroupRuntime g) {
    Map<String, PredictiveRuntime> policies =
        byGroup.computeIfAbsent(g.name, k -> new LinkedHashMap<>());
    if (policies.values().stream().anyMatch(p -> p.group != g)) {
      policies.values().forEach(PredictiveRuntime::stop);
      policies.clear();
    }
    return policies;
  }

  private PredictiveRuntime runtime(GroupRuntime g, String policyName) {
    Require.name("PolicyName", policyName);
    PredictiveRuntime p = live(g).get(policyName);
    if (p == null) {
      throw new ValidationException(
          "PolicyName",
          policyName,
          "the name of a predictive scaling policy of group " + g.name + " " + live(g).keySet());
    }
    return p;
  }
}

package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.PredictiveScaling;
import io.github.cloudtwin.autoscaling.PredictiveScalingForecast;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Auto Scaling's predictive scaling policies over {@code twin.autoScaling().predictiveScaling()}:
 * {@code PutScalingPolicy} with {@code PolicyType PredictiveScaling}, their part of {@code
 * DescribePolicies} and {@code DeletePolicy}, and {@code GetPredictiveScalingForecast}
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_GetPredictiveScalingForecast.html).
 * Thread-safe like the twin.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PredictiveScalingOperations {

  /** The policy type AWS names predictive scaling policies with. */
  public static final String POLICY_TYPE = "PredictiveScaling";

  private final CloudTwin twin;
  private final AutoScaling autoScaling;
  private final GroupLookup groups;

  PredictiveScalingOperations(CloudTwin twin, GroupLookup groups) {
    this.twin = twin;
    this.autoScaling = twin.autoScaling();
    this.groups = groups;
  }

  /**
   * A predictive scaling policy as {@code DescribePolicies} lists it.
   *
   * @param policyArn the policy's ARN
   * @param spec the policy as stored
   */
  public record PredictivePolicy(String policyArn, PredictiveScalingPolicy spec) {}

  /**
   * {@code GetPredictiveScalingForecast}'s answer.
   *
   * @param policyArn the policy's ARN
   * @param spec the policy the forecast is of (its metric specification is answered back)
   * @param hours the forecast hours in the range, oldest first
   * @param updateTime when the newest forecast was made, or empty before the first
   */
  public record Forecast(
      String policyArn,
      PredictiveScalingPolicy spec,
      List<PredictiveScalingForecast> hours,
      Optional<Instant> updateTime) {}

  /**
   * {@code PutScalingPolicy} with {@code PolicyType PredictiveScaling}: creates or replaces the
   * policy (a replaced one keeps its ARN) and makes its first forecast.
   *
   * @param spec the policy
   * @return the policy's ARN
   */
  public String putScalingPolicy(PredictiveScalingPolicy spec) {
    groups.group(spec.autoScalingGroupName());
    PredictiveScaling ps = autoScaling.predictiveScaling();
    ps.putScalingPolicy(spec);
    return ps.policyArn(spec.autoScalingGroupName(), spec.policyName());
  }

  /**
   * {@code GetPredictiveScalingForecast}: the newest forecast's hours in {@code [startTime,
   * endTime)}; StartTime at most one year before now, the range at most 30 days.
   *
   * @param groupName the group
   * @param policyName the predictive scaling policy
   * @param startTime the inclusive start
   * @param endTime the exclusive end
   * @return the forecast
   */
  public Forecast getPredictiveScalingForecast(
      String groupName, String policyName, Instant startTime, Instant endTime) {
    groups.group(groupName);
    Constraints.requiredName("policyName", policyName, 255);
    required("startTime", startTime);
    required("endTime", endTime);
    Instant now = twin.clock().instant();
    Instant yearAgo = now.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
    if (startTime.isBefore(yearAgo)) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "StartTime "
              + startTime
              + " is more than one year before the current time "
              + now
              + ": give "
              + yearAgo
              + " or later.");
    }
    PredictiveScaling ps = autoScaling.predictiveScaling();
    PredictiveScalingPolicy spec = policy(groupName, policyName);
    return new Forecast(
        ps.policyArn(groupName, policyName),
        spec,
        ps.getPredictiveScalingForecast(groupName, policyName, startTime, endTime),
        ps.forecastUpdateTime(groupName, policyName));
  }

  /** {@return every predictive scaling policy of the named group, or of every group (null)} */
  List<PredictivePolicy> policies(@Nullable String groupName) {
    List<String> names = new ArrayList<>();
    if (groupName != null) {
      names.add(groups.group(groupName).name());
    } else {
      autoScaling.groups().forEach(g -> names.add(g.name()));
    }
    PredictiveScaling ps = autoScaling.predictiveScaling();
    List<PredictivePolicy> out = new ArrayList<>();
    for (String g : names) {
      for (PredictiveScalingPolicy p : ps.policies(g)) {
        out.add(new PredictivePolicy(ps.policyArn(g, p.policyName()), p));
      }
    }
    return out;
  }

  /**
   * Deletes the predictive scaling policy named (by name in the group, or by ARN), if there is one.
   *
   * @return whether a predictive policy was deleted
   */
  boolean deleteIfPredictive(String groupName, String policyNameOrArn) {
    boolean byArn = policyNameOrArn.startsWith("arn:");
    if (!byArn && (groupName == null || !groups.exists(groupName))) return false;
    for (PredictivePolicy p : policies(byArn ? null : groupName)) {
      String name = p.spec().policyName();
      if (byArn ? p.policyArn().equals(policyNameOrArn) : name.equals(policyNameOrArn)) {
        autoScaling.predictiveScaling().deletePolicy(p.spec().autoScalingGroupName(), name);
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses a dynamic policy under a predictive policy's name: the group's policy names are one
   * set.
   */
  void checkNameFree(String groupName, String policyName) {
    if (groupName == null || policyName == null || !groups.exists(groupName)) return;
    for (PredictiveScalingPolicy p : autoScaling.predictiveScaling().policies(groupName)) {
      if (p.policyName().equals(policyName)) {
        throw AwsErrorException.badRequest(
            "ValidationError",
            "Policy "
                + policyName
                + " of AutoScalingGroup "
                + groupName
                + " is a PredictiveScaling policy: delete it first to put another type under"
                + " its name.");
      }
    }
  }

  private PredictiveScalingPolicy policy(String groupName, String policyName) {
    for (PredictiveScalingPolicy p : autoScaling.predictiveScaling().policies(groupName)) {
      if (p.policyName().equals(policyName)) return p;
    }
    for (ScalingPolicy p : autoScaling.policies(groupName)) {
      if (p.policyName().equals(policyName)) {
        throw AwsErrorException.badRequest(
            "ValidationError",
            "Policy "
                + policyName
                + " of AutoScalingGroup "
                + groupName
                + " is not a PredictiveScaling policy.");
      }
    }
    throw AwsErrorException.badRequest(
        "ValidationError", "Policy " + policyName + " not found for AutoScalingGroup " + groupName);
  }
}

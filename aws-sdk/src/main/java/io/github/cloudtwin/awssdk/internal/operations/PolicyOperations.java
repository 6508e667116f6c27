package io.github.cloudtwin.awssdk.internal.operations;

import static io.github.cloudtwin.awssdk.internal.operations.Constraints.required;

import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.AutoScalingGroup;
import io.github.cloudtwin.autoscaling.ScalingActivityInProgressException;
import io.github.cloudtwin.autoscaling.ScalingPolicy;
import io.github.cloudtwin.autoscaling.ScalingPolicySpec;
import io.github.cloudtwin.awssdk.internal.operations.AutoScalingDescriptions.PolicyDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Auto Scaling's scaling policies: put, delete, describe and execute, by name or ARN. */
final class PolicyOperations {

  private final AutoScaling autoScaling;
  private final GroupLookup groups;
  private final Pagination pages;
  private final PredictiveScalingOperations predictive;

  PolicyOperations(
      AutoScaling autoScaling,
      GroupLookup groups,
      Pagination pages,
      PredictiveScalingOperations predictive) {
    this.autoScaling = autoScaling;
    this.groups = groups;
    this.pages = pages;
    this.predictive = predictive;
  }

  ScalingPolicy putScalingPolicy(ScalingPolicySpec spec) {
    groups.group(spec.autoScalingGroupName());
    predictive.checkNameFree(spec.autoScalingGroupName(), spec.policyName());
    return autoScaling.putScalingPolicy(spec);
  }

  void deletePolicy(String groupName, String policyNameOrArn) {
    required("policyName", policyNameOrArn);
    if (predictive.deleteIfPredictive(groupName, policyNameOrArn)) return;
    ScalingPolicy p = policy(groupName, policyNameOrArn);
    autoScaling.deletePolicy(p.autoScalingGroupName(), p.policyName());
  }

  Page<PolicyDescription> describePolicies(
      @Nullable String groupName,
      @Nullable List<String> policyNames,
      @Nullable List<String> policyTypes,
      @Nullable String nextToken,
      @Nullable Integer maxRecords) {
    List<PolicyDescription> all = new ArrayList<>();
    List<AutoScalingGroup> gs =
        groupName == null ? autoScaling.groups() : List.of(groups.group(groupName));
    for (AutoScalingGroup g : gs) {
      for (ScalingPolicy p : autoScaling.policies(g.name())) {
        all.add(new PolicyDescription(p, null));
      }
    }
    for (PredictiveScalingOperations.PredictivePolicy p : predictive.policies(groupName)) {
      all.add(new PolicyDescription(null, p));
    }
    if (policyNames != null && !policyNames.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(policyNames);
      all.removeIf(p -> !wanted.contains(p.policyName()) && !wanted.contains(p.policyArn()));
    }
    if (policyTypes != null && !policyTypes.isEmpty()) {
      all.removeIf(p -> !policyTypes.contains(p.policyType()));
    }
    all.sort(
        Comparator.comparing(PolicyDescription::autoScalingGroupName)
            .thenComparing(PolicyDescription::policyName));
    return pages.page("DescribePolicies", all, nextToken, maxRecords, 50, 100, "maxRecords");
  }

  static String policyType(ScalingPolicySpec spec) {
    if (spec instanceof io.github.cloudtwin.autoscaling.SimpleScalingPolicy) return "SimpleScaling";
    if (spec instanceof io.github.cloudtwin.autoscaling.StepScalingPolicy) return "StepScaling";
    return "TargetTrackingScaling";
  }

  void executePolicy(
      String groupName,
      String policyNameOrArn,
      boolean honorCooldown,
      Double metricValue,
      Double breachThreshold) {
    ScalingPolicy p = policy(groupName, policyNameOrArn);
    try {
      autoScaling.executePolicy(
          p.autoScalingGroupName(), p.policyName(), honorCooldown, metricValue, breachThreshold);
    } catch (ScalingActivityInProgressException e) {
      throw ScalingActivities.inProgress(e);
    }
  }

  private ScalingPolicy policy(String groupName, String policyNameOrArn) {
    required("policyName", policyNameOrArn);
    if (policyNameOrArn.startsWith("arn:")) {
      for (AutoScalingGroup g : autoScaling.groups()) {
        for (ScalingPolicy p : autoScaling.policies(g.name())) {
          if (p.policyArn().equals(policyNameOrArn)) return p;
        }
      }
      throw AwsErrorException.badRequest("ValidationError", "No such policy: " + policyNameOrArn);
    }
    if (groupName == null) {
      throw AwsErrorException.badRequest(
          "ValidationError",
          "AutoScalingGroupName is required when PolicyName is not" + " an ARN.");
    }
    groups.group(groupName);
    for (ScalingPolicy p : autoScaling.policies(groupName)) {
      if (p.policyName().equals(policyNameOrArn)) return p;
    }
    throw AwsErrorException.badRequest(
        "ValidationError",
        "Policy " + policyNameOrArn + " not found for" + " AutoScalingGroup " + groupName);
  }
}

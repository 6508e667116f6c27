package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.ApplicationAutoScaling;
import io.github.cloudtwin.appautoscaling.ScalableTarget;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.ScalingActivity;
import io.github.cloudtwin.appautoscaling.ScalingPolicy;
import io.github.cloudtwin.appautoscaling.ScalingPolicySpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Application Auto Scaling API operations over the twin (ECS service desired counts), independent
 * of any SDK: scalable targets, scaling policies, activities; AWS's {@code ValidationException} and
 * {@code ObjectNotFoundException}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ApplicationAutoScalingOperations {

  /** The scalable dimension the twin simulates. */
  public static final String DIMENSION = "ecs:service:DesiredCount";

  private static final Pagination PAGES =
      new Pagination("application-autoscaling", "InvalidNextTokenException");

  private final ApplicationAutoScaling aas;

  /** Operations on {@code twin}. */
  public ApplicationAutoScalingOperations(CloudTwin twin) {
    this.aas = Objects.requireNonNull(twin, "twin").applicationAutoScaling();
  }

  /** {@code RegisterScalableTarget}: creates, or updates the limits given (nulls keep them). */
  public ScalableTarget registerScalableTarget(
      String namespace,
      String resourceId,
      String dimension,
      @Nullable Integer min,
      @Nullable Integer max,
      @Nullable Boolean inSuspended,
      @Nullable Boolean outSuspended) {
    check(namespace, resourceId, dimension);
    ScalableTarget existing = find(resourceId);
    if (existing == null && (min == null || max == null)) {
      throw validation(
          "MinCapacity and MaxCapacity are required when registering a new scalable target.");
    }
    ScalableTargetSpec old = existing == null ? null : existing.spec();
    // a new target has both (checked above); an update keeps what is not given
    int mn = min != null ? min : Objects.requireNonNull(old, "an existing target").minCapacity();
    int mx = max != null ? max : Objects.requireNonNull(old, "an existing target").maxCapacity();
    boolean in = inSuspended != null ? inSuspended : old != null && old.dynamicScalingInSuspended();
    boolean out =
        outSuspended != null ? outSuspended : old != null && old.dynamicScalingOutSuspended();
    try {
      return aas.registerScalableTarget(
          new ScalableTargetSpec(namespace, resourceId, dimension, mn, mx, in, out));
    } catch (ValidationException e) {
      throw validation(e.getMessage());
    }
  }

  /** {@code DescribeScalableTargets}. */
  public Page<ScalableTarget> describeScalableTargets(
      String namespace,
      @Nullable List<String> resourceIds,
      @Nullable String dimension,
      @Nullable String nextToken,
      @Nullable Integer maxResults) {
    namespace(namespace);
    List<ScalableTarget> all = new ArrayList<>();
    for (ScalableTarget t : aas.scalableTargets()) {
      if (resourceIds != null && !resourceIds.isEmpty() && !resourceIds.contains(t.resourceId()))
        continue;
      if (dimension != null && !dimension.equals(t.spec().scalableDimension())) continue;
      all.add(t);
    }
    return PAGES.page("DescribeScalableTargets", all, nextToken, maxResults, 50, 50, "maxResults");
  }

  /** {@code DeregisterScalableTarget}. */
  public void deregisterScalableTarget(String namespace, String resourceId, String dimension) {
    check(namespace, resourceId, dimension);
    target(resourceId);
    aas.deregisterScalableTarget(resourceId);
  }

  /** {@code PutScalingPolicy}: the target must be registered. */
  public ScalingPolicy putScalingPolicy(
      String namespace, String dimension, ScalingPolicySpec spec) {
    check(namespace, spec.resourceId(), dimension);
    target(spec.resourceId());
    try {
      return aas.putScalingPolicy(spec);
    } catch (ValidationException e) {
      if (e.getMessage().contains("at most"))
        throw AwsErrorException.badRequest("LimitExceededException", e.getMessage());
      throw validation(e.getMessage());
    }
  }

  /**
   * One policy with its target, as {@code DescribeScalingPolicies} lists it.
   *
   * @param resourceId the target's resource id
   * @param policy the policy
   */
  public record PolicyOfTarget(String resourceId, ScalingPolicy policy) {}

  /** {@code DescribeScalingPolicies}. */
  public Page<PolicyOfTarget> describeScalingPolicies(
      String namespace,
      @Nullable String resourceId,
      @Nullable List<String> policyNames,
      @Nullable String nextToken,
      @Nullable Integer maxResults) {
    namespace(namespace);
    List<PolicyOfTarget> all = new ArrayList<>();
    for (ScalableTarget t : aas.scalableTargets()) {
      if (resourceId != null && !resourceId.equals(t.resourceId())) continue;
      for (ScalingPolicy p : t.policies()) {
        if (policyNames != null && !policyNames.isEmpty() && !policyNames.contains(p.policyName()))
          continue;
        all.add(new PolicyOfTarget(t.resourceId(), p));
      }
    }
    return PAGES.page("DescribeScalingPolicies", all, nextToken, maxResults, 50, 50, "maxResults");
  }

  /** {@code DeleteScalingPolicy}. */
  public void deleteScalingPolicy(
      String namespace, String policyName, String resourceId, String dimension) {
    check(namespace, resourceId, dimension);
    ScalableTarget t = find(resourceId);
    if (t == null || t.policies().stream().noneMatch(p -> p.policyName().equals(policyName))) {
      throw AwsErrorException.badRequest(
          "ObjectNotFoundException",
          "No scaling policy found for service namespace: "
              + namespace
              + ", resource ID: "
              + resourceId
              + ", scalable dimension: "
              + dimension
              + ", policy name: "
              + policyName);
    }
    aas.deleteScalingPolicy(policyName, resourceId);
  }

  /** {@code DescribeScalingActivities}: newest first. */
  public Page<ScalingActivity> describeScalingActivities(
      String namespace,
      String resourceId,
      @Nullable String nextToken,
      @Nullable Integer maxResults) {
    namespace(namespace);
    List<ScalingActivity> all = new ArrayList<>();
    for (ScalableTarget t : aas.scalableTargets()) {
      if (resourceId == null || resourceId.equals(t.resourceId())) all.addAll(t.activities());
    }
    all.sort(Comparator.comparing(ScalingActivity::startTime).reversed());
    return PAGES.page(
        "DescribeScalingActivities", all, nextToken, maxResults, 50, 50, "maxResults");
  }

  private @Nullable ScalableTarget find(String resourceId) {
    for (ScalableTarget t : aas.scalableTargets()) if (t.resourceId().equals(resourceId)) return t;
    return null;
  }

  private ScalableTarget target(String resourceId) {
    ScalableTarget t = find(resourceId);
    if (t == null) {
      throw AwsErrorException.badRequest(
          "ObjectNotFoundException",
          "No scalable target registered for service"
              + " namespace: ecs, resource ID: "
              + resourceId
              + ", scalable dimension: "
              + DIMENSION);
    }
    return t;
  }

  private static void check(String namespace, String resourceId, String dimension) {
    namespace(namespace);
    if (resourceId == null) throw validation("ResourceId is required.");
    if (dimension == null) throw validation("ScalableDimension is required.");
    if (!DIMENSION.equals(dimension)) {
      throw new UnsupportedOperationException(
          "Scalable dimension "
              + dimension
              + " is not simulated by CloudTwin ("
              + DIMENSION
              + " is)");
    }
  }

  private static void namespace(String namespace) {
    if (namespace == null) throw validation("ServiceNamespace is required.");
    if (!"ecs".equals(namespace)) {
      throw new UnsupportedOperationException(
          "Service namespace " + namespace + " is not simulated by CloudTwin (ecs" + " is)");
    }
  }

  private static AwsErrorException validation(String message) {
    return AwsErrorException.badRequest("ValidationException", message);
  }
}

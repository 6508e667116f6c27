package io.github.cloudtwin.awssdk.internal.appautoscaling;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.AdjustmentType;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.StepScalingPolicySpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.awssdk.internal.SdkErrors;
import io.github.cloudtwin.awssdk.internal.operations.ApplicationAutoScalingOperations;
import io.github.cloudtwin.awssdk.internal.operations.ApplicationAutoScalingOperations.PolicyOfTarget;
import io.github.cloudtwin.awssdk.internal.operations.AwsErrorException;
import io.github.cloudtwin.awssdk.internal.operations.Ids;
import io.github.cloudtwin.awssdk.internal.operations.Page;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.facts.ServiceScalingFact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;
import software.amazon.awssdk.services.applicationautoscaling.model.ConcurrentUpdateException;
import software.amazon.awssdk.services.applicationautoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.applicationautoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;

/**
 * The {@code ApplicationAutoScalingClient} operations for ECS services over {@link
 * ApplicationAutoScalingOperations}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ApplicationAutoScalingHandler {

  /** Application Auto Scaling's error codes and the SDK's modeled exceptions for them. */
  public static final SdkErrors ERRORS =
      new SdkErrors(
          "ApplicationAutoScaling",
          "ValidationException",
          ApplicationAutoScalingException::builder,
          Map.<String, Supplier<AwsServiceException.Builder>>of(
              "ValidationException", ValidationException::builder,
              "ObjectNotFoundException", ObjectNotFoundException::builder,
              "LimitExceededException", LimitExceededException::builder,
              "ConcurrentUpdateException", ConcurrentUpdateException::builder,
              "InvalidNextTokenException", InvalidNextTokenException::builder));

  private static final String DIMENSION = ApplicationAutoScalingOperations.DIMENSION;

  private final CloudTwin twin;
  private final ApplicationAutoScalingOperations ops;

  /** A handler over {@code ops}. */
  public ApplicationAutoScalingHandler(CloudTwin twin, ApplicationAutoScalingOperations ops) {
    this.twin = twin;
    this.ops = ops;
  }

  /** RegisterScalableTarget. */
  public RegisterScalableTargetResponse registerScalableTarget(RegisterScalableTargetRequest r) {
    SuspendedState s = r.suspendedState();
    var t =
        ops.registerScalableTarget(
            r.serviceNamespaceAsString(),
            r.resourceId(),
            r.scalableDimensionAsString(),
            r.minCapacity(),
            r.maxCapacity(),
            s == null ? null : s.dynamicScalingInSuspended(),
            s == null ? null : s.dynamicScalingOutSuspended());
    return RegisterScalableTargetResponse.builder()
        .scalableTargetARN(targetArn(t.resourceId()))
        .build();
  }

  private String targetArn(String resourceId) {
    return twin.arns()
        .of("application-autoscaling", "scalable-target/" + Ids.hex("target/" + resourceId, 28));
  }

  /** DescribeScalableTargets. */
  public DescribeScalableTargetsResponse describeScalableTargets(DescribeScalableTargetsRequest r) {
    Page<io.github.cloudtwin.appautoscaling.ScalableTarget> p =
        ops.describeScalableTargets(
            r.serviceNamespaceAsString(),
            r.hasResourceIds() ? r.resourceIds() : null,
            r.scalableDimensionAsString(),
            r.nextToken(),
            r.maxResults());
    List<ScalableTarget> out = new ArrayList<>();
    for (io.github.cloudtwin.appautoscaling.ScalableTarget t : p.items()) {
      ScalableTargetSpec s = t.spec();
      out.add(
          ScalableTarget.builder()
              .serviceNamespace(s.serviceNamespace())
              .resourceId(s.resourceId())
              .scalableDimension(s.scalableDimension())
              .minCapacity(s.minCapacity())
              .maxCapacity(s.maxCapacity())
              .roleARN(
                  twin.arns()
                      .global(
                          "iam",
                          "role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                              + "AWSServiceRoleForApplicationAutoScaling_ECSService"))
              .creationTime(created(s.resourceId()))
              .suspendedState(
                  SuspendedState.builder()
                      .dynamicScalingInSuspended(s.dynamicScalingInSuspended())
                      .dynamicScalingOutSuspended(s.dynamicScalingOutSuspended())
                      .scheduledScalingSuspended(false)
                      .build())
              .scalableTargetARN(targetArn(s.resourceId()))
              .build());
    }
    return DescribeScalableTargetsResponse.builder()
        .scalableTargets(out)
        .nextToken(p.nextToken())
        .build();
  }

  private java.time.Instant created(String resourceId) {
    for (var e : twin.timeline().events(ServiceScalingFact.ScalableTargetRegistered.class)) {
      if (((ServiceScalingFact.ScalableTargetRegistered) e.fact()).resourceId().equals(resourceId))
        return e.time();
    }
    return twin.now();
  }

  /** DeregisterScalableTarget. */
  public DeregisterScalableTargetResponse deregisterScalableTarget(
      DeregisterScalableTargetRequest r) {
    ops.deregisterScalableTarget(
        r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
    return DeregisterScalableTargetResponse.builder().build();
  }

  /** PutScalingPolicy: TargetTrackingScaling (default) or StepScaling. */
  public PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest r) {
    if (r.policyName() == null) throw validation("PolicyName is required.");
    String type = r.policyTypeAsString() == null ? "StepScaling" : r.policyTypeAsString();
    io.github.cloudtwin.appautoscaling.ScalingPolicySpec spec;
    if (type.equals("TargetTrackingScaling")) {
      TargetTrackingScalingPolicyConfiguration c = r.targetTrackingScalingPolicyConfiguration();
      if (c == null)
        throw validation(
            "TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling"
                + " policy.");
      if (c.targetValue() == null) throw validation("TargetValue is required.");
      PredefinedMetricType predefined = null;
      String label = null;
      MetricId custom = null;
      Statistic stat = Statistic.AVERAGE; // the spec's default, as without a customized metric
      if (c.predefinedMetricSpecification() != null) {
        try {
          predefined =
              PredefinedMetricType.valueOf(
                  c.predefinedMetricSpecification().predefinedMetricTypeAsString());
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new UnsupportedOperationException(
              "Predefined metric "
                  + c.predefinedMetricSpecification().predefinedMetricTypeAsString()
                  + " is not simulated by CloudTwin (the ECS service metrics are)");
        }
        label = c.predefinedMetricSpecification().resourceLabel();
      }
      if (c.customizedMetricSpecification() != null) {
        CustomizedMetricSpecification m = c.customizedMetricSpecification();
        Map<String, String> dims = new TreeMap<>();
        if (m.hasDimensions())
          for (MetricDimension d : m.dimensions()) dims.put(d.name(), d.value());
        custom = new MetricId(m.namespace(), m.metricName(), dims);
        stat = Statistic.parse(m.statisticAsString());
      }
      spec =
          new TargetTrackingPolicySpec(
              r.policyName(),
              r.resourceId(),
              predefined,
              label,
              custom,
              stat,
              c.targetValue(),
              Duration.ofSeconds(c.scaleOutCooldown() == null ? 300 : c.scaleOutCooldown()),
              Duration.ofSeconds(c.scaleInCooldown() == null ? 300 : c.scaleInCooldown()),
              Boolean.TRUE.equals(c.disableScaleIn()));
    } else if (type.equals("StepScaling")) {
      StepScalingPolicyConfiguration c = r.stepScalingPolicyConfiguration();
      if (c == null)
        throw validation("StepScalingPolicyConfiguration is required for a StepScaling policy.");
      List<io.github.cloudtwin.appautoscaling.StepAdjustment> steps = new ArrayList<>();
      if (c.hasStepAdjustments()) {
        for (StepAdjustment s : c.stepAdjustments()) {
          steps.add(
              io.github.cloudtwin.appautoscaling.StepAdjustment.of(
                  s.metricIntervalLowerBound(),
                  s.metricIntervalUpperBound(),
                  s.scalingAdjustment() == null ? 0 : s.scalingAdjustment()));
        }
      }
      AdjustmentType adjustment;
      try {
        adjustment = AdjustmentType.valueOf(c.adjustmentTypeAsString());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw validation(
            "AdjustmentType is required: ChangeInCapacity, ExactCapacity or PercentChangeInCapacity.");
      }
      spec =
          new StepScalingPolicySpec(
              r.policyName(),
              r.resourceId(),
              adjustment,
              steps,
              c.minAdjustmentMagnitude() == null ? 0 : c.minAdjustmentMagnitude(),
              Duration.ofSeconds(c.cooldown() == null ? 0 : c.cooldown()));
    } else {
      throw new UnsupportedOperationException(
          "PutScalingPolicy with PolicyType "
              + type
              + " is not simulated by"
              + " CloudTwin (TargetTrackingScaling and StepScaling are)");
    }
    io.github.cloudtwin.appautoscaling.ScalingPolicy p =
        ops.putScalingPolicy(r.serviceNamespaceAsString(), r.scalableDimensionAsString(), spec);
    return PutScalingPolicyResponse.builder().policyARN(p.policyArn()).alarms(alarms(p)).build();
  }

  private List<Alarm> alarms(io.github.cloudtwin.appautoscaling.ScalingPolicy p) {
    return p.alarmNames().stream()
        .map(
            n ->
                Alarm.builder()
                    .alarmName(n)
                    .alarmARN(twin.arns().of("cloudwatch", "alarm:" + n))
                    .build())
        .toList();
  }

  /** DescribeScalingPolicies. */
  public DescribeScalingPoliciesResponse describeScalingPolicies(DescribeScalingPoliciesRequest r) {
    Page<PolicyOfTarget> page =
        ops.describeScalingPolicies(
            r.serviceNamespaceAsString(),
            r.resourceId(),
            r.hasPolicyNames() ? r.policyNames() : null,
            r.nextToken(),
            r.maxResults());
    List<ScalingPolicy> out = new ArrayList<>();
    for (PolicyOfTarget pt : page.items()) {
      var p = pt.policy();
      ScalingPolicy.Builder b =
          ScalingPolicy.builder()
              .policyARN(p.policyArn())
              .policyName(p.policyName())
              .serviceNamespace("ecs")
              .resourceId(pt.resourceId())
              .scalableDimension(DIMENSION)
              .alarms(alarms(p))
              .creationTime(twin.now());
      if (p.spec() instanceof TargetTrackingPolicySpec t) {
        TargetTrackingScalingPolicyConfiguration.Builder c =
            TargetTrackingScalingPolicyConfiguration.builder()
                .targetValue(t.targetValue())
                .scaleOutCooldown((int) t.scaleOutCooldown().getSeconds())
                .scaleInCooldown((int) t.scaleInCooldown().getSeconds())
                .disableScaleIn(t.disableScaleIn());
        if (t.predefinedMetricType() != null) {
          c.predefinedMetricSpecification(
              PredefinedMetricSpecification.builder()
                  .predefinedMetricType(t.predefinedMetricType().name())
                  .resourceLabel(t.resourceLabel())
                  .build());
        } else {
          MetricId metric =
              Objects.requireNonNull(
                  t.customizedMetric(), "a spec has a predefined or a customized metric");
          c.customizedMetricSpecification(
              CustomizedMetricSpecification.builder()
                  .namespace(metric.namespace())
                  .metricName(metric.metricName())
                  .statistic(t.customizedStatistic().toString())
                  .dimensions(
                      metric.dimensions().entrySet().stream()
                          .map(
                              e ->
                                  MetricDimension.builder()
                                      .name(e.getKey())
                                      .value(e.getValue())
                                      .build())
                          .toList())
                  .build());
        }
        b.policyType("TargetTrackingScaling").targetTrackingScalingPolicyConfiguration(c.build());
      } else if (p.spec() instanceof StepScalingPolicySpec s) {
        b.policyType("StepScaling")
            .stepScalingPolicyConfiguration(
                StepScalingPolicyConfiguration.builder()
                    .adjustmentType(s.adjustmentType().name())
                    .stepAdjustments(
                        s.stepAdjustments().stream()
                            .map(
                                a ->
                                    StepAdjustment.builder()
                                        .metricIntervalLowerBound(a.metricIntervalLowerBound())
                                        .metricIntervalUpperBound(a.metricIntervalUpperBound())
                                        .scalingAdjustment(a.scalingAdjustment())
                                        .build())
                            .toList())
                    .minAdjustmentMagnitude(
                        s.minAdjustmentMagnitude() == 0 ? null : s.minAdjustmentMagnitude())
                    .cooldown((int) s.cooldown().getSeconds())
                    .build());
      }
      out.add(b.build());
    }
    return DescribeScalingPoliciesResponse.builder()
        .scalingPolicies(out)
        .nextToken(page.nextToken())
        .build();
  }

  /** DeleteScalingPolicy. */
  public DeleteScalingPolicyResponse deleteScalingPolicy(DeleteScalingPolicyRequest r) {
    ops.deleteScalingPolicy(
        r.serviceNamespaceAsString(),
        r.policyName(),
        r.resourceId(),
        r.scalableDimensionAsString());
    return DeleteScalingPolicyResponse.builder().build();
  }

  /** DescribeScalingActivities: newest first. */
  public DescribeScalingActivitiesResponse describeScalingActivities(
      DescribeScalingActivitiesRequest r) {
    Page<io.github.cloudtwin.appautoscaling.ScalingActivity> page =
        ops.describeScalingActivities(
            r.serviceNamespaceAsString(), r.resourceId(), r.nextToken(), r.maxResults());
    List<ScalingActivity> out = new ArrayList<>();
    for (var a : page.items()) {
      out.add(
          ScalingActivity.builder()
              .activityId(a.activityId())
              .serviceNamespace("ecs")
              .resourceId(a.resourceId())
              .scalableDimension(DIMENSION)
              .description(a.description())
              .cause(a.cause())
              .startTime(a.startTime())
              .endTime(a.endTime())
              .statusCode(a.statusCode())
              .statusMessage(a.statusMessage())
              .build());
    }
    return DescribeScalingActivitiesResponse.builder()
        .scalingActivities(out)
        .nextToken(page.nextToken())
        .build();
  }

  private static AwsErrorException validation(String message) {
    return AwsErrorException.badRequest("ValidationException", message);
  }
}

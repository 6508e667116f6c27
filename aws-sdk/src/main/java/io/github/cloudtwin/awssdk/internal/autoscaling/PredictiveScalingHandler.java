package io.github.cloudtwin.awssdk.internal.autoscaling;

import io.github.cloudtwin.autoscaling.PredictiveScalingForecast;
import io.github.cloudtwin.autoscaling.PredictiveScalingPolicy;
import io.github.cloudtwin.awssdk.internal.operations.PredictiveScalingOperations;
import io.github.cloudtwin.awssdk.internal.operations.PredictiveScalingOperations.Forecast;
import io.github.cloudtwin.awssdk.internal.operations.PredictiveScalingOperations.PredictivePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.autoscaling.model.CapacityForecast;
import software.amazon.awssdk.services.autoscaling.model.GetPredictiveScalingForecastRequest;
import software.amazon.awssdk.services.autoscaling.model.GetPredictiveScalingForecastResponse;
import software.amazon.awssdk.services.autoscaling.model.LoadForecast;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingConfiguration;
import software.amazon.awssdk.services.autoscaling.model.PredictiveScalingMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;

/**
 * The {@code AutoScalingClient} predictive scaling operations: {@code PutScalingPolicy} with {@code
 * PolicyType PredictiveScaling}, the predictive policies of {@code DescribePolicies}, and {@code
 * GetPredictiveScalingForecast} (LoadForecast, CapacityForecast, UpdateTime). A metric
 * specification is answered back as it was put (a load and a scaling metric given separately stay
 * separate) as long as the twin's policy is the one put through this client.
 */
final class PredictiveScalingHandler {

  private final PredictiveScalingOperations ops;

  /** The metric specification each policy was put with, by ARN, and the spec it made. */
  private final Map<String, Put> asPut = new ConcurrentHashMap<>();

  private record Put(PredictiveScalingPolicy spec, PredictiveScalingMetricSpecification metric) {}

  PredictiveScalingHandler(PredictiveScalingOperations ops) {
    this.ops = ops;
  }

  /** GetPredictiveScalingForecast. */
  public GetPredictiveScalingForecastResponse getPredictiveScalingForecast(
      GetPredictiveScalingForecastRequest r) {
    Forecast f =
        ops.getPredictiveScalingForecast(
            r.autoScalingGroupName(), r.policyName(), r.startTime(), r.endTime());
    List<Instant> timestamps =
        f.hours().stream().map(PredictiveScalingForecast::timestamp).toList();
    List<Double> loads = f.hours().stream().map(PredictiveScalingForecast::loadForecast).toList();
    List<Double> capacities = f.hours().stream().map(h -> (double) h.capacityForecast()).toList();
    return GetPredictiveScalingForecastResponse.builder()
        .loadForecast(
            LoadForecast.builder()
                .timestamps(timestamps)
                .values(loads)
                .metricSpecification(metric(f.policyArn(), f.spec()))
                .build())
        .capacityForecast(
            CapacityForecast.builder().timestamps(timestamps).values(capacities).build())
        .updateTime(f.updateTime().orElse(null))
        .build();
  }

  /** PutScalingPolicy with PolicyType PredictiveScaling. */
  PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest r) {
    PredictiveScalingPolicy spec = PredictiveRequests.policy(r);
    String arn = ops.putScalingPolicy(spec);
    asPut.put(arn, new Put(spec, r.predictiveScalingConfiguration().metricSpecifications().get(0)));
    return PutScalingPolicyResponse.builder().policyARN(arn).alarms(List.of()).build();
  }

  /** The SDK model of a predictive policy, as DescribePolicies lists it. */
  ScalingPolicy policy(PredictivePolicy p) {
    PredictiveScalingPolicy s = p.spec();
    return ScalingPolicy.builder()
        .autoScalingGroupName(s.autoScalingGroupName())
        .policyName(s.policyName())
        .policyARN(p.policyArn())
        .policyType(PredictiveScalingOperations.POLICY_TYPE)
        .predictiveScalingConfiguration(
            PredictiveScalingConfiguration.builder()
                .metricSpecifications(metric(p.policyArn(), s))
                .mode(s.mode().name())
                .schedulingBufferTime((int) s.schedulingBufferTime().getSeconds())
                .maxCapacityBreachBehavior(s.maxCapacityBreachBehavior().name())
                .maxCapacityBuffer(s.maxCapacityBuffer())
                .build())
        .alarms(List.of())
        .stepAdjustments(List.of())
        .enabled(true)
        .build();
  }

  /** The policy's metric specification as put through this client, else as the policy's. */
  private PredictiveScalingMetricSpecification metric(String arn, PredictiveScalingPolicy spec) {
    Put put = asPut.get(arn);
    if (put != null && put.spec().equals(spec)) return put.metric();
    return PredictiveCustomizedMetrics.spec(spec);
  }
}

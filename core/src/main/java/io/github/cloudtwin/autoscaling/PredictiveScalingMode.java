package io.github.cloudtwin.autoscaling;

import org.apiguardian.api.API;

/**
 * A predictive scaling policy's {@code Mode} (API_PredictiveScalingConfiguration,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredictiveScalingConfiguration.html).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum PredictiveScalingMode {
  /** Forecasts only; the group's capacity is never changed (the default). */
  ForecastOnly,
  /** Forecasts, and raises the group's desired capacity to the forecast each hour. */
  ForecastAndScale
}

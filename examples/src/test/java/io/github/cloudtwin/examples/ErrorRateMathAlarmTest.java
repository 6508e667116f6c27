package io.github.cloudtwin.examples;

import static io.github.cloudtwin.assertj.CloudTwinAssertions.assertThat;
import static io.github.cloudtwin.cloudwatch.AlarmState.ALARM;
import static java.time.Duration.ofMinutes;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricDataQuery;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.junit.CloudTwinTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An alarm on the error rate, not the error count. In production: "Errors above 50 per minute"
 * pages every evening peak (50 errors out of 10,000 requests is 0.5 %) and sleeps through the night
 * (40 errors out of 400 is 10 %). Metric math divides one by the other, and the alarm watches the
 * rate.
 */
@CloudTwinTest
class ErrorRateMathAlarmTest {

  private final MetricId errors = MetricId.of("Shop", "Errors", "Service", "checkout");
  private final MetricId requests = MetricId.of("Shop", "Requests", "Service", "checkout");

  @Test
  void theRateAlarmSleepsThroughThePeakAndWakesAtNight(CloudTwin twin) {
    // the evening peak until minute 10, then the night
    twin.cloudWatch()
        .inject(MetricInjection.metric(errors).between(Duration.ZERO, ofMinutes(10)).constant(50));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(requests)
                .between(Duration.ZERO, ofMinutes(10))
                .constant(10_000));
    twin.cloudWatch()
        .inject(MetricInjection.metric(errors).between(ofMinutes(10), ofMinutes(20)).constant(40));
    twin.cloudWatch()
        .inject(
            MetricInjection.metric(requests).between(ofMinutes(10), ofMinutes(20)).constant(400));
    twin.cloudWatch()
        .putMetricAlarm(
            // tag::math-alarm[]
            MetricAlarmSpec.builder()
                .alarmName("error-rate")
                .metrics(
                    MetricDataQuery.metric("errors", errors, Duration.ofMinutes(1), Statistic.SUM)
                        .withReturnData(false),
                    MetricDataQuery.metric(
                            "requests", requests, Duration.ofMinutes(1), Statistic.SUM)
                        .withReturnData(false),
                    MetricDataQuery.expression("rate", "100 * errors / requests"))
                .evaluationPeriods(2)
                .threshold(5)
                .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                .build()
            // end::math-alarm[]
            );
    twin.advance(ofMinutes(20));
    // minutes 10 and 11 are at 10 %: the second completes at 12:00
    assertThat(twin).alarm("error-rate").isInState(ALARM).transitionedToAlarmAt(ofMinutes(12));
  }
}

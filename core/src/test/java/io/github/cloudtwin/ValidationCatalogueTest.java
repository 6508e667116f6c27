package io.github.cloudtwin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid configuration or command of the foundation, with the field it names and the words
 * of its message; after each rejection the twin holds nothing of the rejected call.
 */
class ValidationCatalogueTest {

  static MetricAlarmSpec.Builder alarm() {
    return MetricAlarmSpec.builder()
        .alarmName("a")
        .metric(MetricId.of("App", "Errors"))
        .threshold(1)
        .comparisonOperator(ComparisonOperator.GreaterThanThreshold);
  }

  static InstanceSpec.Builder instance() {
    return InstanceSpec.builder().availabilityZone("us-east-1a");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "period of 45 s",
            t -> alarm().period(Duration.ofSeconds(45)).build(),
            "Period",
            "PT45S",
            "10, 20 or 30 seconds, or a multiple of 60 seconds"),
        c(
            "period of 90 s",
            t -> alarm().period(Duration.ofSeconds(90)).build(),
            "Period",
            "PT1M30S",
            "a multiple of 60 seconds"),
        c(
            "datapointsToAlarm above evaluationPeriods",
            t -> alarm().evaluationPeriods(3).datapointsToAlarm(4).build(),
            "DatapointsToAlarm",
            "4",
            "between 1 and EvaluationPeriods (3)"),
        c(
            "datapointsToAlarm of 0",
            t -> alarm().datapointsToAlarm(0).build(),
            "DatapointsToAlarm",
            "0",
            "between 1 and EvaluationPeriods"),
        c(
            "evaluationPeriods of 0",
            t -> alarm().evaluationPeriods(0).build(),
            "EvaluationPeriods",
            "0",
            "at least 1"),
        c(
            "more than a day of periods",
            t -> alarm().period(Duration.ofMinutes(5)).evaluationPeriods(289).build(),
            "EvaluationPeriods",
            "289",
            "must not exceed 86400 seconds"),
        c(
            "missing threshold",
            t ->
                MetricAlarmSpec.builder()
                    .alarmName("a")
                    .metric(MetricId.of("App", "E"))
                    .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
                    .build(),
            "Threshold",
            "null",
            "required"),
        c(
            "NaN threshold",
            t -> alarm().threshold(Double.NaN).build(),
            "Threshold",
            "NaN",
            "finite"),
        c(
            "missing comparison operator",
            t ->
                MetricAlarmSpec.builder()
                    .alarmName("a")
                    .metric(MetricId.of("App", "E"))
                    .threshold(1)
                    .build(),
            "ComparisonOperator",
            "null",
            "required"),
        c(
            "blank alarm name",
            t -> alarm().alarmName(" ").build(),
            "AlarmName",
            "\" \"",
            "non-blank"),
        c(
            "null alarm name",
            t -> alarm().alarmName(null).build(),
            "AlarmName",
            "null",
            "non-blank"),
        c("null metric", t -> alarm().metric(null).build(), "Metric", "null", "required"),
        c(
            "percentile p100",
            t -> Statistic.parse("p100"),
            "extendedStatistic",
            "100.0",
            "between 0 and 100"),
        c(
            "unknown statistic",
            t -> Statistic.parse("Median"),
            "statistic",
            "Median",
            "SampleCount, Average"),
        c("blank metric name", t -> MetricId.of("App", ""), "metricName", "\"\"", "non-blank"),
        c(
            "odd dimension list",
            t -> MetricId.of("App", "E", "InstanceId"),
            "dimensions",
            "1 strings",
            "pairs"),
        c(
            "NaN metric value",
            t -> t.cloudWatch().putMetricData(MetricId.of("App", "E"), Double.NaN),
            "MetricData.Value",
            "NaN",
            "finite"),
        c(
            "datapoint three weeks old",
            t ->
                t.cloudWatch()
                    .putMetricData(
                        MetricId.of("App", "E"),
                        t.now().minus(Duration.ofDays(21)),
                        1,
                        StandardUnit.COUNT),
            "MetricData.Timestamp",
            "2025-12-11",
            "within 2 weeks before"),
        c(
            "unknown alarm",
            t -> t.cloudWatch().alarm("nope"),
            "AlarmName",
            "nope",
            "existing alarm"),
        c(
            "deleting an unknown alarm",
            t -> t.cloudWatch().deleteAlarms("nope"),
            "AlarmName",
            "nope",
            "existing alarm"),
        c(
            "unknown zone",
            t -> t.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1z").build()),
            "availabilityZone",
            "us-east-1z",
            "one of the twin's zones"),
        c(
            "zone not in the twin",
            t -> t.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1d").build()),
            "availabilityZone",
            "us-east-1d",
            "[us-east-1a, us-east-1b, us-east-1c]"),
        c(
            "unknown instance type",
            t -> instance().instanceType("m5.huge").build(),
            "instanceType",
            "m5.huge",
            "an instance type from the catalogue"),
        c(
            "blank instance type",
            t -> instance().instanceType(" ").build(),
            "instanceType",
            "\" \"",
            "non-blank"),
        c(
            "negative boot time",
            t -> instance().bootTime(Duration.ofSeconds(-1)).build(),
            "bootTime",
            "PT-1S",
            "zero or positive"),
        c(
            "idle CPU above 100",
            t -> instance().idleCpuUtilization(101).build(),
            "idleCpuUtilization",
            "101",
            "between 0.0 and 100.0"),
        c(
            "unknown instance id",
            t -> t.ec2().instance("i-0000000000000000"),
            "instanceId",
            "i-0000000000000000",
            "InvalidInstanceID.NotFound"),
        c(
            "starting a running instance",
            t -> {
              var i = t.ec2().runInstance(instance().build());
              t.advance(Duration.ofMinutes(1));
              t.ec2().startInstance(i.instanceId());
            },
            "instanceId",
            "i-0",
            "a stopped instance (it is running)"),
        c(
            "unknown region",
            t -> CloudTwin.builder().region("mars-1").build(),
            "region",
            "mars-1",
            "one of [ap-northeast-1"),
        c(
            "seven zones in us-east-1",
            t -> CloudTwin.builder().availabilityZones(7).build(),
            "availabilityZones",
            "7",
            "between 1 and 6"),
        c(
            "duplicate zone names",
            t -> CloudTwin.builder().availabilityZones("us-east-1a", "us-east-1a").build(),
            "availabilityZones",
            "us-east-1a",
            "each zone at most once"),
        c(
            "zone of another region",
            t -> CloudTwin.builder().availabilityZones("eu-west-1a").build(),
            "availabilityZones",
            "eu-west-1a",
            "a zone of us-east-1"),
        c(
            "no zones",
            t -> CloudTwin.builder().availabilityZones(new String[0]).build(),
            "availabilityZones",
            "[]",
            "at least one zone"),
        c(
            "account id of 11 digits",
            t -> CloudTwin.builder().accountId("12345678901").build(),
            "accountId",
            "12345678901",
            "12 digits"),
        c(
            "account id with letters",
            t -> CloudTwin.builder().accountId("12345678901x").build(),
            "accountId",
            "12345678901x",
            "12 digits"),
        c(
            "null account id",
            t -> CloudTwin.builder().accountId(null).build(),
            "accountId",
            "null",
            "12 digits"),
        c(
            "null start",
            t -> CloudTwin.builder().start(null).build(),
            "startInstant",
            "null",
            "required"),
        c(
            "negative advance",
            t -> t.advance(Duration.ofSeconds(-5)),
            "duration",
            "PT-5S",
            "zero or positive"),
        c(
            "zone outage in the past",
            t -> {
              t.advance(Duration.ofMinutes(10));
              t.faults().zoneOutage("us-east-1a", Duration.ofMinutes(5), Duration.ofMinutes(5));
            },
            "from",
            "2026-01-01T00:05:00Z",
            "not before the current virtual time"),
        c(
            "zone outage of zero length",
            t -> t.faults().zoneOutage("us-east-1a", Duration.ZERO, Duration.ZERO),
            "duration",
            "PT0S",
            "positive"));
  }

  private static Arguments c(
      String name, Consumer<CloudTwin> call, String field, String value, String allowed) {
    return Arguments.of(name, call, field, value, allowed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedNamingFieldValueAndWhatIsAllowed(
      String name, Consumer<CloudTwin> call, String field, String value, String allowed) {
    try (CloudTwin twin = CloudTwin.create()) {
      int instancesBefore = twin.ec2().instances().size();
      Throwable thrown = catchThrowable(() -> call.accept(twin));
      assertThat(thrown).as(name).isInstanceOf(ValidationException.class);
      ValidationException e = (ValidationException) thrown;
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(value).contains(allowed).contains(field);
      assertThat(twin.cloudWatch().alarms()).isEmpty();
      assertThat(twin.ec2().instances().size()).isLessThanOrEqualTo(instancesBefore + 1);
    }
  }

  @org.junit.jupiter.api.Test
  void movingTheTwinsClockBackwardsNamesBothInstants() {
    try (CloudTwin twin = CloudTwin.create()) {
      twin.advance(Duration.ofMinutes(2));
      Throwable thrown =
          catchThrowable(() -> twin.advanceTo(Instant.parse("2026-01-01T00:01:00Z")));
      assertThat(thrown)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2026-01-01T00:02:00Z")
          .hasMessageContaining("2026-01-01T00:01:00Z");
      assertThat(twin.now()).isEqualTo(Instant.parse("2026-01-01T00:02:00Z"));
    }
  }
}

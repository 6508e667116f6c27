package io.github.cloudtwin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.cloudwatch.AlarmState;
import io.github.cloudtwin.cloudwatch.ComparisonOperator;
import io.github.cloudtwin.cloudwatch.MetricAlarmSpec;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.TreatMissingData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The property tests' own alarm rules reproduce AWS's documented truth table (aws-behaviour.md
 * 3.3).
 */
class AlarmRecomputationTest {

  @ParameterizedTest(name = "M={0} {1}: missing {2}, ignore {3}, breaching {4}, notBreaching {5}")
  @CsvSource({
    "3, 0-X-X, OK, OK, OK, OK",
    "3, 0----, OK, OK, OK, OK",
    "3, -----, INSUFFICIENT_DATA, keep, ALARM, OK",
    "3, 0XX-X, ALARM, ALARM, ALARM, ALARM",
    "3, --X--, ALARM, keep, ALARM, OK",
    "2, 0-X-X, ALARM, ALARM, ALARM, ALARM",
    "2, 00X0X, ALARM, ALARM, ALARM, ALARM",
    "2, 0-X--, OK, OK, ALARM, OK",
    "2, ----0, OK, OK, ALARM, OK",
    "2, ---X-, ALARM, keep, ALARM, OK",
    // one breaching datapoint, fewer than M, justifies neither ALARM nor OK (issue 12)
    "3, ----X, keep, keep, ALARM, OK",
    "3, ---X-, keep, keep, ALARM, OK",
  })
  void truthTable(
      int m, String data, String missing, String ignore, String breaching, String notBreaching) {
    List<Double> points = new ArrayList<>();
    for (char c : data.toCharArray()) points.add(c == '-' ? Double.NaN : c == 'X' ? 90.0 : 10.0);
    String[] expected = {missing, ignore, breaching, notBreaching};
    TreatMissingData[] treatments = {
      TreatMissingData.missing,
      TreatMissingData.ignore,
      TreatMissingData.breaching,
      TreatMissingData.notBreaching
    };
    for (int k = 0; k < 4; k++) {
      MetricAlarmSpec spec =
          MetricAlarmSpec.builder()
              .alarmName("a")
              .metric(MetricId.of("N", "M"))
              .evaluationPeriods(3)
              .datapointsToAlarm(m)
              .threshold(50)
              .comparisonOperator(ComparisonOperator.GreaterThanThreshold)
              .treatMissingData(treatments[k])
              .build();
      AlarmState got = AlarmRecomputation.decide(spec, points);
      assertThat(got == null ? "keep" : got.name()).as(treatments[k].name()).isEqualTo(expected[k]);
    }
  }
}

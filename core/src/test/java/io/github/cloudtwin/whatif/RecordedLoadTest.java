package io.github.cloudtwin.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.cloudwatch.Statistic;
import io.github.cloudtwin.kernel.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedLoadTest {

  // what `aws cloudwatch get-metric-data` prints: newest first (ScanBy TimestampDescending, the
  // default)
  static final String METRIC_DATA =
      """
      {
          "MetricDataResults": [
              {
                  "Id": "requests",
                  "Label": "RequestCount",
                  "Timestamps": [
                      "2026-03-02T10:02:00+00:00",
                      "2026-03-02T12:01:00+02:00",
                      "2026-03-02T10:00:00Z"
                  ],
                  "Values": [
                      1200.0,
                      600.0,
                      60.0
                  ],
                  "StatusCode": "Complete"
              }
          ],
          "Messages": []
      }
      """;

  // what `aws cloudwatch get-metric-statistics` prints: datapoints in no particular order
  static final String METRIC_STATISTICS =
      """
      {
          "Label": "CPUUtilization",
          "Datapoints": [
              {"Timestamp": "2026-03-02T10:10:00+00:00", "Average": 42.5, "Unit": "Percent"},
              {"Timestamp": "2026-03-02T10:00:00+00:00", "Average": 20.0, "Unit": "Percent"},
              {"Timestamp": "2026-03-02T10:05:00+00:00", "Average": 31.0, "Unit": "Percent"}
          ]
      }
      """;

  @Test
  void getMetricDataIsReadOldestFirstWithOffsetsConvertedToInstants() {
    RecordedSeries s = RecordedLoad.parse("requests.json", METRIC_DATA);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.label()).isEqualTo("RequestCount");
    assertThat(s.unit()).isNull();
    assertThat(s.timestamp(0)).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(s.timestamp(1)).isEqualTo(Instant.parse("2026-03-02T10:01:00Z")); // 12:01 at +02:00
    assertThat(s.value(0)).isEqualTo(60.0);
    assertThat(s.value(2)).isEqualTo(1200.0);
    assertThat(s.origin(0)).isEqualTo("MetricDataResults[0].Values[2]");
    assertThat(s.resolution()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void getMetricStatisticsIsSortedAndCarriesItsUnit(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("cpu.json");
    Files.writeString(f, METRIC_STATISTICS);
    RecordedSeries s = RecordedLoad.metricStatistics(f, Statistic.AVERAGE);
    assertThat(s.source()).isEqualTo("cpu.json");
    assertThat(s.unit()).isEqualTo(StandardUnit.PERCENT);
    assertThat(s.value(0)).isEqualTo(20.0);
    assertThat(s.value(1)).isEqualTo(31.0);
    assertThat(s.value(2)).isEqualTo(42.5);
    assertThat(s.origin(2)).isEqualTo("Datapoints[0].Average");
    assertThat(RecordedLoad.read(f).size()).isEqualTo(3); // the one statistic is found by itself
    assertThatThrownBy(() -> RecordedLoad.metricStatistics(f, Statistic.SUM))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cpu.json Datapoints[0].Sum");
  }

  @Test
  void csvTakesAHeaderOffsetsAndEpochSecondsAndSkipsBlankLines() {
    RecordedSeries s =
        RecordedLoad.csv(
            "load.csv",
            "timestamp,value\n2026-03-02T10:00:00Z,5\n\n2026-03-02 12:01:00+02:00,7.5\n1772445720,9\n");
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.timestamp(1)).isEqualTo(Instant.parse("2026-03-02T10:01:00Z"));
    assertThat(s.timestamp(2)).isEqualTo(Instant.ofEpochSecond(1772445720));
    assertThat(s.origin(1)).isEqualTo("line 4");
  }

  @Test
  void badCsvNamesFileLineAndValue() {
    assertThatThrownBy(
            () ->
                RecordedLoad.csv("load.csv", "2026-03-02T10:00:00Z,5\n2026-03-02T10:01:00Z,NaN\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("load.csv line 2")
        .hasMessageContaining("\"NaN\"");
    assertThatThrownBy(
            () -> RecordedLoad.csv("load.csv", "2026-03-02T10:00:00Z,5\n2026-03-02T10:01:00,6\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("load.csv line 2")
        .hasMessageContaining("a local time is ambiguous");
    assertThatThrownBy(() -> RecordedLoad.csv("load.csv", "2026-03-02T10:00:00Z,5,6\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("load.csv line 1")
        .hasMessageContaining("timestamp,value");
    assertThatThrownBy(
            () ->
                RecordedLoad.csv(
                    "load.csv",
                    "2026-03-02T10:00:00Z,5\n2026-03-02T10:02:00Z,6\n2026-03-02T10:01:00Z,7\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("load.csv line 3")
        .hasMessageContaining("line 2 is 2026-03-02T10:02:00Z");
    assertThatThrownBy(
            () -> RecordedLoad.csv("load.csv", "2026-03-02T10:00:00Z,5\n2026-03-02T10:00:00Z,6\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("load.csv line 2");
    assertThatThrownBy(() -> RecordedLoad.csv("load.csv", "timestamp,value\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one datapoint");
  }

  @Test
  void badExportsNameFileIndexAndValue() {
    assertThatThrownBy(() -> RecordedLoad.parse("x.json", METRIC_DATA.replace("600.0", "\"600\"")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("x.json MetricDataResults[0].Values[1]")
        .hasMessageContaining("a number");
    assertThatThrownBy(
            () -> RecordedLoad.parse("x.json", METRIC_DATA.replace("60.0\n", "60.0, 1.0\n")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("3 Timestamps and 4 Values");
    assertThatThrownBy(
            () ->
                RecordedLoad.parse("x.json", METRIC_DATA.replace("\"Complete\"", "\"Forbidden\"")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("StatusCode");
    assertThatThrownBy(
            () ->
                RecordedLoad.parse(
                    "x.json", METRIC_DATA.replace("2026-03-02T12:01:00+02:00", "yesterday")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("x.json MetricDataResults[0].Timestamps[1]");
    assertThatThrownBy(
            () ->
                RecordedLoad.parse(
                    "x.json", METRIC_DATA.replace("10:02:00+00:00", "10:00:30+00:00")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("timestamps in one order");
    assertThatThrownBy(() -> RecordedLoad.parse("x.json", "{\"Foo\": []}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("get-metric-data");
    assertThatThrownBy(
            () ->
                RecordedLoad.parse(
                    "x.json", METRIC_STATISTICS.replace("\"Percent\"}\n", "\"Count\"}\n")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Datapoints[2].Unit");
  }

  @Test
  void severalQueriesNeedAnIdAndTheirPagesAreJoined(@TempDir Path dir) throws Exception {
    String two =
        """
        {"MetricDataResults": [
          {"Id": "a", "Timestamps": ["2026-03-02T10:01:00Z"], "Values": [2.0], "StatusCode": "PartialData"},
          {"Id": "b", "Timestamps": ["2026-03-02T10:01:00Z"], "Values": [9.0], "StatusCode": "Complete"},
          {"Id": "a", "Timestamps": ["2026-03-02T10:00:00Z"], "Values": [1.0], "StatusCode": "Complete"}
        ]}
        """;
    Path f = dir.resolve("two.json");
    Files.writeString(f, two);
    assertThatThrownBy(() -> RecordedLoad.read(f))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("[a, b]");
    RecordedSeries a = RecordedLoad.metricData(f, "a");
    assertThat(a.size()).isEqualTo(2);
    assertThat(a.value(0)).isEqualTo(1.0);
    assertThatThrownBy(() -> RecordedLoad.metricData(f, "c"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("[a, b]");
  }
}

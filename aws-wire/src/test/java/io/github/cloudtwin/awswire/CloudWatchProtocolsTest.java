package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CloudWatch's three protocols answer one twin alike: an alarm put over awsQuery (older SDKs) is
 * described over awsJson 1.0 (botocore) and awsQuery, with the same fields; errors carry the
 * awsQuery code in each.
 */
class CloudWatchProtocolsTest {

  private static final String SCOPE =
      "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=00";

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(3).build();
  private final AwsWire wire = AwsWire.of(twin);

  @AfterEach
  void close() {
    twin.close();
  }

  private WireResponse query(String form) {
    return wire.handle(
        new WireRequest(
            "POST",
            "/",
            "",
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", SCOPE),
            form.getBytes(StandardCharsets.UTF_8)));
  }

  private WireResponse json(String operation, String body) {
    return wire.handle(
        new WireRequest(
            "POST",
            "/",
            "",
            Map.of(
                "Content-Type",
                "application/x-amz-json-1.0",
                "X-Amz-Target",
                "GraniteServiceVersion20100801." + operation),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anAlarmPutOverAwsQueryIsDescribedOverAwsJson10AndAwsQuery() {
    WireResponse put =
        query(
            "Action=PutMetricAlarm&Version=2010-08-01&AlarmName=cpu&Namespace=Shop&MetricName=Orders"
                + "&Statistic=Sum&Period=60&EvaluationPeriods=2&Threshold=15.5&ComparisonOperator=GreaterThanThreshold"
                + "&Dimensions.member.1.Name=Region&Dimensions.member.1.Value=eu");
    assertThat(put.status()).as(put.bodyText()).isEqualTo(200);
    assertThat(put.bodyText())
        .contains(
            "<PutMetricAlarmResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">");
    assertThat(twin.cloudWatch().alarm("cpu")).isNotNull();

    WireResponse overJson = json("DescribeAlarms", "{\"AlarmNames\":[\"cpu\"]}");
    assertThat(overJson.status()).isEqualTo(200);
    assertThat(overJson.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0");
    assertThat(overJson.bodyText())
        .contains("\"AlarmName\":\"cpu\"")
        .contains("\"Threshold\":15.5")
        .contains("\"Dimensions\":[{\"Name\":\"Region\",\"Value\":\"eu\"}]")
        .contains("\"AlarmConfigurationUpdatedTimestamp\":1767225600");

    WireResponse overQuery =
        query("Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=cpu");
    assertThat(overQuery.bodyText())
        .contains(
            "<DescribeAlarmsResult><CompositeAlarms></CompositeAlarms><MetricAlarms><member>"
                + "<AlarmName>cpu</AlarmName>")
        .contains("<Threshold>15.5</Threshold>")
        .contains(
            "<AlarmConfigurationUpdatedTimestamp>2026-01-01T00:00:00Z</AlarmConfigurationUpdatedTimestamp>")
        .contains("<Dimensions><member><Name>Region</Name><Value>eu</Value></member></Dimensions>");
  }

  @Test
  void errorsCarryTheAwsQueryCodeInEveryProtocol() {
    WireResponse overJson =
        json(
            "SetAlarmState",
            "{\"AlarmName\":\"nope\",\"StateValue\":\"ALARM\",\"StateReason\":\"x\"}");
    assertThat(overJson.status()).isEqualTo(404);
    assertThat(overJson.headers()).containsEntry("x-amzn-query-error", "ResourceNotFound;Sender");
    assertThat(overJson.bodyText()).contains("\"__type\":\"ResourceNotFoundException\"");
    WireResponse overQuery =
        query(
            "Action=SetAlarmState&Version=2010-08-01&AlarmName=nope&StateValue=ALARM&StateReason=x");
    assertThat(overQuery.status()).isEqualTo(404);
    assertThat(overQuery.bodyText()).contains("<Type>Sender</Type><Code>ResourceNotFound</Code>");
  }
}

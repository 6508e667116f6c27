package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets AWS's error responses in the request's own protocol, never a 500 with a stack
 * trace, and leaves the twin unchanged.
 */
class BadInputTest {

  private final CloudTwin twin = CloudTwin.builder().availabilityZones(2).seed(3).build();
  private final AwsWire wire = AwsWire.of(twin);

  @AfterEach
  void close() {
    twin.close();
  }

  private static final String ASG_SCOPE =
      "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=00";

  private WireResponse form(String body) {
    return wire.handle(
        new WireRequest(
            "POST",
            "/",
            "",
            Map.of(
                "Content-Type",
                "application/x-www-form-urlencoded; charset=utf-8",
                "Authorization",
                ASG_SCOPE),
            bytes(body)));
  }

  private WireResponse json(String target, String contentType, byte[] body) {
    return wire.handle(
        new WireRequest(
            "POST", "/", "", Map.of("Content-Type", contentType, "X-Amz-Target", target), body));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertTwinUnchanged() {
    assertThat(twin.autoScaling().groups()).isEmpty();
    assertThat(twin.ecs().clusters()).isEmpty();
    assertThat(twin.cloudWatch().alarms()).isEmpty();
  }

  @Test
  void anUnknownActionIsInvalidActionInAwsQuerysErrorXml() {
    WireResponse r = form("Action=DescribeUnicorns&Version=2011-01-01");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.headers())
        .containsEntry("Content-Type", "text/xml")
        .containsKey("x-amzn-RequestId");
    assertThat(r.bodyText())
        .contains("<ErrorResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">")
        .contains("<Type>Sender</Type><Code>InvalidAction</Code>")
        .contains("The action DescribeUnicorns is not valid for this web service.")
        .contains("<RequestId>" + r.headers().get("x-amzn-RequestId") + "</RequestId>");
  }

  @Test
  void aFormWithoutActionIsMissingAction() {
    WireResponse r = form("Version=2011-01-01&AutoScalingGroupName=web");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("<Code>MissingAction</Code>");
  }

  @Test
  void aMalformedNumberIsAValidationErrorAndCreatesNothing() {
    WireResponse r =
        form(
            "Action=CreateAutoScalingGroup&Version=2011-01-01&AutoScalingGroupName=web&MinSize=abc"
                + "&MaxSize=2&AvailabilityZones.member.1=us-east-1a&LaunchTemplate.LaunchTemplateName=web");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText())
        .contains("<Code>ValidationError</Code>")
        .contains("MinSize")
        .contains("abc");
    assertTwinUnchanged();
  }

  @Test
  void aValidFormRequestIsAnsweredWithTheResultWrapper() {
    WireResponse r =
        form(
            "Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.member.1=web");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText())
        .contains(
            "<DescribeAutoScalingGroupsResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">"
                + "<DescribeAutoScalingGroupsResult><AutoScalingGroups></AutoScalingGroups></DescribeAutoScalingGroupsResult>");
  }

  @Test
  void aMalformedJsonBodyIsASerializationExceptionAndCreatesNothing() {
    WireResponse r =
        json(
            "AmazonEC2ContainerServiceV20141113.CreateCluster",
            "application/x-amz-json-1.1",
            bytes("{\"clusterName\": \"prod\""));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.headers()).containsEntry("x-amzn-ErrorType", "SerializationException");
    assertThat(r.bodyText())
        .startsWith("{\"__type\":\"SerializationException\"")
        .doesNotContain("\tat ");
    assertTwinUnchanged();
  }

  @Test
  void aJsonValueOfTheWrongTypeNamesTheField() {
    WireResponse r =
        json(
            "AmazonEC2ContainerServiceV20141113.CreateCluster",
            "application/x-amz-json-1.1",
            bytes("{\"clusterName\": 17}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText())
        .contains("SerializationException")
        .contains("clusterName must be a string");
    assertTwinUnchanged();
  }

  @Test
  void anUnknownTargetIsUnknownOperationException() {
    WireResponse r =
        json(
            "AmazonEC2ContainerServiceV20141113.LaunchRockets",
            "application/x-amz-json-1.1",
            bytes("{}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("\"__type\":\"UnknownOperationException\"");
    assertThat(json("NoSuchService.Describe", "application/x-amz-json-1.1", bytes("{}")).bodyText())
        .contains("UnknownOperationException");
  }

  @Test
  void aWrongContentTypeIs415() {
    WireResponse r =
        json(
            "AmazonEC2ContainerServiceV20141113.CreateCluster",
            "text/plain",
            bytes("{\"clusterName\":\"p\"}"));
    assertThat(r.status()).isEqualTo(415);
    WireResponse form =
        wire.handle(
            new WireRequest(
                "POST",
                "/",
                "",
                Map.of("Content-Type", "application/xml", "Authorization", ASG_SCOPE),
                bytes("<x/>")));
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.bodyText()).contains("<Code>UnsupportedMediaType</Code>");
    assertTwinUnchanged();
  }

  @Test
  void anOversizedBodyIs413() {
    byte[] big = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    WireResponse r =
        json("AmazonEC2ContainerServiceV20141113.CreateCluster", "application/x-amz-json-1.1", big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.bodyText()).contains("RequestEntityTooLarge");
    assertTwinUnchanged();
  }

  @Test
  void aCborPathNamingNoOperationIs404AndMalformedCborIsASerializationException() {
    WireResponse unknown =
        wire.handle(
            new WireRequest(
                "POST",
                "/service/GraniteServiceVersion20100801/operation/Nope",
                "",
                Map.of("Smithy-Protocol", "rpc-v2-cbor", "Content-Type", "application/cbor"),
                new byte[] {(byte) 0xa0}));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.headers()).containsEntry("Smithy-Protocol", "rpc-v2-cbor");
    WireResponse malformed =
        wire.handle(
            new WireRequest(
                "POST",
                "/service/GraniteServiceVersion20100801/operation/PutMetricAlarm",
                "",
                Map.of("Smithy-Protocol", "rpc-v2-cbor", "Content-Type", "application/cbor"),
                new byte[] {(byte) 0xbf, 0x61}));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.headers())
        .containsEntry("x-amzn-query-error", "SerializationException;Sender");
    assertTwinUnchanged();
  }

  @Test
  void aNotSimulatedOperationIsUnsupportedOperationNamingIt() {
    WireResponse r =
        form(
            "Action=DescribeNotificationConfigurations&Version=2011-01-01&AutoScalingGroupNames.member.1=web");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText())
        .contains("<Code>UnsupportedOperation</Code>")
        .contains("DescribeNotificationConfigurations");
  }
}

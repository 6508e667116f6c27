package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import io.github.cloudtwin.awswire.AwsWire;
import io.github.cloudtwin.awswire.LoopbackEndpoint;
import io.github.cloudtwin.awswire.TwinSdkHttpService;
import io.github.cloudtwin.awswire.WireRequest;
import io.github.cloudtwin.awswire.WireResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * {@code DescribeAutoScalingGroups} of one group of three InService instances, from one AWS SDK for
 * Java v2 client (one thread), through each door of {@code cloudtwin-aws-wire}: the in-process
 * HTTP-client hook ({@link TwinSdkHttpService}, awsQuery encoded and decoded, no socket) and the
 * loopback endpoint (URL-connection and Apache HTTP clients, keep-alive, 127.0.0.1). {@link
 * MotoDescribeBenchmark} measures the same call against moto.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireBenchmark {

  private CloudTwin twin;
  private AwsWire.Binding binding;
  private LoopbackEndpoint endpoint;
  private AutoScalingClient hook;
  private AutoScalingClient loopback;
  private AutoScalingClient loopbackApache;
  private AutoScalingClient inProcessInterface;
  private AutoScalingClient cannedResponse;
  private AwsWire wire;
  private final WireRequest form =
      new WireRequest(
          "POST",
          "/",
          "",
          Map.of(
              "Content-Type",
              "application/x-www-form-urlencoded; charset=utf-8",
              "Host",
              "autoscaling.us-east-1.amazonaws.com"),
          "Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.member.1=web"
              .getBytes(StandardCharsets.UTF_8));
  private final DescribeAutoScalingGroupsRequest request =
      DescribeAutoScalingGroupsRequest.builder().autoScalingGroupNames("web").build();

  @Setup
  public void setUp() {
    twin = CloudTwin.builder().seed(1).build();
    AwsSdkClients sdk = AwsSdkClients.of(twin);
    sdk.ec2()
        .createLaunchTemplate(
            r ->
                r.launchTemplateName("web")
                    .launchTemplateData(d -> d.instanceType(InstanceType.C5_LARGE)));
    sdk.autoScaling()
        .createAutoScalingGroup(
            r ->
                r.autoScalingGroupName("web")
                    .launchTemplate(l -> l.launchTemplateName("web"))
                    .minSize(3)
                    .maxSize(3)
                    .desiredCapacity(3)
                    .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c"));
    twin.advance(Duration.ofMinutes(5));
    inProcessInterface = sdk.autoScaling();
    wire = AwsWire.of(sdk);
    binding = wire.bind();
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("cloudtwin", "cloudtwin"));
    hook =
        AutoScalingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(new TwinSdkHttpService().createHttpClientBuilder().build())
            .build();
    WireResponse answer = wire.handle(form);
    cannedResponse =
        AutoScalingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(new CannedHttpClient(answer))
            .build();
    endpoint = wire.startEndpoint();
    loopback =
        AutoScalingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .endpointOverride(endpoint.uri())
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    check(hook.describeAutoScalingGroups(request));
    loopbackApache =
        AutoScalingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .endpointOverride(endpoint.uri())
            .httpClient(ApacheHttpClient.create())
            .build();
    check(loopback.describeAutoScalingGroups(request));
    check(loopbackApache.describeAutoScalingGroups(request));
    check(cannedResponse.describeAutoScalingGroups(request));
  }

  /** An HTTP client that answers every request with the same bytes: the SDK's pipeline alone. */
  private static final class CannedHttpClient implements SdkHttpClient {
    private final WireResponse answer;

    CannedHttpClient(WireResponse answer) {
      this.answer = answer;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status());
          answer.headers().forEach(response::putHeader);
          return HttpExecuteResponse.builder()
              .response(response.build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }

  static void check(DescribeAutoScalingGroupsResponse r) {
    if (r.autoScalingGroups().size() != 1 || r.autoScalingGroups().get(0).instances().size() != 3) {
      throw new IllegalStateException("unexpected answer: " + r);
    }
  }

  @TearDown
  public void tearDown() {
    hook.close();
    cannedResponse.close();
    loopback.close();
    loopbackApache.close();
    binding.close();
    endpoint.close();
    twin.close();
  }

  /**
   * Through the in-process HTTP-client hook: the SDK's whole pipeline, awsQuery both ways, no
   * socket.
   */
  @Benchmark
  public DescribeAutoScalingGroupsResponse inProcessHook() {
    return hook.describeAutoScalingGroups(request);
  }

  /**
   * The floor of any HTTP-level hook: the same client and request, answered by an HTTP client that
   * returns the hook's response bytes without doing anything (signing, marshalling, XML parsing:
   * the SDK's pipeline alone).
   */
  @Benchmark
  public DescribeAutoScalingGroupsResponse sdkPipelineWithCannedResponse() {
    return cannedResponse.describeAutoScalingGroups(request);
  }

  /** For comparison: cloudtwin-aws-sdk's client interface, no wire protocol, no SDK pipeline. */
  @Benchmark
  public DescribeAutoScalingGroupsResponse inProcessInterface() {
    return inProcessInterface.describeAutoScalingGroups(request);
  }

  /**
   * The wire's own share of the hook: decoding the form, the call, encoding the XML (no SDK
   * pipeline).
   */
  @Benchmark
  public WireResponse wireHandleOnly() {
    return wire.handle(form);
  }

  /**
   * Through the loopback endpoint on 127.0.0.1, keep-alive, from the SDK's URL-connection client.
   * Its floor is the JDK's: before a POST on a kept-alive connection, {@code HttpURLConnection}
   * probes the socket with a one-millisecond read timeout ({@code sun.net.www.http.HttpClient
   * .available()}), so every call waits at least that long whatever the server does.
   */
  @Benchmark
  public DescribeAutoScalingGroupsResponse loopbackEndpoint() {
    return loopback.describeAutoScalingGroups(request);
  }

  /**
   * Through the loopback endpoint on 127.0.0.1, keep-alive, from the SDK's Apache client (the SDK's
   * default synchronous HTTP client when it is on the class path).
   */
  @Benchmark
  public DescribeAutoScalingGroupsResponse loopbackEndpointApache() {
    return loopbackApache.describeAutoScalingGroups(request);
  }
}

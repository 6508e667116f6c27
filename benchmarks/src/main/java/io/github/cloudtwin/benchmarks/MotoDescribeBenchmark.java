package io.github.cloudtwin.benchmarks;

import java.net.URI;
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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * {@link WireBenchmark}'s call against a running {@code moto_server}: {@code
 * DescribeAutoScalingGroups} of one group of three instances, from one AWS SDK client
 * (URL-connection HTTP client) at {@code -Dmoto.endpoint=http://127.0.0.1:PORT}. Its set-up fails,
 * saying so, without that property.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MotoDescribeBenchmark {

  private AutoScalingClient moto;
  private final DescribeAutoScalingGroupsRequest request =
      DescribeAutoScalingGroupsRequest.builder().autoScalingGroupNames("web").build();

  @Setup
  public void setUp() {
    String endpoint = System.getProperty("moto.endpoint");
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalStateException(
          "set -Dmoto.endpoint=http://127.0.0.1:PORT to a running moto_server");
    }
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("cloudtwin", "cloudtwin"));
    moto =
        AutoScalingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .endpointOverride(URI.create(endpoint))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    try (Ec2Client ec2 =
        Ec2Client.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .endpointOverride(URI.create(endpoint))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      String image = ec2.describeImages().images().get(0).imageId();
      ec2.createLaunchTemplate(
          r ->
              r.launchTemplateName("web")
                  .launchTemplateData(d -> d.imageId(image).instanceType(InstanceType.C5_LARGE)));
    }
    moto.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("web")
                .launchTemplate(l -> l.launchTemplateName("web"))
                .minSize(3)
                .maxSize(3)
                .desiredCapacity(3)
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c"));
    WireBenchmark.check(moto.describeAutoScalingGroups(request));
  }

  @TearDown
  public void tearDown() {
    moto.close();
  }

  /** moto's answer to the same call. */
  @Benchmark
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups() {
    return moto.describeAutoScalingGroups(request);
  }
}

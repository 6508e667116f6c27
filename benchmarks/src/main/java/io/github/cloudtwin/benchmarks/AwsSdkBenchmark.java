package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import io.github.cloudtwin.benchmarks.compare.SdkEstate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;

/**
 * The AWS SDK for Java v2 clients of {@code cloudtwin-aws-sdk} (the SDK version is the benchmarks
 * module's): (a) one {@code DescribeAutoScalingGroups} round trip through the sync client on the
 * typical estate (the group of 6 InService instances; target under 5 µs), (b) the whole typical
 * estate of the moto comparison created through the SDK clients and read back (a fresh twin each
 * time, advanced one virtual minute; target a median under 2 ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AwsSdkBenchmark {

  private CloudTwin twin;
  private AutoScalingClient autoScaling;
  private DescribeAutoScalingGroupsRequest request;
  private long seed;

  /** The estate once, for the describe round trips. */
  @Setup(Level.Trial)
  public void estate() {
    twin =
        CloudTwin.builder()
            .seed(1)
            .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c")
            .build();
    AwsSdkClients sdk = AwsSdkClients.of(twin);
    SdkEstate.create(sdk);
    twin.advance(Duration.ofMinutes(1));
    autoScaling = sdk.autoScaling();
    request = DescribeAutoScalingGroupsRequest.builder().autoScalingGroupNames("web").build();
    if (autoScaling.describeAutoScalingGroups(request).autoScalingGroups().get(0).instances().size()
        != 6) {
      throw new IllegalStateException("the estate's group should have 6 instances");
    }
  }

  /** Closes the twin. */
  @TearDown(Level.Trial)
  public void close() {
    twin.close();
  }

  /**
   * (a) One DescribeAutoScalingGroups of the estate's group through the sync client.
   *
   * @return the response (consumed by JMH)
   */
  @Benchmark
  public DescribeAutoScalingGroupsResponse describeAutoScalingGroups() {
    return autoScaling.describeAutoScalingGroups(request);
  }

  /**
   * (b) The typical estate created through the SDK clients and read back, on a fresh twin.
   *
   * @return the twin's event count (consumed by JMH)
   */
  @Benchmark
  public int typicalEstateThroughTheSdk() {
    try (CloudTwin t = SdkEstate.createAndReadBack(seed++)) {
      return t.timeline().size();
    }
  }
}

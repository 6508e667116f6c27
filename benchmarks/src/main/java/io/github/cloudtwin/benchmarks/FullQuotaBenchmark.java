package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full EC2 quota in 512 MB (issue 13): one operation creates an Auto Scaling group of {@code
 * instances} in three zones (basic monitoring, ELB health checks, registered in an ALB target
 * group) and runs it for {@code days} virtual days, in a JVM limited to {@code -Xmx512m}. After
 * each operation the heap after a full GC is printed ({@code [FullQuota] heap after GC ...}), with
 * the group's InService count and the simulation thread's CPU time. The default size (2,000) runs
 * in seconds; the quota itself is {@code -p instances=20000 -wi 0 -i 1} (minutes on a loaded
 * machine). {@link FullQuotaDayMain} runs the same scenario as a plain program, with the backfill
 * of issue 13.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class FullQuotaBenchmark {

  @Param({"2000"})
  public int instances;

  @Param({"1"})
  public int days;

  private CloudTwin twin;
  private List<String> zones;
  private long cpuBefore;

  @Setup(Level.Invocation)
  public void setUp() {
    twin = CloudTwin.builder().seed(1).build();
    zones = twin.config().zoneNames();
    twin.loadBalancing()
        .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
    twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
    cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /**
   * Creates the group and runs it.
   *
   * @return the group's InService count at the end
   */
  @Benchmark
  public int createAndRunOneDay() {
    twin.autoScaling()
        .createAutoScalingGroup(
            AutoScalingGroupSpec.builder()
                .autoScalingGroupName("web")
                .minSize(instances)
                .maxSize(instances)
                .desiredCapacity(instances)
                .availabilityZones(zones.toArray(new String[0]))
                .healthCheckType(HealthCheckType.ELB)
                .targetGroupNames("tg")
                .build());
    twin.advance(Duration.ofDays(days));
    return twin.autoScaling().group("web").inServiceCount();
  }

  @TearDown(Level.Invocation)
  public void tearDown() {
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    long max = Runtime.getRuntime().maxMemory() >> 20;
    System.out.printf(
        "%n[FullQuota] %d instances, %d virtual day(s): heap after GC %d MB of %d MB, InService %d,"
            + " CPU of the simulation thread %.1f s%n",
        instances, days, heap, max, twin.autoScaling().group("web").inServiceCount(), cpu / 1e9);
    twin.close();
  }
}

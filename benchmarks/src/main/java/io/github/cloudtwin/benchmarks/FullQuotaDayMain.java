package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.HealthCheckType;
import io.github.cloudtwin.cloudwatch.MetricId;
import io.github.cloudtwin.cloudwatch.StandardUnit;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;

/**
 * The full default EC2 quota in one twin: an Auto Scaling group of {@code instances} (default
 * 20,000) behind an ALB target group with ELB health checks, created at once and run for {@code
 * days} virtual days (default 1); then {@code backfill} datapoints (default 80,000) put
 * newest-first into one metric. Prints wall times and heap after GC. Run with {@code -Xmx512m}
 * (docs/performance.md, "The full EC2 quota").
 *
 * <pre>
 * java -Xmx512m -cp core/target/classes:benchmarks/target/classes \
 *     io.github.cloudtwin.benchmarks.FullQuotaDayMain 20000 1 80000
 * </pre>
 */
public final class FullQuotaDayMain {

  private FullQuotaDayMain() {}

  public static void main(String[] args) {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int backfill = args.length > 2 ? Integer.parseInt(args[2]) : 80_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (CloudTwin twin = CloudTwin.builder().seed(1).build()) {
      var zones = twin.config().zoneNames();
      twin.loadBalancing()
          .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("tg").build());
      twin.loadBalancing().createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
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
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      twin.advance(Duration.ofMinutes(10));
      long t2 = System.nanoTime();
      long c2 = threads.getCurrentThreadCpuTime();
      System.out.printf(
          "created %d instances in %.2f s (CPU %.2f s); first 10 virtual minutes (boot, registration, health checks)"
              + " in %.2f s (CPU %.2f s)%n",
          twin.autoScaling().group("web").instances().size(),
          (t1 - t0) / 1e9,
          (c1 - c0) / 1e9,
          (t2 - t1) / 1e9,
          (c2 - c1) / 1e9);
      for (int h = 1; h <= 24 * days; h++) {
        twin.advance(Duration.ofHours(1).minusMinutes(h == 1 ? 10 : 0));
        if (h % 6 == 0) {
          System.gc();
          System.out.printf(
              "  hour %3d: %.1f s, heap after GC %d MB, InService %d%n",
              h,
              (System.nanoTime() - t2) / 1e9,
              memory.getHeapMemoryUsage().getUsed() >> 20,
              twin.autoScaling().group("web").inServiceCount());
        }
      }
      long t3 = System.nanoTime();
      long c3 = threads.getCurrentThreadCpuTime();
      System.out.printf(
          "%d virtual day(s) with %d instances in %.1f s (CPU of the simulation thread %.1f s)%n",
          days, instances, (t3 - t1) / 1e9, (c3 - c1) / 1e9);
      MetricId m = MetricId.of("Backfill", "Requests");
      Instant now = twin.now();
      long b0 = System.nanoTime();
      long d0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < backfill; i++) {
        twin.cloudWatch()
            .putMetricData(m, now.minusSeconds(i * 10L), i, StandardUnit.COUNT); // newest first
      }
      long b1 = System.nanoTime();
      long d1 = threads.getCurrentThreadCpuTime();
      System.out.printf(
          "backfilled %d datapoints newest-first in %.2f s (CPU %.2f s; %d stored)%n",
          backfill, (b1 - b0) / 1e9, (d1 - d0) / 1e9, twin.cloudWatch().storedSampleCount(m));
    }
  }
}

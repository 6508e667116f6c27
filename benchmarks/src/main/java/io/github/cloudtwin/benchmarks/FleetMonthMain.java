package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.autoscaling.AutoScalingGroupSpec;
import io.github.cloudtwin.autoscaling.PredefinedMetricType;
import io.github.cloudtwin.autoscaling.TargetTrackingScalingPolicy;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.TargetGroupSpec;
import io.github.cloudtwin.traffic.Workload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * A fleet-month (issue 23, item 1): one Auto Scaling group of about {@code instances} m5.large
 * (detailed monitoring, three zones, min half, max twice the size) behind an Application Load
 * Balancer, with target tracking on ASGAverageCPUUtilization at 50 %, under a daily traffic curve
 * on the load balancer (0.8 to 1.2 times the requests that keep {@code instances} instances at 50
 * %), simulated for {@code days} virtual days. Prints, per virtual day, the wall and
 * simulation-thread CPU time, the in-service count and (with {@code gc}) the heap after a full GC;
 * at the end the cost per instance-minute, so two sizes show whether the cost is linear in
 * instances x time. docs/performance.md, "A fleet-month".
 *
 * <pre>
 * java -Xmx1g -cp core/target/classes:benchmarks/target/classes \
 *     io.github.cloudtwin.benchmarks.FleetMonthMain 10000 30
 * </pre>
 */
public final class FleetMonthMain {

  private FleetMonthMain() {}

  /**
   * Runs the fleet.
   *
   * @param args the group's size (default 10,000), the virtual days (default 30) and optionally
   *     {@code gc} to print the heap after a full GC at the end of each day
   */
  public static void main(String[] args) {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    boolean gc = args.length > 2 && args[2].equals("gc");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    try (CloudTwin twin = CloudTwin.builder().seed(1).build()) {
      String[] zones = twin.config().zoneNames().toArray(String[]::new);
      twin.loadBalancing()
          .createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
      twin.loadBalancing().createTargetGroup(TargetGroupSpec.builder("web-tg").port(80).build());
      twin.loadBalancing()
          .createListener(ListenerSpec.builder("web", 80).forwardTo("web-tg").build());
      twin.autoScaling()
          .createAutoScalingGroup(
              AutoScalingGroupSpec.builder()
                  .autoScalingGroupName("web")
                  .instanceType("m5.large")
                  .minSize(instances / 2)
                  .maxSize(instances * 2)
                  .desiredCapacity(instances)
                  .availabilityZones(zones)
                  .targetGroupNames("web-tg")
                  .detailedMonitoring(true)
                  .build());
      twin.autoScaling()
          .putScalingPolicy(
              TargetTrackingScalingPolicy.builder()
                  .policyName("cpu50")
                  .autoScalingGroupName("web")
                  .predefinedMetric(PredefinedMetricType.ASGAverageCPUUtilization)
                  .targetValue(50)
                  .build());
      // m5.large: 2 vCPUs, 10 CPU ms a request: 100 requests/s per instance is 50 % CPU
      twin.traffic()
          .apply(
              "web", Workload.dailySine(100.0 * instances, 20.0 * instances, Duration.ofHours(14)));
      long instanceMinutes = 0;
      for (int d = 1; d <= days; d++) {
        long w = System.nanoTime();
        long c = threads.getCurrentThreadCpuTime();
        int before = twin.autoScaling().group("web").inServiceCount();
        twin.advance(Duration.ofDays(1));
        int after = twin.autoScaling().group("web").inServiceCount();
        instanceMinutes += 1440L * (before + after) / 2;
        String heap = "";
        if (gc) {
          System.gc();
          heap =
              String.format(", heap after GC %d MB", memory.getHeapMemoryUsage().getUsed() >> 20);
        }
        System.out.printf(
            "day %2d: %.2f s wall, %.2f s CPU, InService %d, %,d timeline events%s%n",
            d,
            (System.nanoTime() - w) / 1e9,
            (threads.getCurrentThreadCpuTime() - c) / 1e9,
            after,
            twin.timeline().size(),
            heap);
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf(
          "%d instances x %d days: %.1f s wall, %.1f s CPU (simulation thread), about %,d"
              + " instance-minutes: %.3f µs CPU per instance-minute, %.2f million per CPU second;"
              + " %d scaling activities, %,d timeline events%n",
          instances,
          days,
          wall,
          cpu,
          instanceMinutes,
          cpu * 1e6 / instanceMinutes,
          instanceMinutes / cpu / 1e6,
          twin.autoScaling().group("web").activities().size(),
          twin.timeline().size());
    }
  }
}

package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.appautoscaling.PredefinedMetricType;
import io.github.cloudtwin.appautoscaling.ScalableTargetSpec;
import io.github.cloudtwin.appautoscaling.TargetTrackingPolicySpec;
import io.github.cloudtwin.ec2.Instance;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.ecs.EcsService;
import io.github.cloudtwin.ecs.ServiceSpec;
import io.github.cloudtwin.ecs.TaskDefinitionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/**
 * ECS throughput. {@code placeAndRunThousandTasks}: a service of 1,000 tasks placed with the
 * default spread on 200 registered m5.xlarge instances and run until all are RUNNING and the
 * service is steady (2 virtual minutes). {@code oneDayOfServiceAutoScaling}: one virtual day of a
 * service under a daily request curve (changed every 15 minutes) with target tracking on CPU 50 %,
 * on 100 instances: metrics each minute, alarms, scale-out and scale-in, placement and stops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class EcsBenchmark {

  private CloudTwin cluster(int instances) {
    CloudTwin t = CloudTwin.builder().seed(1).build();
    Ecs ecs = t.ecs();
    ecs.createCluster("prod");
    List<String> zones = t.config().zoneNames();
    List<Instance> launched = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      launched.add(
          t.ec2()
              .runInstance(
                  InstanceSpec.builder()
                      .instanceType("m5.xlarge")
                      .availabilityZone(zones.get(i % zones.size()))
                      .build()));
    }
    t.advance(Duration.ofSeconds(30));
    for (Instance i : launched) ecs.registerContainerInstance("prod", i.instanceId());
    ecs.registerTaskDefinition(
        TaskDefinitionSpec.builder("web")
            .cpu(256)
            .memory(512)
            .container(ContainerDefinition.builder("app", "nginx").portMapping(80).build())
            .build());
    return t;
  }

  /** Fresh state for the placement benchmark. */
  @State(Scope.Thread)
  public static class Placement {
    CloudTwin twin;

    /** 200 instances, registered. */
    @Setup(Level.Invocation)
    public void setUp() {
      twin = new EcsBenchmark().cluster(200);
    }

    /** Closes the twin. */
    @TearDown(Level.Invocation)
    public void tearDown() {
      twin.close();
    }
  }

  /** Places and runs a service of 1,000 tasks on 200 instances. */
  @Benchmark
  public int placeAndRunThousandTasks(Placement p) {
    EcsService s =
        p.twin
            .ecs()
            .createService(ServiceSpec.builder("prod", "web", "web").desiredCount(1000).build());
    p.twin.advance(Duration.ofMinutes(2));
    if (s.runningCount() != 1000 || !s.isSteady())
      throw new IllegalStateException("not steady: " + s);
    return s.runningCount();
  }

  /** Fresh state for the auto-scaling day. */
  @State(Scope.Thread)
  public static class Day {
    CloudTwin twin;

    /** 100 instances, a service of 20 tasks with target tracking on CPU. */
    @Setup(Level.Invocation)
    public void setUp() {
      twin = new EcsBenchmark().cluster(100);
      twin.ecs().createService(ServiceSpec.builder("prod", "web", "web").desiredCount(20).build());
      twin.advance(Duration.ofMinutes(2));
      twin.applicationAutoScaling()
          .registerScalableTarget(ScalableTargetSpec.ecsService("prod", "web", 5, 400));
      twin.applicationAutoScaling()
          .putScalingPolicy(
              TargetTrackingPolicySpec.predefined(
                  "cpu50",
                  "service/prod/web",
                  PredefinedMetricType.ECSServiceAverageCPUUtilization,
                  50));
    }

    /** Closes the twin. */
    @TearDown(Level.Invocation)
    public void tearDown() {
      twin.close();
    }
  }

  /** One virtual day: requests follow a daily curve between 2,000 and 40,000 per second. */
  @Benchmark
  public int oneDayOfServiceAutoScaling(Day d) {
    for (int q = 0; q < 96; q++) {
      double phase = Math.sin(Math.PI * q / 96.0);
      d.twin.ecs().inProcessRuntime().setRequestRate("prod", "web", 2_000 + 38_000 * phase * phase);
      d.twin.advance(Duration.ofMinutes(15));
    }
    return d.twin.ecs().service("prod", "web").desiredCount();
  }

  /** Prints wall and CPU time of a few runs of each, for docs/performance.md. */
  public static void main(String[] args) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < 4; rep++) {
      Day d = new Day();
      d.setUp();
      long w = System.nanoTime();
      long c = mx.getCurrentThreadCpuTime();
      int desired = new EcsBenchmark().oneDayOfServiceAutoScaling(d);
      System.out.println(
          "day: wall "
              + (System.nanoTime() - w) / 1_000_000
              + " ms, cpu "
              + (mx.getCurrentThreadCpuTime() - c) / 1_000_000
              + " ms, final desired "
              + desired
              + ", activities "
              + d.twin.applicationAutoScaling().describeScalingActivities("service/prod/web").size()
              + ", timeline events "
              + d.twin.timeline().size());
      d.tearDown();
      Placement p = new Placement();
      p.setUp();
      w = System.nanoTime();
      c = mx.getCurrentThreadCpuTime();
      new EcsBenchmark().placeAndRunThousandTasks(p);
      System.out.println(
          "placement: wall "
              + (System.nanoTime() - w) / 1_000_000
              + " ms, cpu "
              + (mx.getCurrentThreadCpuTime() - c) / 1_000_000
              + " ms");
      p.tearDown();
    }
  }
}

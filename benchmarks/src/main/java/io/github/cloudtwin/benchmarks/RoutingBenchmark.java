package io.github.cloudtwin.benchmarks;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancingAlgorithm;
import io.github.cloudtwin.elb.Request;
import io.github.cloudtwin.elb.RoutedResponse;
import io.github.cloudtwin.elb.TargetGroupSpec;
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
 * Routing decisions per second for {@code LoadBalancing.send}: an ALB in three zones over {@code
 * targets} healthy instance targets, one listener with two path rules before the default action.
 * One operation = one request routed by the exact algorithm, answered by the target's behaviour and
 * counted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

  @Param({"30", "300"})
  public int targets;

  @Param({"ROUND_ROBIN", "LEAST_OUTSTANDING_REQUESTS"})
  public LoadBalancingAlgorithm algorithm;

  private CloudTwin twin;
  private Request request;

  @Setup(Level.Trial)
  public void setUp() {
    twin = CloudTwin.builder().seed(1).build();
    List<String> zones = twin.config().zoneNames();
    var elb = twin.loadBalancing();
    elb.createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    elb.createTargetGroup(TargetGroupSpec.builder("tg").algorithm(algorithm).build());
    elb.createTargetGroup(TargetGroupSpec.builder("api").build());
    elb.createListener(
        ListenerSpec.builder("web", 80)
            .forwardTo("tg")
            .rule(
                10,
                io.github.cloudtwin.elb.RuleCondition.pathPattern("/api/*"),
                io.github.cloudtwin.elb.RuleAction.forward("api"))
            .rule(
                20,
                io.github.cloudtwin.elb.RuleCondition.hostHeader("admin.*"),
                io.github.cloudtwin.elb.RuleAction.forward("api"))
            .build());
    for (int i = 0; i < targets; i++) {
      String id =
          twin.ec2()
              .runInstance(
                  InstanceSpec.builder().availabilityZone(zones.get(i % zones.size())).build())
              .instanceId();
      elb.registerTargets("tg", id);
    }
    twin.advance(Duration.ofMinutes(2));
    request = Request.get("/index.html").from("198.51.100.7", 40000);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    twin.close();
  }

  @Benchmark
  public RoutedResponse send() {
    return twin.loadBalancing().send("web", request);
  }
}

package io.github.cloudtwin.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.elb.ListenerSpec;
import io.github.cloudtwin.elb.LoadBalancer;
import io.github.cloudtwin.elb.LoadBalancerSpec;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.elb.TargetGroupSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12, finding 4: request counts include the traffic of workloads, not only {@code send}. */
class WorkloadRoutingCountsTest {

  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

  @Test
  void requestCountsIncludeWorkloadTrafficPerTargetAndPerZoneAndResetClearsThem() {
    try (CloudTwin twin = CloudTwin.create()) {
      LoadBalancing elb = twin.loadBalancing();
      elb.createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(ZONES).build());
      elb.createTargetGroup(TargetGroupSpec.builder("tg").build());
      elb.createListener(ListenerSpec.builder("web", 80).forwardTo("tg").build());
      List<String> ids = new ArrayList<>();
      for (String z : ZONES) {
        String id =
            twin.ec2().runInstance(InstanceSpec.builder().availabilityZone(z).build()).instanceId();
        elb.registerTargets("tg", id);
        ids.add(id);
      }
      twin.advance(Duration.ofMinutes(2)); // healthy
      twin.traffic().apply("web", Workload.constant(300));
      twin.advance(Duration.ofSeconds(10));
      LoadBalancer lb = elb.loadBalancer("web");
      // 300 rps for 10 s over three healthy targets in three zones: 1,000 each
      assertThat(lb.requestCountByZone())
          .containsExactly(
              Map.entry("us-east-1a", 1000L),
              Map.entry("us-east-1b", 1000L),
              Map.entry("us-east-1c", 1000L));
      assertThat(lb.requestCounts().values()).containsOnly(1000L);
      assertThat(elb.loadBalancer("web").requestCount(ids.get(0))).isEqualTo(1000L);
      // a send adds one on top of the workload's
      String target = elb.send("web").targetId();
      assertThat(elb.loadBalancer("web").requestCount(target)).isEqualTo(1001L);
      elb.loadBalancer("web").resetRequestCounts();
      assertThat(lb.requestCountByZone().values()).allMatch(c -> c == 0L);
      twin.advance(Duration.ofSeconds(1));
      assertThat(lb.requestCountByZone().values()).containsOnly(100L);
    }
  }
}

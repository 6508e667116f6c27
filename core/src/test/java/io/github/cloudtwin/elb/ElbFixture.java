package io.github.cloudtwin.elb;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the twins the load-balancing tests share: an ALB in two or three zones over instances. */
final class ElbFixture {

  final CloudTwin twin;
  final LoadBalancing elb;
  final List<String> zoneA = new ArrayList<>();
  final List<String> zoneB = new ArrayList<>();
  final List<String> zoneC = new ArrayList<>();

  private ElbFixture(CloudTwin twin) {
    this.twin = twin;
    this.elb = twin.loadBalancing();
  }

  static final String A = "us-east-1a";
  static final String B = "us-east-1b";
  static final String C = "us-east-1c";

  /**
   * An ALB "web" in the given zones with one HTTP:80 listener forwarding to target group "tg",
   * {@code perZone[i]} instances registered in zone i, advanced two minutes so that all are
   * healthy; the clock then stands on a health-check instant of the group.
   */
  static ElbFixture alb(TargetGroupSpec.Builder group, int... perZone) {
    CloudTwin twin = CloudTwin.builder().seed(7).build();
    ElbFixture f = new ElbFixture(twin);
    List<String> zones = new ArrayList<>();
    String[] names = {A, B, C};
    for (int i = 0; i < perZone.length; i++) zones.add(names[i]);
    f.elb.createLoadBalancer(LoadBalancerSpec.application("web").availabilityZones(zones).build());
    f.elb.createTargetGroup(group.build());
    f.elb.createListener(ListenerSpec.builder("web", 80).forwardTo(group.build().name()).build());
    for (int i = 0; i < perZone.length; i++) {
      List<String> list = i == 0 ? f.zoneA : i == 1 ? f.zoneB : f.zoneC;
      for (int k = 0; k < perZone[i]; k++) {
        String id =
            twin.ec2()
                .runInstance(
                    InstanceSpec.builder()
                        .availabilityZone(names[i])
                        .detailedMonitoring(true)
                        .build())
                .instanceId();
        list.add(id);
        f.elb.registerTargets(group.build().name(), id);
      }
    }
    twin.advance(Duration.ofMinutes(2));
    return f;
  }

  /** Closes the twin at the end of a try-with-resources block. */
  static final class Closer implements AutoCloseable {
    final ElbFixture fixture;

    Closer(ElbFixture fixture) {
      this.fixture = fixture;
    }

    @Override
    public void close() {
      fixture.twin.close();
    }
  }

  Closer twinCloser() {
    return new Closer(this);
  }

  List<String> all() {
    List<String> out = new ArrayList<>(zoneA);
    out.addAll(zoneB);
    out.addAll(zoneC);
    return out;
  }

  void send(int n) {
    for (int i = 0; i < n; i++) elb.send("web");
  }
}

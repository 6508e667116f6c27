package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A zone outage as the load balancer sees it (aws-behaviour.md 4.6 and 6). */
class ZoneOutageTest {

  @Test
  void zoneOutageRemovesItsNodeFromDnsAndCachedClientsFailForTheTtl() {
    try (var f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 2, 2, 2).twinCloser()) {
      ElbFixture e = f.fixture;
      assertThat(e.elb.loadBalancer("web").dnsZones())
          .containsExactly(ElbFixture.A, ElbFixture.B, ElbFixture.C);
      e.twin.faults().failZone(ElbFixture.A);
      assertThat(e.elb.loadBalancer("web").dnsZones()).containsExactly(ElbFixture.B, ElbFixture.C);
      e.elb.loadBalancer("web").resetRequestCounts();
      int failed = 0;
      for (int i = 0; i < 300; i++) if (e.elb.send("web").status() == 0) failed++;
      assertThat(failed).as("a third of clients still hold a's address").isEqualTo(100);
      e.twin.advance(Duration.ofSeconds(60));
      for (String id : e.zoneA)
        assertThat(e.elb.targetHealth("tg", id).state()).isEqualTo(TargetHealthState.UNHEALTHY);
      e.elb.loadBalancer("web").resetRequestCounts();
      for (int i = 0; i < 300; i++) assertThat(e.elb.send("web").status()).isEqualTo(200);
      assertThat(e.elb.loadBalancer("web").requestCountByZone())
          .containsOnlyKeys(ElbFixture.B, ElbFixture.C);
      e.twin.faults().restoreZone(ElbFixture.A);
      assertThat(e.elb.loadBalancer("web").dnsZones())
          .containsExactly(ElbFixture.A, ElbFixture.B, ElbFixture.C);
      String events = e.twin.timeline().text();
      assertThat(events)
          .contains("node in us-east-1a removed from DNS (zone impaired)")
          .contains("node in us-east-1a added back to DNS");
    }
  }

  @Test
  void crossZoneOffLosesTheZonesShareUntilDnsFailoverDropsIt() {
    try (var f =
        ElbFixture.alb(TargetGroupSpec.builder("tg").crossZoneEnabled(false), 2, 2).twinCloser()) {
      ElbFixture e = f.fixture;
      for (String id : e.zoneA) e.elb.target(id).stopAnswering();
      assertThat(e.elb.loadBalancer("web").dnsZones()).containsExactly(ElbFixture.A, ElbFixture.B);
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.loadBalancer("web").dnsZones())
          .as("no healthy target in a")
          .containsExactly(ElbFixture.B);
      assertThat(e.twin.timeline().text())
          .contains("node in us-east-1a removed from DNS (no healthy targets in the zone)");
      e.twin.advance(Duration.ofSeconds(60));
      e.elb.loadBalancer("web").resetRequestCounts();
      for (int i = 0; i < 100; i++) assertThat(e.elb.send("web").status()).isEqualTo(200);
      assertThat(e.elb.loadBalancer("web").requestCountByZone()).containsOnlyKeys(ElbFixture.B);
    }
  }

  @Test
  void whenEveryZoneIsUnhealthyAllStayInDns() {
    try (var f =
        ElbFixture.alb(TargetGroupSpec.builder("tg").crossZoneEnabled(false), 1, 1).twinCloser()) {
      ElbFixture e = f.fixture;
      for (String id : e.all()) e.elb.target(id).failHealthChecks();
      e.twin.advance(Duration.ofSeconds(60));
      assertThat(e.elb.loadBalancer("web").dnsZones()).containsExactly(ElbFixture.A, ElbFixture.B);
    }
  }
}

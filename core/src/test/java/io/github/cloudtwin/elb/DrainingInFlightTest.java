package io.github.cloudtwin.elb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.traffic.Workload;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 2. AWS (ELB user guide, target groups, "Deregistration delay"): "If a
 * deregistering target has no in-flight requests and no active connections, Elastic Load Balancing
 * immediately completes the deregistration process, without waiting for the deregistration delay."
 * Draining ends when the requests in flight to the target are done, from every source of traffic,
 * and never later than the delay (300 s here).
 */
class DrainingInFlightTest {

  private final ElbFixture f = ElbFixture.alb(TargetGroupSpec.builder("tg"), 1, 1);
  private final CloudTwin twin = f.twin;
  private final String target = f.zoneA.get(0);

  @AfterEach
  void close() {
    twin.close();
  }

  private Instant unusedAt() {
    return twin
        .timeline()
        .events(e -> e.resource().equals("target/" + target) && e.message().contains("-> unused"))
        .stream()
        .map(TimelineEvent::time)
        .findFirst()
        .orElse(null);
  }

  @Test
  void aTargetWithNoRequestInFlightLeavesAtOnce() {
    Instant t = twin.now();
    f.elb.deregisterTargets("tg", target);
    assertThat(f.elb.targetHealth("tg", target).state()).isEqualTo(TargetHealthState.UNUSED);
    assertThat(unusedAt()).isEqualTo(t);
  }

  @Test
  void aRequestSentWithSendKeepsItDrainingUntilItsAnswerIsDone() {
    f.elb.target(target).setBehavior(TargetBehavior.healthy(Duration.ofSeconds(4)));
    for (int i = 0; i < 4; i++) f.elb.send("web"); // two reach the target, each for 4 s
    assertThat(f.elb.loadBalancer("web").requestCount(target)).isEqualTo(2);
    twin.advance(Duration.ofSeconds(1));
    Instant t = twin.now();
    f.elb.deregisterTargets("tg", target);
    assertThat(f.elb.targetHealth("tg", target).state()).isEqualTo(TargetHealthState.DRAINING);
    twin.advance(Duration.ofSeconds(10));
    assertThat(unusedAt()).isEqualTo(t.plusSeconds(3));
  }

  @Test
  void workloadRequestsInFlightEndWithTheTargetsLatency() {
    f.elb.target(target).setBehavior(TargetBehavior.healthy(Duration.ofMillis(800)));
    twin.traffic().apply("web", Workload.constant(100));
    twin.advance(Duration.ofSeconds(5));
    Instant t = twin.now();
    f.elb.deregisterTargets("tg", target);
    assertThat(f.elb.targetHealth("tg", target).state()).isEqualTo(TargetHealthState.DRAINING);
    twin.advance(Duration.ofSeconds(10));
    assertThat(unusedAt()).isEqualTo(t.plusMillis(800));
  }

  @Test
  void neverLaterThanTheDelayEvenWhenTheTargetNeverAnswers() {
    try (ElbFixture.Closer c =
        new ElbFixture.Closer(
            ElbFixture.alb(
                TargetGroupSpec.builder("tg").deregistrationDelay(Duration.ofSeconds(30)), 1, 1))) {
      ElbFixture g = c.fixture;
      String id = g.zoneA.get(0);
      g.elb
          .target(id)
          .setBehavior(TargetBehavior.noResponse()); // requests stay until the 60 s idle timeout
      g.twin.traffic().apply("web", Workload.constant(100));
      g.twin.advance(Duration.ofSeconds(5));
      Instant t = g.twin.now();
      g.elb.deregisterTargets("tg", id);
      g.twin.advance(Duration.ofMinutes(2));
      assertThat(
              g.twin
                  .timeline()
                  .events(
                      e ->
                          e.resource().equals("target/" + id) && e.message().contains("-> unused")))
          .extracting(TimelineEvent::time)
          .containsExactly(t.plusSeconds(30));
    }
  }
}

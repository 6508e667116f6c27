package io.github.cloudtwin.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.InstanceSpec;
import io.github.cloudtwin.ec2.InstanceState;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealTimeDriverTest {

  @Test
  void virtualTimeFollowsTheWallClockAtTheChosenSpeed() throws Exception {
    try (CloudTwin twin = CloudTwin.create()) {
      CountDownLatch running = new CountDownLatch(1);
      twin.timeline()
          .addListener(
              e -> {
                if (e.message().endsWith("-> running")) running.countDown();
              });
      // boots in 60 virtual seconds: 0.1 wall seconds at speed 600
      twin.ec2()
          .runInstance(
              InstanceSpec.builder()
                  .availabilityZone("us-east-1a")
                  .bootTime(Duration.ofSeconds(60))
                  .build());
      long start = System.nanoTime();
      RealTimeDriver driver = RealTimeDriver.start(twin, 600);
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(wallMillis).isGreaterThanOrEqualTo(90); // not before 60 virtual seconds could pass
      assertThat(twin.ec2().instances().get(0).state()).isEqualTo(InstanceState.RUNNING);
      assertThat(driver.isRunning()).isTrue();
      assertThat(driver.speed()).isEqualTo(600);
    }
  }

  @Test
  void closingTheTwinStopsTheDriver() {
    CloudTwin twin = CloudTwin.create();
    RealTimeDriver driver = RealTimeDriver.start(twin, 10);
    twin.close();
    assertThat(driver.isRunning()).isFalse();
    driver.close(); // idempotent
  }

  @Test
  void theTestMayStillAdvanceAndTheDriverNeverMovesTimeBack() {
    try (CloudTwin twin = CloudTwin.create();
        RealTimeDriver driver = RealTimeDriver.start(twin, 1)) {
      twin.advance(Duration.ofHours(1));
      assertThat(twin.elapsed()).isGreaterThanOrEqualTo(Duration.ofHours(1));
      assertThat(driver.isRunning()).isTrue();
    }
  }

  @Test
  void anEventThatThrowsStopsTheDriverAndCloseReportsIt() throws Exception {
    CloudTwin twin = CloudTwin.create();
    CountDownLatch thrown = new CountDownLatch(1);
    twin.simulation()
        .run(
            () ->
                twin.simulation()
                    .after(
                        Duration.ofSeconds(1),
                        () -> {
                          thrown.countDown();
                          throw new IllegalStateException("listener bug");
                        }));
    RealTimeDriver driver = RealTimeDriver.start(twin, 100);
    assertThat(thrown.await(10, TimeUnit.SECONDS)).isTrue();
    while (driver.isRunning()) {
      Thread.onSpinWait();
    }
    assertThat(driver.failure()).hasMessage("listener bug");
    assertThatThrownBy(twin::close)
        .hasRootCauseMessage("listener bug")
        .hasMessage("Closing the twin failed");
  }

  @Test
  void rejectsAnInvalidSpeedNamingIt() {
    try (CloudTwin twin = CloudTwin.create()) {
      assertThatThrownBy(() -> RealTimeDriver.start(twin, 0))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("speed");
      assertThatThrownBy(() -> RealTimeDriver.start(twin, Double.NaN))
          .isInstanceOf(ValidationException.class);
    }
  }
}

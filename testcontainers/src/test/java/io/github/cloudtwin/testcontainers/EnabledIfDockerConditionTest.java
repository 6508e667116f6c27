package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Without Docker, tests are skipped with the reason (or fail when Docker is required). Needs no
 * Docker.
 */
class EnabledIfDockerConditionTest {

  private static final String WHY =
      "Docker is not available: no Docker engine socket at /var/run/docker.sock";

  @Test
  void withoutDockerTheTestIsDisabledWithTheReason() {
    ConditionEvaluationResult r =
        new EnabledIfDockerCondition(() -> false, () -> WHY, () -> false)
            .evaluateExecutionCondition(null);

    assertThat(r.isDisabled()).isTrue();
    assertThat(r.getReason()).contains(WHY);
  }

  @Test
  @ResourceLock(Resources.SYSTEM_OUT)
  void withoutDockerTheReasonIsPrintedOnTheConsoleOncePerRun() {
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EngineExecutionResults r;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      r =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(NeedsDockerA.class), selectClass(NeedsDockerB.class))
              .configurationParameter(FIXTURES, "true")
              .execute();
    } finally {
      System.setOut(console);
    }

    r.testEvents().assertStatistics(s -> s.skipped(0).started(0));
    r.containerEvents().assertStatistics(s -> s.skipped(2));
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out.split("CloudTwin: the tests that need Docker", -1)).hasSize(2);
    assertThat(out)
        .contains("CloudTwin: the tests that need Docker (@EnabledIfDocker) are skipped. " + WHY);
  }

  @Test
  void withDockerTheTestRuns() {
    ConditionEvaluationResult r =
        new EnabledIfDockerCondition(() -> true, () -> WHY, () -> true)
            .evaluateExecutionCondition(null);

    assertThat(r.isDisabled()).isFalse();
  }

  @Test
  void whenDockerIsRequiredItsAbsenceFailsInsteadOfSkipping() {
    EnabledIfDockerCondition c = new EnabledIfDockerCondition(() -> false, () -> WHY, () -> true);

    assertThatThrownBy(() -> c.evaluateExecutionCondition(null))
        .isInstanceOf(DockerUnavailableException.class)
        .hasMessage(WHY + " (cloudtwin.docker.required=true: failing instead of skipping)");
  }

  static final String FIXTURES = "cloudtwin.test.fixtures";

  /** {@link EnabledIfDocker}'s condition on an engine that never answers; only under the kit. */
  static final class NoDocker implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (!context.getConfigurationParameter(FIXTURES).map(Boolean::parseBoolean).orElse(false)) {
        return ConditionEvaluationResult.disabled("a fixture of EnabledIfDockerConditionTest");
      }
      return new EnabledIfDockerCondition(() -> false, () -> WHY, () -> false)
          .evaluateExecutionCondition(context);
    }
  }

  @ExtendWith(NoDocker.class)
  static class NeedsDockerA {
    @Test
    void one() {}

    @Test
    void two() {}
  }

  @ExtendWith(NoDocker.class)
  static class NeedsDockerB {
    @Test
    void three() {}
  }

  @Test
  void apiVersionsCompareNumerically() {
    assertThat(DockerAvailability.olderThan("1.41", "1.44")).isTrue();
    assertThat(DockerAvailability.olderThan("1.44", "1.44")).isFalse();
    assertThat(DockerAvailability.olderThan("1.100", "1.44")).isFalse();
    assertThat(DockerAvailability.olderThan("2.0", "1.44")).isFalse();
  }
}

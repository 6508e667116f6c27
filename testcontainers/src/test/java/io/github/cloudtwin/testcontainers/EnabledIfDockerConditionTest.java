package io.github.cloudtwin.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Without Docker, tests are skipped with the reason (or fail when Docker is required). Needs no Docker. */
class EnabledIfDockerConditionTest {

  private static final String WHY = "Docker is not available: no Docker engine socket at /var/run/docker.sock";

  @Test
  void withoutDockerTheTestIsDisabledWithTheReason() {
    ConditionEvaluationResult r = new EnabledIfDockerCondition(() -> false, () -> WHY, () -> false).evaluateExecutionCondition(null);

    assertThat(r.isDisabled()).isTrue();
    assertThat(r.getReason()).contains(WHY);
  }

  @Test
  void withDockerTheTestRuns() {
    ConditionEvaluationResult r = new EnabledIfDockerCondition(() -> true, () -> WHY, () -> true).evaluateExecutionCondition(null);

    assertThat(r.isDisabled()).isFalse();
  }

  @Test
  void whenDockerIsRequiredItsAbsenceFailsInsteadOfSkipping() {
    EnabledIfDockerCondition c = new EnabledIfDockerCondition(() -> false, () -> WHY, () -> true);

    assertThatThrownBy(() -> c.evaluateExecutionCondition(null))
        .isInstanceOf(DockerUnavailableException.class)
        .hasMessage(WHY + " (cloudtwin.docker.required=true: failing instead of skipping)");
  }

  @Test
  void apiVersionsCompareNumerically() {
    assertThat(DockerAvailability.olderThan("1.41", "1.44")).isTrue();
    assertThat(DockerAvailability.olderThan("1.44", "1.44")).isFalse();
    assertThat(DockerAvailability.olderThan("1.100", "1.44")).isFalse();
    assertThat(DockerAvailability.olderThan("2.0", "1.44")).isFalse();
  }
}

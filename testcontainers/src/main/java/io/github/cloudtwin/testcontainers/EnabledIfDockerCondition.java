package io.github.cloudtwin.testcontainers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link EnabledIfDocker}. Stateless. */
public final class EnabledIfDockerCondition implements ExecutionCondition {

  /** For JUnit. */
  public EnabledIfDockerCondition() {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (DockerAvailability.isAvailable()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    String reason = DockerAvailability.unavailableReason();
    if (DockerAvailability.isRequired()) {
      throw new DockerUnavailableException(reason + " (" + DockerAvailability.REQUIRE_DOCKER_PROPERTY + "=true: failing instead of skipping)");
    }
    return ConditionEvaluationResult.disabled(reason);
  }
}

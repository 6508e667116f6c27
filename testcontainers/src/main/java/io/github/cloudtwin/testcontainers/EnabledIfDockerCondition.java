package io.github.cloudtwin.testcontainers;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link EnabledIfDocker}. Stateless. */
public final class EnabledIfDockerCondition implements ExecutionCondition {

  private final BooleanSupplier available;
  private final Supplier<String> reason;
  private final BooleanSupplier required;

  /** For JUnit: asks {@link DockerAvailability}. */
  public EnabledIfDockerCondition() {
    this(DockerAvailability::isAvailable, DockerAvailability::unavailableReason, DockerAvailability::isRequired);
  }

  EnabledIfDockerCondition(BooleanSupplier available, Supplier<String> reason, BooleanSupplier required) {
    this.available = available;
    this.reason = reason;
    this.required = required;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (available.getAsBoolean()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    String why = reason.get();
    if (required.getAsBoolean()) {
      throw new DockerUnavailableException(why + " (" + DockerAvailability.REQUIRE_DOCKER_PROPERTY + "=true: failing instead of skipping)");
    }
    return ConditionEvaluationResult.disabled(why);
  }
}

package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.junit.ExtensionStores;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition behind {@link EnabledIfDocker}. Without Docker it skips the test with the reason
 * (no engine, an API version too old, and how to fix it) and prints that reason on the console once
 * per test run, since build tools show a skip reason only in their reports. Holds no state: "once"
 * is kept in the root extension context's store.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class EnabledIfDockerCondition implements ExecutionCondition {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EnabledIfDockerCondition.class);
  private static final String PRINTED = "skip reason printed";

  private final BooleanSupplier available;
  private final Supplier<String> reason;
  private final BooleanSupplier required;
  private final Consumer<String> console;

  /** For JUnit: asks {@link DockerAvailability}. */
  public EnabledIfDockerCondition() {
    this(
        DockerAvailability::isAvailable,
        DockerAvailability::unavailableReason,
        DockerAvailability::isRequired,
        System.out::println);
  }

  EnabledIfDockerCondition(
      BooleanSupplier available, Supplier<String> reason, BooleanSupplier required) {
    this(available, reason, required, System.out::println);
  }

  EnabledIfDockerCondition(
      BooleanSupplier available,
      Supplier<String> reason,
      BooleanSupplier required,
      Consumer<String> console) {
    this.available = available;
    this.reason = reason;
    this.required = required;
    this.console = console;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (available.getAsBoolean()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    String why = reason.get();
    if (required.getAsBoolean()) {
      throw new DockerUnavailableException(
          why
              + " ("
              + DockerAvailability.REQUIRE_DOCKER_PROPERTY
              + "=true: failing instead of skipping)");
    }
    if (context != null) {
      ExtensionStores.getOrCompute(
          context.getRoot().getStore(NAMESPACE),
          PRINTED,
          key -> {
            console.accept(
                "CloudTwin: the tests that need Docker (@EnabledIfDocker) are skipped. " + why);
            return Boolean.TRUE;
          },
          Boolean.class);
    }
    return ConditionEvaluationResult.disabled(why);
  }
}

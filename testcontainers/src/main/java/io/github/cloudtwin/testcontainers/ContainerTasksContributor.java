package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.TwinContributor;
import java.time.Duration;

/**
 * Installs {@link ContainerTaskRuntime} on the twin of a {@link ContainerTasks} test. Stateless.
 */
public final class ContainerTasksContributor implements TwinContributor<ContainerTasks> {

  /** For the JUnit extension. */
  public ContainerTasksContributor() {}

  @Override
  public void created(ContainerTasks annotation, CloudTwin twin) {
    ContainerTaskRuntime.install(
        twin,
        ContainerOptions.builder()
            .startupTimeout(Duration.ofSeconds(annotation.startupTimeoutSeconds()))
            .stopTimeout(Duration.ofSeconds(annotation.stopTimeoutSeconds()))
            .requestTimeout(Duration.ofSeconds(annotation.requestTimeoutSeconds()))
            .build());
  }
}

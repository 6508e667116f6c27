package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.spi.TwinContributor;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Installs {@link ContainerTaskRuntime} on the twin of a {@link ContainerTasks} test. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
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

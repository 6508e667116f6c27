package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.junit.spi.ContributesToTwin;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Opts a {@code @CloudTwinTest} class into real containers: the twin's ECS tasks run through {@link
 * ContainerTaskRuntime} (get it with {@link ContainerTaskRuntime#of}), and every container is
 * removed when JUnit closes the twin. Implies {@link EnabledIfDocker}: without Docker the tests are
 * skipped with the reason.
 *
 * <pre>{@code
 * @CloudTwinTest(seed = 7)
 * @ContainerTasks
 * class CheckoutServiceTest {
 *   @Test
 *   void survivesAZoneOutage(CloudTwin twin) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnabledIfDocker
@ContributesToTwin(ContainerTasksContributor.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface ContainerTasks {

  /**
   * {@return real seconds one container may take to start (see {@link
   * ContainerOptions#startupTimeout()})}
   */
  long startupTimeoutSeconds() default 60;

  /** {@return real seconds between SIGTERM and SIGKILL when a task stops} */
  long stopTimeoutSeconds() default 2;

  /** {@return real seconds a health check or request to a container may wait for its answer} */
  long requestTimeoutSeconds() default 2;
}

package io.github.cloudtwin.spi;

import io.github.cloudtwin.CloudTwin;
import org.apiguardian.api.API;

/**
 * SPI: where a twin's ECS takes the {@link TaskRuntime} its tasks run on: the in-process runtime
 * until an extension (the Testcontainers module's container runtime) puts another in, at any point
 * of the twin's life. Get it from {@link CloudTwin#taskRuntimeSlot()}. Tests do not need it; {@code
 * twin.ecs().taskRuntime()} reads the runtime in use.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface TaskRuntimeSlot {

  /**
   * {@return the runtime in use}
   *
   * @throws io.github.cloudtwin.kernel.TwinClosedException once the twin is closed
   */
  TaskRuntime inUse();

  /**
   * Runs the tasks started from now on with {@code runtime}; tasks already started stay with the
   * runtime that started them (which the new one may hand their calls on to).
   *
   * @param runtime the runtime
   * @throws io.github.cloudtwin.kernel.TwinClosedException once the twin is closed
   */
  void use(TaskRuntime runtime);
}

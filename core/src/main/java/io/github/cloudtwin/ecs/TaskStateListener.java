package io.github.cloudtwin.ecs;

import org.apiguardian.api.API;

/**
 * Told about every change of a task's {@code lastStatus} (PROVISIONING -> PENDING -> ACTIVATING ->
 * RUNNING -> DEACTIVATING -> STOPPING -> DEPROVISIONING -> STOPPED), after the change is on the
 * timeline, on the simulation thread. A Mockito mock works as a listener.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface TaskStateListener {

  /**
   * {@code task}'s lastStatus went from {@code from} to {@code to}.
   *
   * @param task the task
   * @param from the state the task left
   * @param to the state the task entered
   */
  void stateChanged(Task task, TaskStatus from, TaskStatus to);
}

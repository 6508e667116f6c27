package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.spi.TaskRuntime;
import io.github.cloudtwin.spi.TaskRuntimeSlot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The task runtime in use (the in-process one unless replaced, for instance by real containers) and
 * the {@link TaskStateListener}s told of every task state change.
 */
final class TaskRuntimes implements TaskRuntimeSlot {

  private final Kernel kernel;
  private final InProcessTaskRuntime inProcess;
  private TaskRuntime current;
  private final List<TaskStateListener> listeners = new CopyOnWriteArrayList<>();

  TaskRuntimes(Kernel kernel, InProcessTaskRuntime inProcess) {
    this.kernel = kernel;
    this.inProcess = inProcess;
    this.current = inProcess;
  }

  /** {@return the in-process runtime, after checking that the twin is open} */
  InProcessTaskRuntime inProcessChecked() {
    kernel.checkOpen();
    return inProcess;
  }

  /** {@return the runtime in use; the caller holds the kernel lock} */
  TaskRuntime current() {
    return current;
  }

  /** {@return the runtime in use, read under the kernel lock} */
  @Override
  public TaskRuntime inUse() {
    return kernel.call(() -> current);
  }

  /** Replaces the runtime for tasks started from now on. */
  @Override
  public void use(TaskRuntime runtime) {
    Require.notNull("runtime", runtime);
    kernel.run(() -> this.current = runtime);
  }

  void addListener(TaskStateListener listener) {
    Require.notNull("listener", listener);
    listeners.add(listener);
  }

  void removeListener(TaskStateListener listener) {
    kernel.checkOpen();
    listeners.remove(listener);
  }

  /** Tells every listener that {@code t} went from {@code from} to {@code to}. */
  void stateChanged(Task t, TaskStatus from, TaskStatus to) {
    for (TaskStateListener l : listeners) l.stateChanged(t, from, to);
  }
}

package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.spi.TaskRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The containers of one task, by container name: their starts under way, those that run, and
 * whether the task's host is unreachable or the task stopped. Guarded by the kernel lock.
 */
final class TaskContainers {

  final Map<String, CompletableFuture<ContainerHandle>> starts = new LinkedHashMap<>();
  final Map<String, ContainerHandle> running = new LinkedHashMap<>();
  final TaskRuntime.Agent agent;
  boolean hostUnreachable;
  boolean stopped;

  TaskContainers(TaskRuntime.Agent agent) {
    this.agent = agent;
  }

  /** Pauses every running container (one that exited meanwhile is left to the exit watcher). */
  void pauseAll() {
    for (ContainerHandle h : running.values()) {
      try {
        h.pause();
      } catch (RuntimeException e) {
        // it exited meanwhile: its exit is reported by the watcher
      }
    }
  }

  /** Resumes every running container. */
  void unpauseAll() {
    for (ContainerHandle h : running.values()) {
      try {
        h.unpause();
      } catch (RuntimeException e) {
        // it exited meanwhile
      }
    }
  }
}

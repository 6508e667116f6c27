package io.github.cloudtwin.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;

/**
 * One real container started by a {@link ContainerSession}: its published addresses, pause and
 * resume, commands run inside it, and stop-and-remove. Thread-safe; every Docker call is a real
 * (blocking) call to the engine.
 */
final class ContainerHandle {

  private final DockerClient docker;
  private final GenericContainer<?> container;
  private final ContainerRequest request;
  private final Object lock = new Object();
  private boolean paused;
  private volatile boolean stopRequested;
  private volatile @Nullable Integer exitCode;

  ContainerHandle(DockerClient docker, GenericContainer<?> container, ContainerRequest request) {
    this.docker = docker;
    this.container = container;
    this.request = request;
  }

  /** The Docker container id. */
  String id() {
    return container.getContainerId();
  }

  /** The container's name. */
  String name() {
    return request.name();
  }

  ContainerRequest request() {
    return request;
  }

  /** The host port Docker published {@code containerPort} on. */
  int mappedPort(int containerPort) {
    return container.getMappedPort(containerPort);
  }

  /** {@code http://host:port} of a published port, as seen from this JVM. */
  URI httpAddress(int containerPort) {
    return URI.create("http://" + container.getHost() + ":" + mappedPort(containerPort));
  }

  /** Freezes every process of the container (docker pause); idempotent. */
  void pause() {
    synchronized (lock) {
      if (paused || stopRequested || exitCode != null) return;
      docker.pauseContainerCmd(id()).exec();
      paused = true;
    }
  }

  /** Thaws it (docker unpause); idempotent. */
  void unpause() {
    synchronized (lock) {
      if (!paused) return;
      paused = false;
      if (stopRequested || exitCode != null) return;
      docker.unpauseContainerCmd(id()).exec();
    }
  }

  boolean isPaused() {
    synchronized (lock) {
      return paused;
    }
  }

  /**
   * Runs {@code command} inside the container and returns its exit code, or -1 when it did not
   * finish within {@code timeout} or could not run (container paused, stopped, no such binary).
   */
  int exec(List<String> command, Duration timeout) {
    if (stopRequested || exitCode != null || isPaused()) return -1;
    try {
      ExecCreateCmdResponse exec =
          docker
              .execCreateCmd(id())
              .withCmd(command.toArray(new String[0]))
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec();
      boolean done;
      try (ResultCallback.Adapter<Frame> cb =
          docker.execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<>())) {
        done = cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (!done) return -1;
      Long code = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
      return code == null ? -1 : code.intValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Whether the container exited on its own (not through {@link #stop}). */
  boolean hasExited() {
    return exitCode != null;
  }

  /** Its exit code when it exited on its own, or null. */
  @Nullable Integer exitCode() {
    return exitCode;
  }

  /** Whether {@link #stop} was called. */
  boolean isStopRequested() {
    return stopRequested;
  }

  /** Records an exit seen by the session's watcher; false when the exit was our own stop. */
  boolean exited(int code) {
    synchronized (lock) {
      if (stopRequested || exitCode != null) return false;
      exitCode = code;
      return true;
    }
  }

  /**
   * Stops the container (SIGTERM, SIGKILL after {@code grace}) and removes it with its volumes.
   * Idempotent; never throws for a container that is already gone.
   */
  void stop(Duration grace) {
    boolean wasPaused;
    synchronized (lock) {
      if (stopRequested) return;
      stopRequested = true;
      wasPaused = paused;
      paused = false;
    }
    String id = id();
    if (id == null) return;
    try {
      if (wasPaused) docker.unpauseContainerCmd(id).exec();
    } catch (RuntimeException e) {
      // already gone or not paused: removal below still applies
    }
    try {
      if (exitCode == null && !grace.isZero())
        docker.stopContainerCmd(id).withTimeout((int) Math.max(1, grace.toSeconds())).exec();
    } catch (RuntimeException e) {
      // already stopped or gone
    }
    try {
      container.stop(); // Testcontainers: kill if still running, remove with volumes
    } catch (RuntimeException e) {
      // fall through to the forced removal
    }
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (RuntimeException e) {
      // removed already (the usual case)
    }
  }

  @Override
  public String toString() {
    return request.name()
        + " ("
        + request.image()
        + (exitCode != null ? ", exited " + exitCode : stopRequested ? ", stopped" : "")
        + ")";
  }
}

package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.ec2.ZoneState;
import io.github.cloudtwin.ecs.ContainerDefinition;
import io.github.cloudtwin.ecs.HealthCheck;
import io.github.cloudtwin.ecs.Task;
import io.github.cloudtwin.ecs.TaskStatus;
import io.github.cloudtwin.facts.Ec2Fact;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.TimelineEvent;
import io.github.cloudtwin.spi.Simulation;
import io.github.cloudtwin.spi.TaskRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Runs a twin's ECS tasks as real containers, started through Testcontainers from each task
 * definition's containers (image, environment, port mappings, command; health check commands run
 * inside the container). A service task behind a load balancer (awsvpc network mode) becomes a
 * target whose address is the container's published port: the twin's real HTTP listener proxies to
 * it and the target group's health checks are real HTTP requests to it.
 *
 * <p>Faults reach the containers: a zone outage (or an unreachable host) pauses the containers of
 * the affected tasks and a restore resumes them; a stopped task's containers are stopped and
 * removed; a container that exits on its own is reported to ECS with its exit code, which stops the
 * task (an essential container) so the service replaces it. Every container carries the label
 * {@value #SESSION_LABEL}{@code =}{@link #sessionId()} and is removed when the twin closes.
 *
 * <pre>{@code
 * try (CloudTwin twin = CloudTwin.builder().seed(7).build()) {
 *   ContainerTaskRuntime containers = ContainerTaskRuntime.install(twin);
 *   ... register a task definition with image "my/app:test", create a service behind an ALB ...
 * }   // every container is gone
 * }</pre>
 *
 * <p>The containers run in real time while the twin's clock is virtual: a container's start, its
 * answers and its exit happen when they happen, and the twin sees them at whatever virtual instant
 * it is at. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ContainerTaskRuntime implements TaskRuntime, AutoCloseable {

  /** The label on every container of one runtime; its value is {@link #sessionId()}. */
  public static final String SESSION_LABEL = ContainerSession.SESSION_LABEL;

  /** The label naming the task's ARN. */
  public static final String TASK_ARN_LABEL = "io.github.cloudtwin.task-arn";

  /** The label naming the container (its name in the task definition). */
  public static final String CONTAINER_NAME_LABEL = "io.github.cloudtwin.container-name";

  private final CloudTwin twin;
  private final Simulation simulation;
  private final ContainerOptions options;
  private final ContainerSession session;
  private final Consumer<TimelineEvent> zoneListener = this::timelineEvent;
  private final ContainerRequests requests;
  private final LoadBalancerAttachment attachment;
  // guarded by the simulation lock
  private final Map<Task, TaskContainers> tasks = new LinkedHashMap<>();
  private final ZoneImpairments zones = new ZoneImpairments();
  private final List<String> startFailures = new ArrayList<>();

  /** Every task this runtime started (weakly held: stopped tasks are forgotten by ECS in time). */
  private final Set<Task> ours = Collections.newSetFromMap(new WeakHashMap<>());

  /** The runtime before this one: it keeps running the tasks it started. */
  private @Nullable TaskRuntime previous;

  private ContainerTaskRuntime(CloudTwin twin, ContainerOptions options) {
    this.twin = twin;
    this.simulation = twin.simulation();
    this.options = options;
    this.session =
        new ContainerSession("cloudtwin-" + UUID.randomUUID().toString().substring(0, 8));
    this.requests = new ContainerRequests(session.id(), options);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(options.requestTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.attachment = new LoadBalancerAttachment(twin, http, options.requestTimeout());
  }

  /**
   * {@link #install(CloudTwin, ContainerOptions)} with the defaults.
   *
   * @param twin the twin
   * @return the installed runtime, with the default options
   */
  public static ContainerTaskRuntime install(CloudTwin twin) {
    return install(twin, ContainerOptions.DEFAULTS);
  }

  /**
   * Makes {@code twin}'s ECS run tasks started from now on as real containers, and removes them all
   * when the twin closes. Throws {@link DockerUnavailableException}, saying what to do, when no
   * Docker engine answers.
   *
   * @param twin the twin
   * @param options the options
   * @return the installed runtime
   */
  public static ContainerTaskRuntime install(CloudTwin twin, ContainerOptions options) {
    Require.notNull("twin", twin);
    Require.notNull("options", options);
    ContainerTaskRuntime runtime = new ContainerTaskRuntime(twin, options);
    twin.closeOnClose(runtime);
    twin.simulation()
        .run(
            () -> {
              for (var z : twin.ec2().zones()) {
                if (twin.ec2().zoneState(z.name()) == ZoneState.IMPAIRED)
                  runtime.zones.impaired(z.name());
              }
              twin.timeline().addListener(runtime.zoneListener);
              runtime.previous = twin.ecs().taskRuntime();
              twin.taskRuntimeSlot().use(runtime);
              twin.timeline()
                  .record(
                      "ecs/task-runtime",
                      "containers",
                      "ECS tasks run as real containers (session " + runtime.sessionId() + ")");
            });
    return runtime;
  }

  /**
   * The runtime installed on {@code twin}; throws when its tasks do not run as containers.
   *
   * @param twin the twin
   * @return the runtime installed on {@code twin}; throws when its tasks do not run as containers
   */
  public static ContainerTaskRuntime of(CloudTwin twin) {
    Require.notNull("twin", twin);
    TaskRuntime r = twin.ecs().taskRuntime();
    if (r instanceof ContainerTaskRuntime c) return c;
    throw new IllegalStateException(
        "This twin's ECS tasks do not run as containers (runtime: "
            + r.getClass().getSimpleName()
            + "); call ContainerTaskRuntime.install(twin) or annotate the test with @ContainerTasks.");
  }

  /** {@return the value of {@link #SESSION_LABEL} on this runtime's containers} */
  public String sessionId() {
    return session.id();
  }

  /** {@return the options} */
  public ContainerOptions options() {
    return options;
  }

  /**
   * The Docker id of a task's running container, or null when it has none (not started, stopped).
   *
   * @param task the task
   * @param containerName the container name
   * @return the Docker id of a task's running container, or null when it has none (not started,
   *     stopped)
   */
  public @Nullable String containerId(Task task, String containerName) {
    ContainerHandle h = handle(task, containerName);
    return h == null ? null : h.id();
  }

  /**
   * The real address ({@code http://host:port}) of a task container's published {@code
   * containerPort}, or null when the container does not run.
   *
   * @param task the task
   * @param containerName the container name
   * @param containerPort the container port
   * @return the real address ({@code http://host:port}) of a task container's published {@code
   *     containerPort}, or null when the container does not run
   */
  public @Nullable URI endpoint(Task task, String containerName, int containerPort) {
    ContainerHandle h = handle(task, containerName);
    return h == null ? null : h.httpAddress(containerPort);
  }

  /**
   * {@return the ids of every container of this runtime on the Docker engine, in any state (asks
   * Docker)}
   */
  public List<String> containersOnEngine() {
    return session.containersOnEngine();
  }

  /**
   * Containers that could not be started, with the engine's reason, oldest first.
   *
   * @return one line per failed start: the container and the reason
   */
  public List<String> startFailures() {
    return simulation.call(() -> List.copyOf(startFailures));
  }

  private @Nullable ContainerHandle handle(Task task, String containerName) {
    Require.notNull("task", task);
    Require.name("containerName", containerName);
    return simulation.call(
        () -> {
          TaskContainers tc = tasks.get(task);
          return tc == null ? null : tc.running.get(containerName);
        });
  }

  // ------------------------------------------------------------------ TaskRuntime (simulation
  // thread)

  @Override
  public void start(Task task, Agent agent) {
    TaskContainers tc = new TaskContainers(agent);
    tasks.put(task, tc);
    ours.add(task);
    Map<String, ContainerRequest> byName =
        requests.forTask(
            task.taskArn(),
            task.taskId(),
            task.taskDefinition(),
            task.availabilityZone(),
            attachment.firstLoadBalancer(task));
    byName.forEach(
        (name, request) ->
            tc.starts.put(
                name,
                session.startAsync(request, code -> agent.containerExited(task, name, code))));
  }

  @Override
  public void running(Task task) {
    TaskContainers tc = tasks.get(task);
    if (tc == null) {
      if (previous != null) previous.running(task);
      return;
    }
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, CompletableFuture<ContainerHandle>> e : tc.starts.entrySet()) {
      try {
        // real time: the containers start in parallel; the twin waits here for the slowest
        tc.running.put(
            e.getKey(),
            e.getValue().get(options.startupTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS));
      } catch (ExecutionException | TimeoutException ex) {
        String reason =
            ex instanceof ExecutionException
                ? causeMessage(ex)
                : "no start within " + options.startupTimeout();
        failed.add(e.getKey());
        startFailures.add(task.taskId() + "/" + e.getKey() + ": " + reason);
        twin.timeline()
            .record(
                "task/" + task.taskId(), "container-error", "CannotStartContainerError: " + reason);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (zones.unreachable(task.availabilityZone(), tc)) tc.pauseAll();
    // ECS registers the task's targets right after this call: attach the containers at the same
    // instant
    simulation.after(
        Duration.ZERO,
        () -> {
          attachment.attach(task, tc);
          for (String name : failed) reportExit(task, tc, name);
        });
  }

  /**
   * A container that could not start counts as one that exited at once (a fake choice: code 255).
   */
  private void reportExit(Task task, TaskContainers tc, String containerName) {
    if (tc.stopped || task.desiredStatus() == TaskStatus.STOPPED) return;
    tc.agent.containerExited(task, containerName, 255);
  }

  @Override
  public void stop(Task task) {
    TaskContainers tc = tasks.remove(task);
    if (tc == null) {
      if (previous != null) previous.stop(task);
      return;
    }
    if (tc.stopped) return;
    tc.stopped = true;
    Duration grace = options.stopTimeout();
    for (CompletableFuture<ContainerHandle> f : tc.starts.values()) session.stopAsync(f, grace);
  }

  @Override
  public void pause(Task task) {
    TaskContainers tc = tasks.get(task);
    if (tc == null) {
      if (previous != null) previous.pause(task);
      return;
    }
    tc.hostUnreachable = true;
    tc.pauseAll();
  }

  @Override
  public void resume(Task task) {
    TaskContainers tc = tasks.get(task);
    if (tc == null) {
      if (previous != null) previous.resume(task);
      return;
    }
    tc.hostUnreachable = false;
    if (!zones.unreachable(task.availabilityZone(), tc)) tc.unpauseAll();
  }

  @Override
  public boolean healthCheckPasses(Task task, ContainerDefinition container) {
    if (!simulation.call(() -> ours.contains(task)))
      return previous != null && previous.healthCheckPasses(task, container);
    ContainerHandle h = handle(task, container.name());
    HealthCheck hc = container.healthCheck();
    if (h == null || hc == null) return h != null;
    List<String> cmd = hc.command();
    String kind = cmd.get(0);
    List<String> exec;
    if (kind.equals("NONE")) return true;
    if (kind.equals("CMD-SHELL"))
      exec = List.of("/bin/sh", "-c", String.join(" ", cmd.subList(1, cmd.size())));
    else if (kind.equals("CMD")) exec = cmd.subList(1, cmd.size());
    else exec = cmd;
    if (exec.isEmpty()) return false;
    return h.exec(exec, hc.timeout()) == 0;
  }

  /**
   * Container tasks report no CPU (a documented choice); tasks of the previous runtime report
   * theirs.
   */
  @Override
  public double cpuUnitsUsed(Task task, long fromMillis, long toMillis) {
    return simulation.call(() -> ours.contains(task)) || previous == null
        ? 0
        : previous.cpuUnitsUsed(task, fromMillis, toMillis);
  }

  /**
   * Container tasks report no memory (a documented choice); tasks of the previous runtime report
   * theirs.
   */
  @Override
  public double memoryUsed(Task task, long fromMillis, long toMillis) {
    return simulation.call(() -> ours.contains(task)) || previous == null
        ? 0
        : previous.memoryUsed(task, fromMillis, toMillis);
  }

  private void timelineEvent(TimelineEvent e) {
    if (e.fact() instanceof Ec2Fact.ZoneStateChanged z)
      zones.zoneChanged(z.zone(), z.impaired(), tasks);
  }

  /** Removes every container of this runtime (also those of tasks still running); idempotent. */
  @Override
  public void close() {
    try {
      simulation.run(() -> twin.timeline().removeListener(zoneListener));
    } finally {
      session.close();
    }
  }

  /** The message of what failed inside a future: its cause's, or its own when it has none. */
  private static @Nullable String causeMessage(Exception ex) {
    Throwable cause = ex.getCause();
    return (cause != null ? cause : ex).getMessage();
  }

  @Override
  public String toString() {
    return "ContainerTaskRuntime[session " + session.id() + "]";
  }
}

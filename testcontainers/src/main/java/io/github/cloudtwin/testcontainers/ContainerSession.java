package io.github.cloudtwin.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.PullResponseItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.rnorth.ducttape.ratelimits.RateLimiter;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The real containers of one owner (one twin): started through Testcontainers, each labelled
 * {@value #SESSION_LABEL}{@code =<session id>}, watched for exits, and all removed by {@link
 * #close()} (by label, so even a container whose start failed half-way goes). Nothing depends on
 * Ryuk. Thread-safe.
 */
final class ContainerSession implements AutoCloseable {

  /** The label on every container of a session; its value is the session id. */
  static final String SESSION_LABEL = "io.github.cloudtwin.session";

  /** The label saying who started the container. */
  static final String MANAGED_BY_LABEL = "io.github.cloudtwin.managed-by";

  static final String MANAGED_BY = "cloudtwin-testcontainers";

  /**
   * Readiness polls: 20 a second (Testcontainers' default is one), the HTTP answer ends the wait.
   */
  private final RateLimiter readyPoll =
      RateLimiterBuilder.newBuilder()
          .withRate(20, TimeUnit.SECONDS)
          .withConstantThroughput()
          .build();

  private final String id;
  private final DockerClient docker;
  private final ExecutorService executor;
  private final List<ContainerHandle> handles = new ArrayList<>();
  private final List<CompletableFuture<Void>> stops = new ArrayList<>(); // guarded by handles
  private volatile boolean closed;

  /** Opens a session; throws {@link DockerUnavailableException} when no engine answers. */
  ContainerSession(String id) {
    DockerAvailability.requireAvailable();
    this.id = id;
    this.docker = DockerClientFactory.instance().client();
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cloudtwin-containers-" + id + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The session id (the value of {@value #SESSION_LABEL}). */
  String id() {
    return id;
  }

  DockerClient docker() {
    return docker;
  }

  /** Starts a container without blocking; see {@link #start}. */
  CompletableFuture<ContainerHandle> startAsync(ContainerRequest request, IntConsumer onExit) {
    checkOpen();
    return CompletableFuture.supplyAsync(() -> start(request, onExit), executor);
  }

  /**
   * Starts a container and waits (real time, at most the request's startup timeout) until it runs
   * and, with a ready port, answers HTTP there. {@code onExit} is told the exit code, on a session
   * thread, if the container later exits on its own (not when it is stopped through its handle).
   */
  ContainerHandle start(ContainerRequest request, IntConsumer onExit) {
    checkOpen();
    ensureImage(request);
    Map<String, String> labels = new LinkedHashMap<>(request.labels());
    labels.put(SESSION_LABEL, id);
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(request.image()));
    if (!request.containerPorts().isEmpty())
      c.withExposedPorts(request.containerPorts().toArray(new Integer[0]));
    c.withEnv(request.environment());
    c.withLabels(labels);
    if (!request.command().isEmpty()) c.withCommand(request.command().toArray(new String[0]));
    c.withCreateContainerCmdModifier(cmd -> cmd.withName(request.name()));
    c.withStartupCheckStrategy(new StartedCheck().withTimeout(request.startupTimeout()));
    c.waitingFor(waitStrategy(request));
    ContainerHandle handle = new ContainerHandle(docker, c, request);
    synchronized (handles) {
      handles.add(handle);
    }
    try {
      c.start();
    } catch (RuntimeException e) {
      Integer code = exitedCode(request.name());
      if (code == null) {
        removeByName(request.name());
        throw new ContainerStartException(
            "Could not start container "
                + request.name()
                + " from image "
                + request.image()
                + ": "
                + rootMessage(e)
                + (rootMessage(e).contains("No such image") || rootMessage(e).contains("pull")
                    ? " (is the image built on this engine? No registry is needed for a local image.)"
                    : ""),
            e);
      }
      // it started and exited before it became ready: report the exit like any other
    }
    if (closed) {
      handle.stop(Duration.ZERO);
      throw new IllegalStateException(
          "The container session " + id + " was closed while " + request.name() + " started");
    }
    executor.execute(() -> watch(handle, onExit));
    return handle;
  }

  /**
   * A missing image is pulled once (bounded by the startup timeout); a failed pull fails at once,
   * instead of Testcontainers' two minutes of retries.
   */
  private void ensureImage(ContainerRequest request) {
    try {
      docker.inspectImageCmd(request.image()).exec();
      return;
    } catch (NotFoundException e) {
      // pull below
    }
    try (ResultCallback.Adapter<PullResponseItem> pull =
        docker.pullImageCmd(request.image()).exec(new ResultCallback.Adapter<>())) {
      if (!pull.awaitCompletion(request.startupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ContainerStartException(
            "Pulling image " + request.image() + " took longer than " + request.startupTimeout(),
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerStartException("Interrupted while pulling image " + request.image(), e);
    } catch (ContainerStartException e) {
      throw e;
    } catch (Exception e) {
      throw new ContainerStartException(
          "Image "
              + request.image()
              + " is not on the Docker engine and pulling it failed ("
              + rootMessage(e)
              + "). Build it locally (docker build -t "
              + request.image()
              + " ...) or make a registry reachable.",
          e);
    }
  }

  private WaitStrategy waitStrategy(ContainerRequest request) {
    if (request.readyPort() > 0) {
      return Wait.forHttp("/")
          .forPort(request.readyPort())
          .forStatusCodeMatching(code -> true)
          .withReadTimeout(Duration.ofSeconds(1))
          .withRateLimiter(readyPoll)
          .withStartupTimeout(request.startupTimeout());
    }
    return new NoWait();
  }

  /** Blocks until the container exits, then reports it unless we stopped it. */
  private void watch(ContainerHandle handle, IntConsumer onExit) {
    @Nullable Integer code;
    try {
      code = docker.waitContainerCmd(handle.id()).start().awaitStatusCode();
    } catch (RuntimeException e) {
      code = exitedCode(handle.name());
    }
    if (code != null && handle.exited(code)) onExit.accept(code);
  }

  /** The exit code of a stopped container named {@code name}, or null when it runs or is gone. */
  private @Nullable Integer exitedCode(String name) {
    try {
      InspectContainerResponse.ContainerState s =
          docker.inspectContainerCmd(name).exec().getState();
      if (Boolean.TRUE.equals(s.getRunning()) || "created".equals(s.getStatus())) return null;
      Long code = s.getExitCodeLong();
      return code == null ? null : code.intValue();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void removeByName(String name) {
    try {
      docker.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
    } catch (RuntimeException e) {
      // never created, or already removed
    }
  }

  /** Stops and removes a container on a session thread. */
  void stopAsync(CompletableFuture<ContainerHandle> start, Duration grace) {
    if (closed) return; // close() removes everything
    try {
      CompletableFuture<Void> stop =
          start.thenAcceptAsync(h -> h.stop(grace), executor).exceptionally(e -> null);
      synchronized (handles) {
        stops.removeIf(CompletableFuture::isDone);
        stops.add(stop);
      }
    } catch (RuntimeException e) {
      // closing meanwhile: close() removes everything
    }
  }

  /** Ids of the containers on the engine labelled with this session, in any state. */
  List<String> containersOnEngine() {
    List<String> ids = new ArrayList<>();
    for (Container c :
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(SESSION_LABEL, id))
            .exec()) {
      ids.add(c.getId());
    }
    return ids;
  }

  /**
   * Stops and removes every container of the session (also any left by failed starts); idempotent.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    List<ContainerHandle> all;
    List<CompletableFuture<Void>> pending;
    synchronized (handles) {
      all = new ArrayList<>(handles);
      pending = new ArrayList<>(stops); // task stops already under way
    }
    for (ContainerHandle h : all)
      pending.add(CompletableFuture.runAsync(() -> h.stop(Duration.ZERO), executor));
    for (CompletableFuture<Void> f : pending) {
      try {
        f.get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        // removal by label below
      }
    }
    RuntimeException failure = null;
    try {
      for (String left : containersOnEngine()) {
        try {
          docker.removeContainerCmd(left).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
          // removed meanwhile
        } catch (ConflictException e) {
          if (!String.valueOf(e.getMessage()).contains("already in progress") && failure == null) {
            failure =
                new IllegalStateException(
                    "Could not remove container " + left + " of session " + id, e);
          }
        } catch (RuntimeException e) {
          if (failure == null)
            failure =
                new IllegalStateException(
                    "Could not remove container " + left + " of session " + id, e);
        }
      }
    } catch (RuntimeException e) {
      failure = new IllegalStateException("Could not list the containers of session " + id, e);
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) throw failure;
  }

  boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) throw new IllegalStateException("The container session " + id + " is closed");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    String msg = String.valueOf(e.getMessage());
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) msg = t.getMessage();
    }
    return msg;
  }

  /**
   * Started means started: a container that already exited has started too (ECS reports its exit).
   */
  private static final class StartedCheck extends StartupCheckStrategy {
    @Override
    public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
      InspectContainerResponse.ContainerState s = getCurrentState(dockerClient, containerId);
      return "created".equals(s.getStatus())
          ? StartupStatus.NOT_YET_KNOWN
          : StartupStatus.SUCCESSFUL;
    }
  }

  /** No readiness wait: the task's health checks decide. */
  private static final class NoWait extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {}
  }
}

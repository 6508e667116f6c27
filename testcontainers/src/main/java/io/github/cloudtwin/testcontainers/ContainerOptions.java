package io.github.cloudtwin.testcontainers;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How {@link ContainerTaskRuntime} runs containers. All durations are real (wall-clock) time: they
 * bound waits on the Docker engine and on the containers, never the twin's virtual clock.
 *
 * @param startupTimeout how long one container may take to start (and, behind a load balancer, to
 *     answer HTTP on its target port); default 60 s
 * @param stopTimeout the grace between SIGTERM and SIGKILL when a task stops; default 2 s
 * @param requestTimeout how long a health check or a virtual request proxied to a container may
 *     wait for its answer before it counts as no answer; default 2 s
 * @param labels extra labels on every container (insertion-ordered, immutable)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ContainerOptions(
    Duration startupTimeout,
    Duration stopTimeout,
    Duration requestTimeout,
    Map<String, String> labels) {

  /** The defaults. */
  public static final ContainerOptions DEFAULTS = builder().build();

  /**
   * Validates and copies.
   *
   * @param startupTimeout how long one container may take to start (and, behind a load balancer, to
   *     answer HTTP on its target port); default 60 s
   * @param stopTimeout the grace between SIGTERM and SIGKILL when a task stops; default 2 s
   * @param requestTimeout how long a health check or a virtual request proxied to a container may
   *     wait for its answer before it counts as no answer; default 2 s
   * @param labels extra labels on every container (insertion-ordered, immutable)
   */
  public ContainerOptions {
    positive("startupTimeout", startupTimeout);
    Require.notNegative("stopTimeout", stopTimeout);
    positive("requestTimeout", requestTimeout);
    Require.notNull("labels", labels);
    for (Map.Entry<String, String> e : labels.entrySet()) {
      Require.name("labels.key", e.getKey());
      Require.notNull("labels.value", e.getValue());
      if (e.getKey().startsWith("io.github.cloudtwin.")) {
        throw new ValidationException(
            "labels.key",
            e.getKey(),
            "a key outside io.github.cloudtwin.* (reserved for the runtime's own labels)");
      }
    }
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  private static void positive(String field, Duration d) {
    Require.notNull(field, d);
    if (d.isNegative() || d.isZero())
      throw new ValidationException(field, d, "a positive duration");
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from these options} */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .startupTimeout(startupTimeout)
            .stopTimeout(stopTimeout)
            .requestTimeout(requestTimeout);
    b.labels.putAll(labels);
    return b;
  }

  /** Builds {@link ContainerOptions}. Not thread-safe. */
  public static final class Builder {
    private Duration startupTimeout = Duration.ofSeconds(60);
    private Duration stopTimeout = Duration.ofSeconds(2);
    private Duration requestTimeout = Duration.ofSeconds(2);
    private final Map<String, String> labels = new LinkedHashMap<>();

    private Builder() {}

    /**
     * How long one container may take to start.
     *
     * @param startupTimeout how long one container may take to start
     * @return this builder
     */
    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = startupTimeout;
      return this;
    }

    /**
     * The grace between SIGTERM and SIGKILL.
     *
     * @param stopTimeout the grace between SIGTERM and SIGKILL
     * @return this builder
     */
    public Builder stopTimeout(Duration stopTimeout) {
      this.stopTimeout = stopTimeout;
      return this;
    }

    /**
     * How long a health check or request to a container may wait.
     *
     * @param requestTimeout how long a health check or request to a container may wait
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * Adds a label to every container.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    /** {@return the options; throws a ValidationException naming the first invalid field} */
    public ContainerOptions build() {
      return new ContainerOptions(startupTimeout, stopTimeout, requestTimeout, labels);
    }
  }
}

package io.github.cloudtwin;

import io.github.cloudtwin.appautoscaling.ApplicationAutoScaling;
import io.github.cloudtwin.autoscaling.AutoScaling;
import io.github.cloudtwin.autoscaling.LoadBalancerTargets;
import io.github.cloudtwin.cloudwatch.CloudWatch;
import io.github.cloudtwin.ec2.AvailabilityZone;
import io.github.cloudtwin.ec2.Ec2;
import io.github.cloudtwin.ecs.Ecs;
import io.github.cloudtwin.elb.LoadBalancing;
import io.github.cloudtwin.faults.Faults;
import io.github.cloudtwin.internal.Wiring;
import io.github.cloudtwin.internal.kernel.Kernel;
import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.internal.kernel.VirtualClock;
import io.github.cloudtwin.kernel.Arns;
import io.github.cloudtwin.kernel.Timeline;
import io.github.cloudtwin.kernel.TwinClosedException;
import io.github.cloudtwin.kernel.ValidationException;
import io.github.cloudtwin.spi.Simulation;
import io.github.cloudtwin.spi.TaskRuntimeSlot;
import io.github.cloudtwin.traffic.Traffic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An in-process, deterministic twin of the AWS elasticity machinery: the one entry point.
 *
 * <pre>{@code
 * try (CloudTwin twin = CloudTwin.builder().seed(42).build()) {
 *   twin.ec2().runInstance(InstanceSpec.builder().availabilityZone("us-east-1a").build());
 *   twin.advance(Duration.ofMinutes(10));
 *   System.out.println(twin.timeline().text());
 * }
 * }</pre>
 *
 * <p>Virtual time moves only when the test advances it. The same configuration and seed give a
 * byte-identical timeline. Every public method is thread-safe; the simulation itself is
 * single-threaded.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class CloudTwin implements AutoCloseable {

  /** The default start instant of virtual time. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final TwinConfig config;
  private final Kernel kernel;
  private final CloudWatch cloudWatch;
  private final Ec2 ec2;
  private final Faults faults;
  private final AutoScaling autoScaling;
  private final LoadBalancing loadBalancing;
  private final Traffic traffic;
  private final Ecs ecs;
  private final ApplicationAutoScaling applicationAutoScaling;
  private final TwinResources resources;
  private final TaskRuntimeSlot taskRuntimeSlot;

  private CloudTwin(
      TwinConfig config, @Nullable Function<String, LoadBalancerTargets> targetGroups) {
    this.config = config;
    this.kernel = new Kernel(config.start(), config.seed(), config.arns());
    this.resources = new TwinResources(kernel);
    Wiring wiring = new Wiring();
    this.cloudWatch = ServiceAssembly.create(CloudWatch.class, kernel, wiring);
    this.ec2 =
        ServiceAssembly.create(Ec2.class, kernel, cloudWatch, config.availabilityZones(), wiring);
    this.faults = ServiceAssembly.create(Faults.class, kernel, ec2, cloudWatch, wiring);
    this.autoScaling = ServiceAssembly.create(AutoScaling.class, kernel, ec2, cloudWatch, wiring);
    this.loadBalancing =
        ServiceAssembly.create(LoadBalancing.class, kernel, ec2, cloudWatch, wiring);
    this.traffic = ServiceAssembly.create(Traffic.class, kernel, ec2, loadBalancing, wiring);
    closeOnClose(loadBalancing);
    ServiceWiring.connect(wiring, loadBalancing, targetGroups);
    ServiceWiring.connectInjectionTargets(wiring);
    ServiceWiring.connect(wiring, kernel, loadBalancing);
    this.ecs =
        ServiceAssembly.create(
            Ecs.class, kernel, ec2, cloudWatch, config.region(), autoScaling, wiring);
    ServiceWiring.connect(ecs, wiring.loadBalancerTraffic());
    this.taskRuntimeSlot = wiring.taskRuntimeSlot();
    this.applicationAutoScaling =
        ServiceAssembly.create(
            ApplicationAutoScaling.class, kernel, cloudWatch, ecs, config.region());
  }

  /**
   * {@return a builder with the defaults: us-east-1, zones a, b and c, seed 0, start
   * 2026-01-01T00:00Z}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a twin with every default} */
  public static CloudTwin create() {
    return builder().build();
  }

  /** {@return the configuration this twin was built with} */
  public TwinConfig config() {
    return config;
  }

  /** {@return the region code} */
  public String region() {
    return config.region();
  }

  /** {@return the 12-digit account id in every ARN of this twin} */
  public String accountId() {
    return config.accountId();
  }

  /** {@return the one home of this twin's ARNs (its region and account)} */
  public Arns arns() {
    return kernel.arns();
  }

  /** {@return the zones, in name order} */
  public List<AvailabilityZone> availabilityZones() {
    return config.availabilityZones();
  }

  /** {@return the seed of every random choice the twin makes} */
  public long seed() {
    return config.seed();
  }

  /** {@return a {@link Clock} that reads virtual time: give it to the code under test} */
  public Clock clock() {
    return kernel.clock().asClock();
  }

  /** {@return the current virtual instant} */
  public Instant now() {
    return kernel.clock().now();
  }

  /** {@return virtual time elapsed since the start} */
  public Duration elapsed() {
    return kernel.clock().elapsed();
  }

  /**
   * Advances virtual time by {@code duration}, running everything that happens on the way.
   *
   * @param duration advances virtual time by {@code duration}, running everything that happens on
   *     the way
   * @return this cloud twin
   */
  public CloudTwin advance(Duration duration) {
    kernel.advance(duration);
    return this;
  }

  /**
   * Advances virtual time to {@code instant}; refuses to move backwards, naming both instants.
   *
   * @param instant advances virtual time to {@code instant}; refuses to move backwards, naming both
   *     instants
   * @return this cloud twin
   */
  public CloudTwin advanceTo(Instant instant) {
    kernel.advanceTo(instant);
    return this;
  }

  /**
   * Advances virtual time to {@code offset} after the twin's start (as {@code elapsed()} reads);
   * refuses to move backwards.
   *
   * @param offset the offset from the twin's start to stop at
   * @return this twin
   */
  public CloudTwin advanceTo(Duration offset) {
    Require.notNull("offset", offset);
    Instant start = kernel.clock().start();
    if (offset.compareTo(Duration.between(start, VirtualClock.LATEST)) > 0) {
      throw new ValidationException(
          "offset", offset, "an offset that stays at or before " + VirtualClock.LATEST);
    }
    kernel.advanceTo(start.plus(offset));
    return this;
  }

  /**
   * Advances until {@code condition} holds or {@code limit} has passed.
   *
   * @param condition the condition
   * @param limit the limit
   * @return whether the condition held; the clock stands where it first held, or at the limit
   */
  public boolean advanceUntil(BooleanSupplier condition, Duration limit) {
    return kernel.advanceUntil(condition, limit);
  }

  /** {@return every state change so far, with virtual times and causes} */
  public Timeline timeline() {
    return kernel.timeline();
  }

  /** {@return CloudWatch: metrics and alarms} */
  public CloudWatch cloudWatch() {
    return cloudWatch;
  }

  /** {@return EC2: zones and instances} */
  public Ec2 ec2() {
    return ec2;
  }

  /** {@return EC2 Auto Scaling: groups, scaling policies, activities} */
  public AutoScaling autoScaling() {
    return autoScaling;
  }

  /**
   * {@return elastic Load Balancing: load balancers, target groups, health checks, routing, HTTP
   * listeners}
   */
  public LoadBalancing loadBalancing() {
    return loadBalancing;
  }

  /** {@return offered traffic: workloads on load balancers and the load-to-CPU cost model} */
  public Traffic traffic() {
    return traffic;
  }

  /** {@return ECS: clusters, task definitions, tasks, services, capacity providers} */
  public Ecs ecs() {
    return ecs;
  }

  /** {@return application Auto Scaling: service auto scaling for ECS} */
  public ApplicationAutoScaling applicationAutoScaling() {
    return applicationAutoScaling;
  }

  /** {@return fault injection: zone outages, crashes, metric gaps} */
  public Faults faults() {
    return faults;
  }

  /**
   * {@return resilience experiments: run FIS-style experiments on this twin's clock, with verdicts}
   */
  public io.github.cloudtwin.experiments.Experiments experiments() {
    return new io.github.cloudtwin.experiments.Experiments(this);
  }

  /**
   * {@return advice on the configuration as it stands: findings about scaling policies, capacity,
   * health checks, alarms and ECS deployments that will fail when their situation arrives, each
   * with the AWS documentation page and the fix; reads only}
   */
  public io.github.cloudtwin.advice.Advice advice() {
    return io.github.cloudtwin.advice.Advice.of(this);
  }

  /**
   * {@return this twin's simulation as extensions see it (SPI: its lock and virtual-clock
   * scheduler, for task runtimes, importers and await helpers); tests rarely need it}
   */
  public Simulation simulation() {
    return kernel;
  }

  /**
   * {@return where this twin's ECS takes the runtime its tasks run on (SPI, for task runtime
   * extensions such as the Testcontainers module's); tests read the runtime in use with {@code
   * ecs().taskRuntime()}}
   */
  public TaskRuntimeSlot taskRuntimeSlot() {
    return taskRuntimeSlot;
  }

  /**
   * Closes {@code resource} when the twin closes (listeners, threads, containers). On a closed
   * twin, closes {@code resource} at once and throws {@link TwinClosedException}: nothing the twin
   * owns outlives it.
   *
   * @param resource the resource
   */
  public void closeOnClose(AutoCloseable resource) {
    resources.closeOnClose(resource);
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return kernel.isClosed();
  }

  /**
   * Stops everything the twin started (HTTP listeners, drivers, containers); idempotent. From then
   * on every command and every read of live state throws {@link TwinClosedException}; the timeline,
   * the configuration and the clock stay readable.
   */
  @Override
  public void close() {
    resources.close();
  }

  @Override
  public String toString() {
    return "CloudTwin["
        + config.region()
        + ", zones "
        + config.zoneNames()
        + ", seed "
        + config.seed()
        + ", at "
        + now()
        + "]";
  }

  /** Builds {@link CloudTwin}s. Not thread-safe. */
  public static final class Builder {
    private String region = "us-east-1";
    private @Nullable Integer zoneCount;
    private @Nullable List<String> zoneNames;
    private long seed;
    private Instant start = DEFAULT_START;
    private String accountId = Arns.DEFAULT_ACCOUNT_ID;
    private @Nullable Function<String, LoadBalancerTargets> targetGroups;

    private Builder() {}

    /**
     * The account id in every ARN, default {@value Arns#DEFAULT_ACCOUNT_ID}; 12 digits.
     *
     * @param accountId the 12-digit account id
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /**
     * Replaces the target groups EC2 Auto Scaling registers its instances with (a test seam, for a
     * fake target group): a group's {@code TargetGroupARNs} and {@code
     * AttachLoadBalancerTargetGroups} resolve each name through {@code resolver}, which returns
     * null for a name it does not know (refused as AWS refuses an unknown target group). By default
     * they resolve to the twin's own Elastic Load Balancing target groups.
     *
     * @param resolver target group name to its targets, or null for an unknown name
     * @return this builder
     */
    public Builder targetGroups(Function<String, LoadBalancerTargets> resolver) {
      this.targetGroups = Require.notNull("targetGroups", resolver);
      return this;
    }

    /**
     * The region, default {@code us-east-1}.
     *
     * @param region the region, default {@code us-east-1}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Use the region's first {@code count} zones (default 3).
     *
     * @param count use the region's first {@code count} zones (default 3)
     * @return this builder
     */
    public Builder availabilityZones(int count) {
      this.zoneCount = count;
      this.zoneNames = null;
      return this;
    }

    /**
     * Use exactly these zones of the region, by name (such as {@code us-east-1a}).
     *
     * @param names use exactly these zones of the region, by name (such as {@code us-east-1a})
     * @return this builder
     */
    public Builder availabilityZones(String... names) {
      Require.notNull("availabilityZones", names);
      this.zoneNames = java.util.Arrays.asList(names.clone()); // nulls rejected by build()
      this.zoneCount = null;
      return this;
    }

    /**
     * The seed of every random choice (default 0).
     *
     * @param seed the seed of every random choice (default 0)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The instant virtual time starts at (default 2026-01-01T00:00:00Z).
     *
     * @param start the instant virtual time starts at (default 2026-01-01T00:00:00Z)
     * @return this builder
     */
    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    /** {@return the twin; throws a ValidationException naming the first invalid setting} */
    public CloudTwin build() {
      return new CloudTwin(config(), targetGroups);
    }

    /** {@return the validated configuration, without building a twin} */
    public TwinConfig config() {
      VirtualClock.requireInRange("startInstant", start);
      Arns.accountId(accountId);
      return new TwinConfig(
          region, ZoneSelection.choose(region, zoneCount, zoneNames), seed, start, accountId);
    }
  }
}

package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.internal.kernel.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension that gives each test a {@link CloudTwin}: created before each test
 * (or once per class), injected into parameters and {@link FromTwin} fields, closed by JUnit, and
 * explained when the test fails (the timeline is printed and published as a report entry; an HTML
 * report is written under {@code target/cloudtwin-reports}).
 *
 * <p>Declarative: {@link CloudTwinTest @CloudTwinTest}. Programmatic:
 *
 * <pre>{@code
 * @RegisterExtension
 * static CloudTwinExtension twin = CloudTwinExtension.builder().seed(7).availabilityZones(2).build();
 * }</pre>
 *
 * <p>The extension holds no twin itself: each twin lives in the JUnit {@code ExtensionContext}
 * store of its test (or class), so test classes may run in parallel. Instances are immutable and
 * thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class CloudTwinExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** The builder's settings of a {@code @RegisterExtension} extension; null when declarative. */
  private final @Nullable TwinSettings programmatic;

  /** The declarative form, used by {@link CloudTwinTest}; settings come from the annotation. */
  public CloudTwinExtension() {
    this.programmatic = null;
  }

  private CloudTwinExtension(TwinSettings settings) {
    this.programmatic = settings;
  }

  /** {@return a builder for programmatic registration with {@code @RegisterExtension}} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The twin of the running test (or, before and after the tests, of the class with {@link
   * TwinLifecycle#PER_CLASS}), once this extension has created it: for extensions that build on the
   * twin, such as {@code @CloudFormationStack} of cloudtwin-cloudformation. Register such an
   * extension after this one (annotations are read top to bottom); until then this is empty.
   *
   * @param context the context of the running test or class
   * @return the twin, or empty before this extension has created one
   */
  public static Optional<CloudTwin> currentTwin(ExtensionContext context) {
    Require.notNull("context", context);
    return Optional.ofNullable(TwinStore.current(context)).map(TwinHolder::twin);
  }

  /**
   * What this extension injects into an unannotated parameter of {@code type} in the running test
   * (the very instance a test parameter of that type gets, such as the one {@code AwsSdkClients} of
   * cloudtwin-aws-sdk that the twin's injected SDK clients share), for extensions that build on it.
   * Empty before this extension has created the twin; types that are resources found by name
   * ({@code MetricAlarm}, {@code AutoScalingGroup}, ...) are not offered.
   *
   * @param context the context of the running test or class
   * @param type the injectable type
   * @param <T> the type
   * @return the value, or empty before this extension has created the twin
   * @throws IllegalArgumentException when the type is not injectable without a name
   */
  public static <T> Optional<T> injected(ExtensionContext context, Class<T> type) {
    Require.notNull("context", context);
    Require.notNull("type", type);
    Injectables.Injectable injectable =
        Injectables.find(type)
            .filter(i -> !i.isNamed())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "CloudTwin injects no "
                            + type.getName()
                            + " without a name; injectable types: "
                            + Injectables.supportedTypes()));
    TwinHolder holder = TwinStore.current(context);
    if (holder == null) return Optional.empty();
    TwinReport report = context.getTestMethod().isPresent() ? TwinStore.report(context) : null;
    return Optional.of(
        type.cast(
            Injection.value(
                injectable,
                "",
                new Injectables.Scope(holder.twin(), report, holder.providerState()))));
  }

  // ------------------------------------------------------------------ callbacks

  @Override
  public void beforeAll(ExtensionContext context) {
    TwinSettings settings = settings(context);
    if (settings.lifecycle() == TwinLifecycle.PER_CLASS) {
      TwinStore.classTwin(context, settings);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TwinSettings settings = settings(context);
    if (settings.lifecycle() == TwinLifecycle.PER_CLASS) {
      SharedTwinGuard.enter(TwinStore.topClassContext(context), context);
    }
    TwinHolder holder = TwinStore.holder(context, settings);
    Injectables.Scope scope =
        new Injectables.Scope(holder.twin(), TwinStore.report(context), holder.providerState());
    ClassPlan plan = ClassPlan.of(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      FieldInjection.inject(instance, scope, plan);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TwinSettings settings = settings(context);
    try {
      TwinHolder holder = TwinStore.existing(context, settings);
      if (holder == null) {
        return;
      }
      TwinReport report = TwinStore.report(context);
      FailureReporting.afterTest(
          context, holder.twin(), settings.report(), report.forced(), report.sources());
    } finally {
      if (settings.lifecycle() == TwinLifecycle.PER_CLASS) SharedTwinGuard.leave(context);
    }
  }

  // ------------------------------------------------------------------ parameters

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return ParameterInjection.supports(parameter);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return ParameterInjection.resolve(parameter, context, settings(context));
  }

  private TwinSettings settings(ExtensionContext context) {
    return RegistrationSettings.of(context, programmatic);
  }

  /** Builds a programmatic {@link CloudTwinExtension}. Not thread-safe. */
  public static final class Builder {
    private long seed;
    private String region = "us-east-1";
    private int availabilityZones = 3;
    private Instant start = CloudTwin.DEFAULT_START;
    private TwinLifecycle lifecycle = TwinLifecycle.PER_METHOD;
    private ReportMode report = ReportMode.ON_FAILURE;
    private final List<Consumer<CloudTwin.Builder>> configurers = new ArrayList<>();
    private final List<Consumer<CloudTwin>> setups = new ArrayList<>();

    private Builder() {}

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
     * The region (default us-east-1).
     *
     * @param region the region (default us-east-1)
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * How many of the region's zones (default 3).
     *
     * @param count how many of the region's zones (default 3)
     * @return this builder
     */
    public Builder availabilityZones(int count) {
      this.availabilityZones = count;
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

    /**
     * A twin per test method (default) or per class.
     *
     * @param lifecycle a twin per test method (default) or per class
     * @return this builder
     */
    public Builder lifecycle(TwinLifecycle lifecycle) {
      this.lifecycle = Require.notNull("lifecycle", lifecycle);
      return this;
    }

    /**
     * When the HTML report is written (default on failure).
     *
     * @param report when the HTML report is written (default on failure)
     * @return this builder
     */
    public Builder report(ReportMode report) {
      this.report = Require.notNull("report", report);
      return this;
    }

    /**
     * Configures each twin's builder after the settings above, before it is built.
     *
     * @param configurer the configurer
     * @return this builder
     */
    public Builder configure(Consumer<CloudTwin.Builder> configurer) {
      configurers.add(Require.notNull("configurer", configurer));
      return this;
    }

    /**
     * Runs on each twin right after it is built, to create resources every test starts with.
     *
     * @param setup the setup
     * @return this builder
     */
    public Builder setup(Consumer<CloudTwin> setup) {
      setups.add(Require.notNull("setup", setup));
      return this;
    }

    /**
     * {@return the extension; throws a ValidationException for an invalid region, zone count or
     * start}
     */
    public CloudTwinExtension build() {
      TwinSettings s =
          new TwinSettings(
              "CloudTwinExtension.builder()",
              seed,
              region,
              availabilityZones,
              start,
              lifecycle,
              report,
              configurers,
              setups);
      s.builder()
          .config(); // validates now, at registration: a ValidationException names the setting
      return new CloudTwinExtension(s);
    }
  }
}

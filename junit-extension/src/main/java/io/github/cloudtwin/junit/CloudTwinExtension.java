package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.internal.kernel.Require;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

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

  private static final Namespace NAMESPACE = Namespace.create(CloudTwinExtension.class);
  private static final String METHOD_TWIN = "method-twin";
  private static final String CLASS_TWIN = "class-twin";
  private static final String REPORT = "report";

  private final TwinSettings programmatic;

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
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    TwinHolder holder = store.get(METHOD_TWIN, TwinHolder.class);
    if (holder == null) holder = store.get(CLASS_TWIN, TwinHolder.class);
    return Optional.ofNullable(holder).map(TwinHolder::twin);
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
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    TwinHolder holder = store.get(METHOD_TWIN, TwinHolder.class);
    if (holder == null) holder = store.get(CLASS_TWIN, TwinHolder.class);
    if (holder == null) return Optional.empty();
    TwinReport report = context.getTestMethod().isPresent() ? report(context) : null;
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
      classTwin(context, settings);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TwinSettings settings = settings(context);
    if (settings.lifecycle() == TwinLifecycle.PER_CLASS) {
      SharedTwinGuard.enter(topClassContext(context), context);
    }
    TwinHolder holder = holder(context, settings);
    Injectables.Scope scope =
        new Injectables.Scope(holder.twin(), report(context), holder.providerState());
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      FieldInjection.inject(instance, scope);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TwinSettings settings = settings(context);
    try {
      TwinHolder holder = existingHolder(context, settings);
      if (holder == null) {
        return;
      }
      TwinReport report = report(context);
      FailureReporting.afterTest(
          context, holder.twin(), settings.report(), report.forced(), report.sources());
    } finally {
      SharedTwinGuard.leave(context);
    }
  }

  // ------------------------------------------------------------------ parameters

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.isAnnotated(FromTwin.class)) {
      return true;
    }
    for (java.lang.annotation.Annotation a : parameter.getParameter().getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(ResolvedElsewhere.class)) return false;
    }
    return Injectables.find(parameter.getParameter().getType()).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Executable executable = parameter.getDeclaringExecutable();
    String where = where(parameter);
    Injectables.Injectable injectable =
        Injectables.find(type)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "CloudTwin cannot inject "
                            + where
                            + ": it has no "
                            + type.getName()
                            + ". @FromTwin parameters and fields can be of these types: "
                            + Injectables.supportedTypes()
                            + "."));
    TwinSettings settings = settings(context);
    if (settings.lifecycle() == TwinLifecycle.PER_METHOD) {
      if (executable instanceof Constructor<?>) {
        throw new ParameterResolutionException(
            "CloudTwin cannot inject "
                + where
                + ": with TwinLifecycle.PER_METHOD a fresh twin is"
                + " created for each test, after the test instance is constructed. Take it as a"
                + " parameter of the test or of a @BeforeEach method, or declare a @FromTwin field;"
                + " or use @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS) for one twin per class.");
      }
      if (context.getTestMethod().isEmpty()) {
        throw new ParameterResolutionException(
            "CloudTwin cannot inject "
                + where
                + ": with TwinLifecycle.PER_METHOD there is no twin"
                + " outside a test. Take it in a @BeforeEach method instead of a @BeforeAll/@AfterAll"
                + " method, or use @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS).");
      }
    }
    TwinHolder holder = holder(context, settings);
    Injectables.Scope scope =
        new Injectables.Scope(
            holder.twin(),
            context.getTestMethod().isPresent() ? report(context) : null,
            holder.providerState());
    String name = parameter.findAnnotation(FromTwin.class).map(FromTwin::value).orElse("");
    try {
      return Injection.value(injectable, name, scope);
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(
          "CloudTwin cannot inject " + where + ": " + e.getMessage());
    }
  }

  private static String where(ParameterContext p) {
    Executable e = p.getDeclaringExecutable();
    String owner = e.getDeclaringClass().getSimpleName();
    String exec =
        e instanceof Constructor<?>
            ? "the constructor of " + owner
            : owner + "." + e.getName() + "(..)";
    return "parameter "
        + p.getIndex()
        + " ("
        + p.getParameter().getType().getSimpleName()
        + ") of "
        + exec;
  }

  // ------------------------------------------------------------------ twins in the store

  private TwinHolder holder(ExtensionContext context, TwinSettings settings) {
    if (settings.lifecycle() == TwinLifecycle.PER_CLASS) {
      return classTwin(context, settings);
    }
    Method method = context.getRequiredTestMethod();
    return ExtensionStores.getOrCompute(
        context.getStore(NAMESPACE),
        METHOD_TWIN,
        k ->
            new TwinHolder(
                TwinFactory.create(settings, classes(context), method, instances(context))),
        TwinHolder.class);
  }

  private TwinHolder existingHolder(ExtensionContext context, TwinSettings settings) {
    String key = settings.lifecycle() == TwinLifecycle.PER_CLASS ? CLASS_TWIN : METHOD_TWIN;
    return context.getStore(NAMESPACE).get(key, TwinHolder.class);
  }

  private TwinHolder classTwin(ExtensionContext context, TwinSettings settings) {
    ExtensionContext owner = topClassContext(context);
    return ExtensionStores.getOrCompute(
        owner.getStore(NAMESPACE),
        CLASS_TWIN,
        k -> new TwinHolder(TwinFactory.create(settings, classes(owner), null, instances(context))),
        TwinHolder.class);
  }

  private static ExtensionContext topClassContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getParent().isPresent() && c.getParent().get().getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static TwinReport report(ExtensionContext context) {
    return ExtensionStores.getOrCompute(
        context.getStore(NAMESPACE), REPORT, k -> new TwinReport(), TwinReport.class);
  }

  private static List<Class<?>> classes(ExtensionContext context) {
    List<Class<?>> out = new ArrayList<>();
    Class<?> c = context.getRequiredTestClass();
    while (c != null) {
      out.add(c);
      c =
          (c.isMemberClass() && !Modifier.isStatic(c.getModifiers()))
              ? c.getEnclosingClass()
              : null;
    }
    Collections.reverse(out);
    return out;
  }

  private static List<Object> instances(ExtensionContext context) {
    return context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of());
  }

  // ------------------------------------------------------------------ settings

  private TwinSettings settings(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    if (programmatic != null) {
      for (Class<?> c : classes(context)) {
        if (AnnotationSupport.isAnnotated(c, CloudTwinTest.class)) {
          throw doubleRegistration(c);
        }
      }
      return programmatic;
    }
    List<Class<?>> chain = classes(context);
    for (Class<?> c : chain) {
      List<Field> registered =
          ReflectionSupport.findFields(
              c,
              f ->
                  f.isAnnotationPresent(RegisterExtension.class)
                      && CloudTwinExtension.class.isAssignableFrom(f.getType()),
              HierarchyTraversalMode.TOP_DOWN);
      if (!registered.isEmpty()) {
        throw doubleRegistration(c);
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      Optional<CloudTwinTest> a =
          AnnotationSupport.findAnnotation(chain.get(i), CloudTwinTest.class);
      if (a.isPresent()) {
        return TwinSettings.of(a.get(), chain.get(i));
      }
    }
    return TwinSettings.defaults(testClass);
  }

  private static ExtensionConfigurationException doubleRegistration(Class<?> c) {
    return new ExtensionConfigurationException(
        c.getName()
            + " registers CloudTwinExtension twice: with @CloudTwinTest (or"
            + " @ExtendWith(CloudTwinExtension.class)) and with a @RegisterExtension field. Use one:"
            + " the annotation for fixed settings, the field for settings in code.");
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

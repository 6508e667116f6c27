package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Where the extension keeps its twins and reports: in the JUnit store of the test method ({@link
 * TwinLifecycle#PER_METHOD}) or of the top-level test class ({@link TwinLifecycle#PER_CLASS},
 * shared by its {@code @Nested} classes), created on first use and closed by JUnit with that
 * context.
 */
final class TwinStore {

  private static final Namespace NAMESPACE = Namespace.create(CloudTwinExtension.class);
  private static final String METHOD_TWIN = "method-twin";
  private static final String CLASS_TWIN = "class-twin";
  private static final String REPORT = "report";

  private TwinStore() {}

  /** {@return the twin of the running test, else of its class; null before either exists} */
  static @Nullable TwinHolder current(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    TwinHolder holder = store.get(METHOD_TWIN, TwinHolder.class);
    if (holder == null) holder = store.get(CLASS_TWIN, TwinHolder.class);
    return holder;
  }

  /** {@return the twin {@code settings} give the running test or class, created if need be} */
  static TwinHolder holder(ExtensionContext context, TwinSettings settings) {
    if (settings.lifecycle() == TwinLifecycle.PER_CLASS) {
      return classTwin(context, settings);
    }
    Method method = context.getRequiredTestMethod();
    return ExtensionStores.getOrCompute(
        context.getStore(NAMESPACE),
        METHOD_TWIN,
        k -> new TwinHolder(create(settings, ClassPlan.of(context), method, instances(context))),
        TwinHolder.class);
  }

  /** {@return the twin {@code settings} give the running test, or null when none was created} */
  static @Nullable TwinHolder existing(ExtensionContext context, TwinSettings settings) {
    String key = settings.lifecycle() == TwinLifecycle.PER_CLASS ? CLASS_TWIN : METHOD_TWIN;
    return context.getStore(NAMESPACE).get(key, TwinHolder.class);
  }

  /** {@return the one twin of the top-level test class, created if need be} */
  static TwinHolder classTwin(ExtensionContext context, TwinSettings settings) {
    ExtensionContext owner = topClassContext(context);
    return ExtensionStores.getOrCompute(
        owner.getStore(NAMESPACE),
        CLASS_TWIN,
        k -> new TwinHolder(create(settings, ClassPlan.of(owner), null, instances(context))),
        TwinHolder.class);
  }

  private static CloudTwin create(
      TwinSettings settings, ClassPlan plan, @Nullable Method method, List<Object> instances) {
    return TwinFactory.create(
        settings, plan.setupMethods(plan.classes()), plan.classes(), method, instances);
  }

  /** {@return the report of the running test, created if need be} */
  static TwinReport report(ExtensionContext context) {
    return ExtensionStores.getOrCompute(
        context.getStore(NAMESPACE), REPORT, k -> new TwinReport(), TwinReport.class);
  }

  /** {@return the context of the top-level test class that encloses {@code context}} */
  static ExtensionContext topClassContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getParent().isPresent() && c.getParent().get().getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /**
   * {@return the test class and the classes it is an inner class of, outermost first (a static
   * nested class stands alone)}
   */
  static List<Class<?>> classes(ExtensionContext context) {
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
}

package io.github.cloudtwin.junit;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What the extension reads from a test class by reflection, read once per class instead of once per
 * test: the class chain, the settings of each registration, the {@link CloudTwinSetup} methods and
 * the {@link FromTwin} fields. It lives in the JUnit store of the innermost test class's context
 * (closed with it), so it belongs to one class of one run and is shared by that class's tests only.
 * A lookup that fails (a misconfigured class) is not kept: it fails again, with the same message,
 * in every test. Thread-safe: the maps are concurrent and their values immutable.
 */
final class ClassPlan {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClassPlan.class);

  /** The key of the declarative registration's settings (a programmatic one is its own key). */
  private static final Object DECLARATIVE = new Object();

  private final List<Class<?>> classes;
  private final Map<Object, TwinSettings> settings = new ConcurrentHashMap<>();
  private final Map<List<Class<?>>, TwinFactory.SetupMethods> setups = new ConcurrentHashMap<>();
  private final Map<Class<?>, List<Field>> fromTwinFields = new ConcurrentHashMap<>();

  private ClassPlan(List<Class<?>> classes) {
    this.classes = List.copyOf(classes);
  }

  /** {@return the plan of the innermost test class of {@code context}, read on first use} */
  static ClassPlan of(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    ExtensionContext owner = classContext;
    // keyed by the class: a store lookup also sees the enclosing classes' stores (@Nested)
    return ExtensionStores.getOrCompute(
        owner.getStore(NAMESPACE),
        owner.getRequiredTestClass(),
        k -> new ClassPlan(TwinStore.classes(owner)),
        ClassPlan.class);
  }

  /** {@return the test class and the classes it is an inner class of, outermost first} */
  List<Class<?>> classes() {
    return classes;
  }

  /**
   * {@return the settings of the registration {@code programmatic} (null for the declarative one)}
   */
  TwinSettings settings(ExtensionContext context, @Nullable TwinSettings programmatic) {
    return settings.computeIfAbsent(
        programmatic == null ? DECLARATIVE : programmatic,
        k -> RegistrationSettings.read(context, classes, programmatic));
  }

  /** {@return the checked {@link CloudTwinSetup} methods of {@code chain}, outermost first} */
  TwinFactory.SetupMethods setupMethods(List<Class<?>> chain) {
    return setups.computeIfAbsent(chain, TwinFactory::setupMethods);
  }

  /** {@return the {@link FromTwin} fields of {@code type} and its superclasses, top down} */
  List<Field> fromTwinFields(Class<?> type) {
    return fromTwinFields.computeIfAbsent(
        type,
        t ->
            List.copyOf(
                ReflectionSupport.findFields(
                    t,
                    f -> f.isAnnotationPresent(FromTwin.class),
                    HierarchyTraversalMode.TOP_DOWN)));
  }
}

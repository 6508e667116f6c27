package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.spi.ContributesToTwin;
import io.github.cloudtwin.junit.spi.TwinContributor;
import io.github.cloudtwin.kernel.ValidationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Creates one twin: settings, then contributing annotations, then {@link CloudTwinSetup} builder
 * methods; build; then contributors' {@code created}, the programmatic setups, then {@link
 * CloudTwinSetup} twin methods.
 */
final class TwinFactory {

  private TwinFactory() {}

  /**
   * Builds the twin for a test from its settings and the contributions found on its classes.
   *
   * @param settings the settings
   * @param setups the {@link CloudTwinSetup} methods of {@code classes}
   * @param classes the test class and its enclosing classes, outermost first
   * @param method the test method, or null for a per-class twin
   * @param instances the test instances available, outermost first (may be empty)
   */
  static CloudTwin create(
      TwinSettings settings,
      SetupMethods setups,
      List<Class<?>> classes,
      @Nullable Method method,
      List<Object> instances) {
    List<AnnotatedElement> elements = new ArrayList<>(classes);
    if (method != null) elements.add(method);
    List<Contribution> contributions = contributions(elements);
    CloudTwin.Builder builder = settings.builder();
    settings.configurers().forEach(c -> c.accept(builder));
    for (Contribution c : contributions) c.configure(builder);
    for (Method m : setups.builderSetups()) invoke(m, instances, builder, settings);
    CloudTwin twin;
    try {
      twin = builder.build();
    } catch (ValidationException e) {
      throw new ExtensionConfigurationException(settings.origin() + ": " + e.getMessage(), e);
    }
    try {
      for (Contribution c : contributions) c.created(twin);
      settings.setups().forEach(s -> s.accept(twin));
      for (Method m : setups.twinSetups()) invoke(m, instances, twin, settings);
    } catch (RuntimeException | Error e) {
      try {
        twin.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return twin;
  }

  /** The {@link CloudTwinSetup} methods of a class chain, by what they take, outermost first. */
  record SetupMethods(List<Method> builderSetups, List<Method> twinSetups) {

    SetupMethods {
      builderSetups = List.copyOf(builderSetups);
      twinSetups = List.copyOf(twinSetups);
    }
  }

  /**
   * {@return the {@link CloudTwinSetup} methods of {@code classes}; throws when one takes neither a
   * builder nor a twin}
   */
  static SetupMethods setupMethods(List<Class<?>> classes) {
    List<Method> builderSetups = new ArrayList<>();
    List<Method> twinSetups = new ArrayList<>();
    for (Class<?> c : classes) {
      for (Method m :
          ReflectionSupport.findMethods(
              c,
              m -> m.isAnnotationPresent(CloudTwinSetup.class),
              HierarchyTraversalMode.TOP_DOWN)) {
        if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == CloudTwin.Builder.class) {
          builderSetups.add(m);
        } else if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == CloudTwin.class) {
          twinSetups.add(m);
        } else {
          throw new ExtensionConfigurationException(
              "@CloudTwinSetup method "
                  + describe(m)
                  + " must take exactly one parameter: CloudTwin.Builder"
                  + " (to configure the twin before it is built) or CloudTwin (to create resources"
                  + " once it is built).");
        }
      }
    }
    return new SetupMethods(builderSetups, twinSetups);
  }

  private static void invoke(Method m, List<Object> instances, Object arg, TwinSettings settings) {
    Object target = null;
    if (!Modifier.isStatic(m.getModifiers())) {
      target =
          instances.stream()
              .filter(i -> m.getDeclaringClass().isInstance(i))
              .reduce((a, b) -> b)
              .orElse(null);
      if (target == null) {
        throw new ExtensionConfigurationException(
            "@CloudTwinSetup method "
                + describe(m)
                + " needs a test instance, but the twin is created"
                + " before there is one ("
                + settings.lifecycle()
                + "). Make the method static, or"
                + " annotate the class with @TestInstance(TestInstance.Lifecycle.PER_CLASS).");
      }
    }
    ReflectionSupport.invokeMethod(m, target, arg);
  }

  static String describe(Method m) {
    return m.getDeclaringClass().getSimpleName()
        + "."
        + m.getName()
        + "("
        + String.join(
            ", ", java.util.Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList())
        + ")";
  }

  /**
   * Contributing annotations; of each annotation type only the nearest (method, inner class)
   * counts.
   */
  private static List<Contribution> contributions(List<AnnotatedElement> elements) {
    Map<Class<? extends Annotation>, Annotation> nearest = new LinkedHashMap<>();
    for (AnnotatedElement e : elements) {
      for (Annotation a : e.getAnnotations()) {
        if (a.annotationType().isAnnotationPresent(ContributesToTwin.class)) {
          nearest.put(a.annotationType(), a);
        }
      }
    }
    List<Contribution> out = new ArrayList<>();
    for (Annotation a : nearest.values()) {
      ContributesToTwin meta = a.annotationType().getAnnotation(ContributesToTwin.class);
      @SuppressWarnings(
          "unchecked") // the meta-annotation pairs the contributor with this annotation type
      TwinContributor<Annotation> contributor = ReflectionSupport.newInstance(meta.value());
      out.add(new Contribution(a, contributor));
    }
    return out;
  }

  /** One annotation with its contributor. */
  private record Contribution(Annotation annotation, TwinContributor<Annotation> contributor) {

    void configure(CloudTwin.Builder b) {
      contributor.configure(annotation, b);
    }

    void created(CloudTwin twin) {
      contributor.created(annotation, twin);
    }
  }
}

package io.github.cloudtwin.junit;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The settings a test runs with, from the one way the extension was registered: the builder of a
 * {@code @RegisterExtension} field, else the innermost {@link CloudTwinTest @CloudTwinTest} of the
 * test class and the classes enclosing it, else the defaults. Registering both ways is refused.
 */
final class RegistrationSettings {

  private RegistrationSettings() {}

  /**
   * {@return the settings of the running test, read once per test class ({@link ClassPlan})}
   *
   * @param programmatic the builder's settings of a {@code @RegisterExtension} extension, or null
   *     for the declarative one
   */
  static TwinSettings of(ExtensionContext context, @Nullable TwinSettings programmatic) {
    return ClassPlan.of(context).settings(context, programmatic);
  }

  /**
   * {@return the settings of the test class whose class chain is {@code chain}, read by reflection}
   *
   * @param programmatic the builder's settings of a {@code @RegisterExtension} extension, or null
   *     for the declarative one
   */
  static TwinSettings read(
      ExtensionContext context, List<Class<?>> chain, @Nullable TwinSettings programmatic) {
    if (programmatic != null) {
      for (Class<?> c : chain) {
        if (AnnotationSupport.isAnnotated(c, CloudTwinTest.class)) {
          throw doubleRegistration(c);
        }
      }
      return programmatic;
    }
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
    return TwinSettings.defaults(context.getRequiredTestClass());
  }

  private static ExtensionConfigurationException doubleRegistration(Class<?> c) {
    return new ExtensionConfigurationException(
        c.getName()
            + " registers CloudTwinExtension twice: with @CloudTwinTest (or"
            + " @ExtendWith(CloudTwinExtension.class)) and with a @RegisterExtension field. Use one:"
            + " the annotation for fixed settings, the field for settings in code.");
  }
}

package io.github.cloudtwin.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Sets the {@link FromTwin} fields of one test instance (found once per class: {@link ClassPlan}).
 */
final class FieldInjection {

  private FieldInjection() {}

  static void inject(Object instance, Injectables.Scope scope, ClassPlan plan) {
    for (Field f : plan.fromTwinFields(instance.getClass())) {
      String where = "field " + f.getDeclaringClass().getSimpleName() + "." + f.getName();
      if (Modifier.isStatic(f.getModifiers())) {
        throw new ExtensionConfigurationException(
            "CloudTwin cannot inject static "
                + where
                + ": a twin belongs to one test (or class) and"
                + " test classes may run in parallel. Make it an instance field.");
      }
      if (Modifier.isFinal(f.getModifiers())) {
        throw new ExtensionConfigurationException(
            "CloudTwin cannot inject final " + where + ": remove 'final'.");
      }
      Injectables.Injectable injectable =
          Injectables.find(f.getType())
              .orElseThrow(
                  () ->
                      new ExtensionConfigurationException(
                          "CloudTwin cannot inject "
                              + where
                              + ": it has no "
                              + f.getType().getName()
                              + ". @FromTwin parameters and fields can be of these types: "
                              + Injectables.supportedTypes()
                              + "."));
      Object value;
      try {
        value = Injection.value(injectable, f.getAnnotation(FromTwin.class).value(), scope);
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(
            "CloudTwin cannot inject " + where + ": " + e.getMessage());
      }
      try {
        f.setAccessible(true);
        f.set(instance, value);
      } catch (IllegalAccessException | RuntimeException e) {
        throw new ExtensionConfigurationException("CloudTwin could not set " + where + ": " + e, e);
      }
    }
  }
}

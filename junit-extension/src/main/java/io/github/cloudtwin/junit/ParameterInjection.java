package io.github.cloudtwin.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Which parameters the extension resolves (those of an {@link Injectables injectable} type, and
 * every {@link FromTwin} one, which then fails with a message if its type is not injectable) and
 * the value each gets; a parameter where no twin can exist yet fails saying where to take it
 * instead.
 */
final class ParameterInjection {

  private ParameterInjection() {}

  /** {@return whether the extension resolves {@code parameter}} */
  static boolean supports(ParameterContext parameter) {
    if (parameter.isAnnotated(FromTwin.class)) {
      return true;
    }
    for (java.lang.annotation.Annotation a : parameter.getParameter().getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(ResolvedElsewhere.class)) return false;
    }
    return Injectables.find(parameter.getParameter().getType()).isPresent();
  }

  /** {@return the value of {@code parameter} from the twin {@code settings} give the context} */
  static Object resolve(
      ParameterContext parameter, ExtensionContext context, TwinSettings settings) {
    Class<?> type = parameter.getParameter().getType();
    Executable executable = parameter.getDeclaringExecutable();
    Injectables.Injectable injectable =
        Injectables.find(type)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "CloudTwin cannot inject "
                            + where(parameter)
                            + ": it has no "
                            + type.getName()
                            + ". @FromTwin parameters and fields can be of these types: "
                            + Injectables.supportedTypes()
                            + "."));
    if (settings.lifecycle() == TwinLifecycle.PER_METHOD) {
      if (executable instanceof Constructor<?>) {
        throw new ParameterResolutionException(
            "CloudTwin cannot inject "
                + where(parameter)
                + ": with TwinLifecycle.PER_METHOD a fresh twin is"
                + " created for each test, after the test instance is constructed. Take it as a"
                + " parameter of the test or of a @BeforeEach method, or declare a @FromTwin field;"
                + " or use @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS) for one twin per class.");
      }
      if (context.getTestMethod().isEmpty()) {
        throw new ParameterResolutionException(
            "CloudTwin cannot inject "
                + where(parameter)
                + ": with TwinLifecycle.PER_METHOD there is no twin"
                + " outside a test. Take it in a @BeforeEach method instead of a @BeforeAll/@AfterAll"
                + " method, or use @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS).");
      }
    }
    TwinHolder holder = TwinStore.holder(context, settings);
    Injectables.Scope scope =
        new Injectables.Scope(
            holder.twin(),
            context.getTestMethod().isPresent() ? TwinStore.report(context) : null,
            holder.providerState());
    String name = parameter.findAnnotation(FromTwin.class).map(FromTwin::value).orElse("");
    try {
      return Injection.value(injectable, name, scope);
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(
          "CloudTwin cannot inject " + where(parameter) + ": " + e.getMessage());
    }
  }

  /** {@return "parameter 0 (Type) of Owner.method(..)", or "of the constructor of Owner"} */
  static String where(ParameterContext p) {
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
}

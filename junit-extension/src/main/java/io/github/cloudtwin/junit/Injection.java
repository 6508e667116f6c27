package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reads one injectable value, checking names; throws IllegalArgumentException with advice. */
final class Injection {

  private Injection() {}

  static Object value(Injectables.Injectable injectable, String name, Injectables.Scope scope) {
    String type = injectable.type().getSimpleName();
    BiFunction<CloudTwin, String, Optional<?>> byName = injectable.byName();
    if (byName != null) {
      Function<CloudTwin, List<String>> allNames =
          Objects.requireNonNull(injectable.names(), "a named injectable lists its names");
      if (name.isEmpty() && injectable.soleByType()) {
        List<String> names = allNames.apply(scope.twin());
        if (names.size() == 1) return byName.apply(scope.twin(), names.get(0)).orElseThrow();
        throw new IllegalArgumentException(
            names.isEmpty()
                ? "the twin has no "
                    + injectable.noun()
                    + " to inject as "
                    + type
                    + ". Create one before the"
                    + " test runs (@EcsCluster or a @CloudTwinSetup method taking CloudTwin)."
                : "the twin has "
                    + names.size()
                    + " "
                    + injectable.noun()
                    + "s "
                    + names
                    + "; say which with"
                    + " @FromTwin(\"its-name\") "
                    + type
                    + ".");
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "a " + type + " is found by name; write @FromTwin(\"its-name\") " + type + ".");
      }
      return byName
          .apply(scope.twin(), name)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "the twin has no "
                          + injectable.noun()
                          + " named \""
                          + name
                          + "\" (it has "
                          + allNames.apply(scope.twin())
                          + "). Create it before the test"
                          + " runs, in a @CloudTwinSetup method taking CloudTwin, or fix the name."));
    }
    if (!name.isEmpty()) {
      throw new IllegalArgumentException(
          "@FromTwin(\""
              + name
              + "\") names a resource, but there is one "
              + type
              + " per twin; write @FromTwin without a name.");
    }
    if (scope.report() == null && injectable.type() == TwinReport.class) {
      throw new IllegalArgumentException(
          "a TwinReport belongs to one test; take it in the test or a @BeforeEach method.");
    }
    return Objects.requireNonNull(injectable.unnamed(), "an injectable without names reads itself")
        .apply(scope);
  }
}

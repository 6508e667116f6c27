package io.github.cloudtwin.junit;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Fails fast when JUnit runs two test methods at once that share one {@code PER_CLASS} twin: they
 * would see each other's advances and resources, and each would fail (or pass) by chance. The first
 * method to start holds the twin until its {@code afterEach}; a second one that starts meanwhile
 * fails in {@code beforeEach} with a message that says what to do instead.
 */
final class SharedTwinGuard {

  private static final Namespace NAMESPACE = Namespace.create(SharedTwinGuard.class);
  private static final String HOLDER = "running-method";
  private static final String ENTERED = "entered";

  private SharedTwinGuard() {}

  /**
   * Marks {@code method} as the one method using the class's twin, or fails when another one is.
   */
  @SuppressWarnings("unchecked")
  static void enter(ExtensionContext classContext, ExtensionContext method) {
    AtomicReference<String> running =
        ExtensionStores.getOrCompute(
            classContext.getStore(NAMESPACE),
            HOLDER,
            k -> new AtomicReference<String>(),
            AtomicReference.class);
    String me = method.getUniqueId();
    if (!running.compareAndSet(null, me)) {
      String other = running.get();
      throw new ExtensionConfigurationException(
          "CloudTwin: "
              + method.getDisplayName()
              + " started while "
              + describe(other)
              + " is still running, and both"
              + " use the one PER_CLASS twin of "
              + classContext.getRequiredTestClass().getSimpleName()
              + ": they would see"
              + " each other's virtual time and resources. Run this class's methods one at a time"
              + " (@Execution(ExecutionMode.SAME_THREAD) on the class), or use lifecycle = TwinLifecycle.PER_METHOD"
              + " (a twin per test) when its tests run concurrently.");
    }
    method.getStore(NAMESPACE).put(ENTERED, running);
  }

  /** Releases the class's twin if {@code method} held it. */
  @SuppressWarnings("unchecked")
  static void leave(ExtensionContext method) {
    AtomicReference<String> running =
        method.getStore(NAMESPACE).remove(ENTERED, AtomicReference.class);
    if (running != null) running.compareAndSet(method.getUniqueId(), null);
  }

  private static String describe(@Nullable String uniqueId) {
    if (uniqueId == null) return "another test";
    int i = uniqueId.lastIndexOf("[method:");
    return i < 0 ? "another test" : uniqueId.substring(i + 8, uniqueId.length() - 1);
  }
}

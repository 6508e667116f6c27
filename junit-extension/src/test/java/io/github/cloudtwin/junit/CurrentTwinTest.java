package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Another extension, registered after CloudTwinExtension, reaches the same twin the test gets, and
 * resolves the parameters it marks with a {@link ResolvedElsewhere} annotation.
 */
class CurrentTwinTest {

  /** An annotation another extension injects by. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
  @ResolvedElsewhere
  @interface Elsewhere {}

  /** What the recording extension saw, injected into the test. */
  record Seen(
      CloudTwin beforeAll, CloudTwin beforeEach, ProvidedInjectionTest.Thing thingBeforeEach) {}

  /** Records CloudTwinExtension.currentTwin in its callbacks. */
  static final class Recorder implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS =
        ExtensionContext.Namespace.create(Recorder.class);

    @Override
    public void beforeAll(ExtensionContext context) {
      CloudTwinExtension.currentTwin(context).ifPresent(t -> context.getStore(NS).put("all", t));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      context.getStore(NS).put("each", CloudTwinExtension.currentTwin(context).orElseThrow());
      context
          .getStore(NS)
          .put(
              "thing",
              CloudTwinExtension.injected(context, ProvidedInjectionTest.Thing.class)
                  .orElseThrow());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == Seen.class || p.isAnnotated(Elsewhere.class);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      if (p.isAnnotated(Elsewhere.class))
        return CloudTwinExtension.currentTwin(c).orElseThrow().ec2();
      return new Seen(
          c.getStore(NS).get("all", CloudTwin.class),
          c.getStore(NS).get("each", CloudTwin.class),
          c.getStore(NS).get("thing", ProvidedInjectionTest.Thing.class));
    }
  }

  /** A context whose store is empty, as before CloudTwinExtension has run. */
  private static ExtensionContext emptyContext() {
    ExtensionContext.Store store = org.mockito.Mockito.mock(ExtensionContext.Store.class);
    ExtensionContext context = org.mockito.Mockito.mock(ExtensionContext.class);
    org.mockito.Mockito.when(context.getStore(org.mockito.ArgumentMatchers.any()))
        .thenReturn(store);
    org.mockito.Mockito.when(context.getTestMethod()).thenReturn(java.util.Optional.empty());
    return context;
  }

  @Nested
  @CloudTwinTest
  @ExtendWith(Recorder.class)
  class PerMethod {
    @Test
    void theExtensionSeesThisTestsTwin(CloudTwin twin, Seen seen) {
      assertThat(seen.beforeEach()).isSameAs(twin);
    }

    @Test
    void theExtensionGetsWhatTheTestIsInjectedWithTheSameProviderState(
        ProvidedInjectionTest.Thing thing, Seen seen) {
      assertThat(seen.thingBeforeEach().state()).isSameAs(thing.state());
    }

    @Test
    void injectedRefusesTypesFoundByNameAndIsEmptyWithoutATwin() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  CloudTwinExtension.injected(
                      emptyContext(), io.github.cloudtwin.autoscaling.AutoScalingGroup.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("AutoScalingGroup")
          .hasMessageContaining("without a name");
      assertThat(CloudTwinExtension.injected(emptyContext(), CloudTwin.class)).isEmpty();
    }

    @Test
    void aParameterMarkedForTheOtherExtensionIsLeftToIt(
        CloudTwin twin, @Elsewhere io.github.cloudtwin.ec2.Ec2 ec2) {
      // without @ResolvedElsewhere both extensions would claim the Ec2 parameter and JUnit would
      // refuse
      assertThat(ec2).isSameAs(twin.ec2());
    }
  }

  @Nested
  @CloudTwinTest(lifecycle = TwinLifecycle.PER_CLASS)
  @ExtendWith(Recorder.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class PerClass {
    @Test
    void theExtensionSeesTheClassTwinBeforeAllAndBeforeEach(CloudTwin twin, Seen seen) {
      assertThat(seen.beforeAll()).isSameAs(twin);
      assertThat(seen.beforeEach()).isSameAs(twin);
    }
  }
}

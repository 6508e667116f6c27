package io.github.cloudtwin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.spi.InjectableProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Types contributed through {@link InjectableProvider} are injected as parameters and fields, with
 * per-twin state.
 */
class ProvidedInjectionTest {

  /** A value read from a provider's per-twin state. */
  record Thing(State state, String kind) {}

  /** The per-twin state: the twin it was opened for. */
  record State(CloudTwin twin) {}

  /** The provider the test class path registers (META-INF/services). */
  public static final class ThingProvider implements InjectableProvider<State> {
    @Override
    public List<Class<?>> types() {
      return List.of(Thing.class);
    }

    @Override
    public State open(CloudTwin twin) {
      return new State(twin);
    }

    @Override
    public Object value(Class<?> type, State state) {
      return new Thing(state, type.getSimpleName());
    }
  }

  static final List<Object[]> SEEN = Collections.synchronizedList(new ArrayList<>());

  @Test
  void aProvidedTypeIsInjectedFromOneStatePerTwin() {
    SEEN.clear();
    EngineExecutionResults r = Kit.run(TwoTests.class);
    r.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(SEEN).hasSize(2);
    for (Object[] seen : SEEN) {
      Thing parameter = (Thing) seen[0];
      Thing field = (Thing) seen[1];
      assertThat(parameter.state()).isSameAs(field.state());
      assertThat(parameter.state().twin()).isSameAs(seen[2]);
    }
    assertThat(((Thing) SEEN.get(0)[0]).state()).isNotSameAs(((Thing) SEEN.get(1)[0]).state());
  }

  @CloudTwinTest
  static class TwoTests {
    @FromTwin Thing field;

    @Test
    void one(Thing thing, CloudTwin twin) {
      SEEN.add(new Object[] {thing, field, twin});
    }

    @Test
    void two(Thing thing, CloudTwin twin) {
      SEEN.add(new Object[] {thing, field, twin});
    }
  }
}

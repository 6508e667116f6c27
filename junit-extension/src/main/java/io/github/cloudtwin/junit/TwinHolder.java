package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.junit.spi.InjectableProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store value of one twin: JUnit closes it with its test or class context. It also keeps the
 * per-twin state of {@link InjectableProvider}s.
 */
record TwinHolder(CloudTwin twin, Map<Class<?>, Object> providerState) implements AutoCloseable {

  /** A holder of {@code twin} with no provider state yet. */
  TwinHolder(CloudTwin twin) {
    this(twin, new ConcurrentHashMap<>());
  }

  @Override
  public void close() {
    twin.close();
  }
}

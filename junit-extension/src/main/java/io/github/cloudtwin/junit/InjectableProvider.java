package io.github.cloudtwin.junit;

import io.github.cloudtwin.CloudTwin;
import java.util.List;

/**
 * A service-provider interface through which another module (the AWS SDK clients, for instance)
 * makes more types injectable as test parameters and {@code @FromTwin} fields. Providers are found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/io.github.cloudtwin.junit.InjectableProvider}).
 *
 * <p>For each twin, {@link #open} is called once, on first use; {@link #value} then reads each
 * injected value from what it returned, so values of one twin share that state. Implementations
 * must be stateless themselves: test classes run in parallel.
 *
 * @param <S> the per-twin state
 */
public interface InjectableProvider<S> {

  /** The types this provider injects (exact types, as declared by parameters and fields). */
  List<Class<?>> types();

  /** The per-twin state values are read from; called once per twin. */
  S open(CloudTwin twin);

  /** The value of {@code type} (one of {@link #types()}) for the twin whose state is {@code state}. */
  Object value(Class<?> type, S state);
}

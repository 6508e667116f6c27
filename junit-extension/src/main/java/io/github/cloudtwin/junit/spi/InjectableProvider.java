package io.github.cloudtwin.junit.spi;

import io.github.cloudtwin.CloudTwin;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A service-provider interface through which another module (the AWS SDK clients, for instance)
 * makes more types injectable as test parameters and {@code @FromTwin} fields. Providers are found
 * with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.github.cloudtwin.junit.spi.InjectableProvider}).
 *
 * <p>For each twin, {@link #open} is called once, on first use; {@link #value} then reads each
 * injected value from what it returned, so values of one twin share that state. Implementations
 * must be stateless themselves: test classes run in parallel.
 *
 * @param <S> the per-twin state
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface InjectableProvider<S> {

  /**
   * {@return the types this provider injects (exact types, as declared by parameters and fields)}
   */
  List<Class<?>> types();

  /**
   * Opens the per-twin state values are read from; called once per twin.
   *
   * @param twin the twin
   * @return the state
   */
  S open(CloudTwin twin);

  /**
   * Reads one value.
   *
   * @param type one of {@link #types()}
   * @param state what {@link #open} returned for the twin
   * @return the value to inject
   */
  Object value(Class<?> type, S state);
}

package io.github.cloudtwin.junit;

import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one place CloudTwin's extensions (this module's, the CloudFormation and Testcontainers ones)
 * compute a value in a JUnit {@link ExtensionContext.Store}. JUnit 6 deprecates {@code
 * getOrComputeIfAbsent} in favour of {@code computeIfAbsent}, which JUnit 5.14 does not have; the
 * extensions support both, so the call lives here, and only this class changes when JUnit 5 support
 * ends. Stateless and thread-safe (the store's own computation is atomic).
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ExtensionStores {

  private ExtensionStores() {}

  /**
   * The value stored under {@code key}, computed by {@code factory} and stored if there is none.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param store the store
   * @param key the key
   * @param factory computes the value from the key when the store holds none
   * @param type the value's type
   * @return the stored value
   */
  @SuppressWarnings("deprecation") // JUnit 6: computeIfAbsent; absent in JUnit 5.14
  public static <K, V> V getOrCompute(
      ExtensionContext.Store store, K key, Function<K, V> factory, Class<V> type) {
    // JUnit 6 declares the result @Nullable (a factory may return null); ours never does
    return Objects.requireNonNull(
        store.getOrComputeIfAbsent(key, factory, type), "a store factory returned null");
  }
}

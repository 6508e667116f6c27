package io.github.cloudtwin.await;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * Awaitility's vocabulary on virtual time: {@code await(twin).atMost(ofMinutes(10))
 * .untilAsserted(...)} advances the twin's clock by the poll interval between checks instead of
 * sleeping, so a ten-minute wait costs only the events in it. For real-time mode ({@code
 * RealTimeDriver}) use plain Awaitility.
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class CloudTwinAwait {

  private CloudTwinAwait() {}

  /**
   * A wait on {@code twin} with the defaults: at most 10 minutes, polled every 10 seconds.
   *
   * @param twin the twin
   * @return a wait on {@code twin} with the defaults: at most 10 minutes, polled every 10 seconds
   */
  public static VirtualAwait await(CloudTwin twin) {
    return VirtualAwait.on(Require.notNull("twin", twin));
  }

  /**
   * A wait named {@code alias} (shown when it times out).
   *
   * @param twin the twin
   * @param alias the alias
   * @return a wait named {@code alias} (shown when it times out)
   */
  public static VirtualAwait await(CloudTwin twin, String alias) {
    return await(twin).alias(alias);
  }
}

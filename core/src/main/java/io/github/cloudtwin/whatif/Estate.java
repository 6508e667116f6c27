package io.github.cloudtwin.whatif;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.internal.kernel.Require;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One configuration to try: a name and the code that builds it on a fresh twin (groups, load
 * balancers, alarms, policies), run at the twin's start before the replay.
 *
 * @param name the name in tables, such as {@code step} or {@code target-60}
 * @param setup builds the estate
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Estate(String name, Consumer<CloudTwin> setup) {

  /**
   * Validates.
   *
   * @param name the name in tables
   * @param setup builds the estate
   */
  public Estate {
    Require.name("name", name);
    Require.notNull("setup", setup);
  }

  /**
   * An estate.
   *
   * @param name the name in tables
   * @param setup builds the estate
   * @return the estate
   */
  public static Estate of(String name, Consumer<CloudTwin> setup) {
    return new Estate(name, setup);
  }
}

package io.github.cloudtwin.facts;

import io.github.cloudtwin.internal.kernel.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A free-text event the twin has no typed fact for: recorded through {@link
 * io.github.cloudtwin.kernel.Timeline#record(String, String, String)}, for instance by a test or by
 * a module outside core.
 *
 * @param resource the resource, as {@code type/name}
 * @param kind a short stable word
 * @param message the human-readable sentence
 * @param details structured values (copied, insertion-ordered)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Note(String resource, String kind, String message, Map<String, String> details)
    implements Fact {

  /**
   * Validates and copies the details.
   *
   * @param resource the resource, as {@code type/name}
   * @param kind a short stable word
   * @param message the human-readable sentence
   * @param details structured values (copied, insertion-ordered)
   */
  public Note {
    Require.notNull("resource", resource);
    Require.notNull("kind", kind);
    Require.notNull("message", message);
    details =
        details == null || details.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}

package io.github.cloudtwin.ecs;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A task placement strategy: {@code spread} over a field, {@code binpack} on cpu or memory, or
 * {@code random}. Strategies are best-effort and applied in list order.
 *
 * @param type {@code spread}, {@code binpack} or {@code random}
 * @param field for spread: {@code instanceId} (or {@code host}) or {@code attribute:<name>}; for
 *     binpack: {@code cpu} or {@code memory}; null for random
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record PlacementStrategy(String type, @Nullable String field) {

  /**
   * Validates.
   *
   * @param type {@code spread}, {@code binpack} or {@code random}
   * @param field for spread: {@code instanceId} (or {@code host}) or {@code attribute:<name>}; for
   *     binpack: {@code cpu} or {@code memory}; null for random
   */
  public PlacementStrategy {
    Require.oneOf("placementStrategy.type", type, java.util.List.of("spread", "binpack", "random"));
    switch (type) {
      case "spread":
        String spread = Require.name("placementStrategy.field", field);
        if (!(spread.equals("instanceId")
            || spread.equals("host")
            || spread.startsWith("attribute:") && spread.length() > 10)) {
          throw new ValidationException(
              "placementStrategy.field", field, "instanceId, host or attribute:<name> for spread");
        }
        break;
      case "binpack":
        Require.oneOf("placementStrategy.field", field, java.util.List.of("cpu", "memory"));
        break;
      default:
        if (field != null) {
          throw new ValidationException("placementStrategy.field", field, "no field for random");
        }
    }
  }

  /**
   * Spread over a field: {@code instanceId}, {@code host} or {@code
   * attribute:ecs.availability-zone}.
   *
   * @param field the field
   * @return spread over a field: {@code instanceId}, {@code host} or {@code
   *     attribute:ecs.availability-zone}
   */
  public static PlacementStrategy spread(String field) {
    return new PlacementStrategy("spread", field);
  }

  /** {@return spread over zones} */
  public static PlacementStrategy spreadByZone() {
    return spread("attribute:ecs.availability-zone");
  }

  /**
   * Pack onto the instance with the least remaining {@code cpu} or {@code memory}.
   *
   * @param field the field
   * @return pack onto the instance with the least remaining {@code cpu} or {@code memory}
   */
  public static PlacementStrategy binpack(String field) {
    return new PlacementStrategy("binpack", field);
  }

  /** {@return any candidate, drawn from the twin's seeded randomness} */
  public static PlacementStrategy random() {
    return new PlacementStrategy("random", null);
  }

  @Override
  public String toString() {
    return field == null ? type : type + "(" + field + ")";
  }
}

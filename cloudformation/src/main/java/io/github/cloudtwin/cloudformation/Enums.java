package io.github.cloudtwin.cloudformation;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads enumerated property values by AWS's spelling, naming the allowed values when one is wrong.
 */
final class Enums {

  private Enums() {}

  /** The value of {@code key}, or {@code fallback} when the property is absent. */
  static <E extends Enum<E>> E parse(Props p, String key, Class<E> type, E fallback) {
    E v = optional(p, key, type);
    return v == null ? fallback : v;
  }

  /** The value of {@code key}, or null when the property is absent. */
  static <E extends Enum<E>> @Nullable E optional(Props p, String key, Class<E> type) {
    String v = p.string(key);
    if (v == null) return null;
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v) || e.toString().equals(v)) return e;
    }
    throw p.invalid(
        key, v, "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
  }
}

package io.github.cloudtwin.cloudformation;

import java.util.Arrays;

/**
 * Reads enumerated property values by AWS's spelling, naming the allowed values when one is wrong.
 */
final class Enums {

  private Enums() {}

  static <E extends Enum<E>> E parse(Props p, String key, Class<E> type, E fallback) {
    String v = p.string(key);
    if (v == null) return fallback;
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v) || e.toString().equals(v)) return e;
    }
    throw p.invalid(
        key, v, "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
  }
}

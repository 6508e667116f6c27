package io.github.cloudtwin.cloudformation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Helpers for template values: plain maps, lists, strings, numbers and booleans. */
final class Values {

  private Values() {}

  /** A short description for messages: "a list", "a mapping", or the scalar itself. */
  static String describe(@Nullable Object v) {
    if (v == null) return "null";
    if (v instanceof Map<?, ?> m)
      return "a mapping "
          + (m.size() == 1
              ? "with key " + m.keySet().iterator().next()
              : "of " + m.size() + " keys");
    if (v instanceof List<?> l) return "a list of " + l.size();
    return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
  }

  /** A deep, unmodifiable copy of a mapping; keys must be strings. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> freezeMapping(Map<?, ?> m, String path) {
    return (Map<String, Object>)
        Objects.requireNonNull(freeze(m, path), "a mapping freezes to one");
  }

  /** A deep, unmodifiable copy; keys must be strings. */
  @SuppressWarnings("unchecked")
  static @Nullable Object freeze(@Nullable Object v, String path) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new TemplateValidationException(null, path, e.getKey(), "string keys only");
        }
        out.put(k, freeze(e.getValue(), path + "." + k));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) out.add(freeze(l.get(i), path + "[" + i + "]"));
      return Collections.unmodifiableList(out);
    }
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) return v;
    throw new TemplateValidationException(
        null,
        path,
        String.valueOf(v),
        "strings, numbers, booleans, lists and mappings (got "
            + v.getClass().getSimpleName()
            + ")");
  }

  /** The one key of an intrinsic-function mapping, or null when {@code v} is not one. */
  static @Nullable String intrinsic(@Nullable Object v) {
    if (v instanceof Map<?, ?> m && m.size() == 1) {
      Object k = m.keySet().iterator().next();
      if (k instanceof String s
          && (s.equals("Ref") || s.startsWith("Fn::") || s.equals("Condition"))) return s;
    }
    return null;
  }

  /**
   * Scalar text as CloudFormation passes it on: numbers without a trailing ".0", booleans lower
   * case.
   */
  static String text(@Nullable Object v) {
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }
}

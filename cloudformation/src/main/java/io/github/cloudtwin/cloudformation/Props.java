package io.github.cloudtwin.cloudformation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A resource's resolved properties, read with CloudFormation's coercions (numbers given as strings,
 * booleans as "true"). Remembers what it read, so what it did not read is reported as unmodelled.
 */
final class Props {

  private final String logicalId;
  private final String path;
  private final Map<String, Object> values;
  private final Set<String> read;

  private Props(String logicalId, String path, Map<String, Object> values, Set<String> read) {
    this.logicalId = logicalId;
    this.path = path;
    this.values = values;
    this.read = read;
  }

  static Props of(String logicalId, Map<String, Object> values) {
    return new Props(logicalId, "Properties", values, new HashSet<>());
  }

  String logicalId() {
    return logicalId;
  }

  String path(String key) {
    return path + "." + key;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** Marks {@code key} as understood without reading it. */
  Props accept(String key) {
    read.add(path(key));
    return this;
  }

  @Nullable Object raw(String key) {
    read.add(path(key));
    return values.get(key);
  }

  TemplateValidationException invalid(String key, @Nullable Object value, String allowed) {
    return new TemplateValidationException(
        logicalId, path(key), value instanceof String ? value : Values.describe(value), allowed);
  }

  @Nullable String string(String key) {
    Object v = raw(key);
    if (v == null) return null;
    if (v instanceof List<?> || v instanceof Map<?, ?>) throw invalid(key, v, "a string");
    return Values.text(v);
  }

  String requiredString(String key) {
    String v = string(key);
    if (v == null) throw missing(key);
    return v;
  }

  TemplateValidationException missing(String key) {
    return new TemplateValidationException(
        logicalId,
        path(key),
        null,
        "a value (the property is required)",
        "Properties validation failed for resource "
            + logicalId
            + " with message: #: required key ["
            + key
            + "] not found");
  }

  @Nullable Integer integer(String key) {
    Object v = raw(key);
    if (v == null) return null;
    try {
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))
        return n.intValue();
      if (v instanceof String s) return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      // below
    }
    throw new TemplateValidationException(
        logicalId,
        path(key),
        v instanceof String ? v : Values.describe(v),
        "an integer",
        "Properties validation failed for resource "
            + logicalId
            + " with message: #/"
            + key
            + ": expected type: Integer, found: "
            + (v instanceof String ? "String" : v.getClass().getSimpleName()));
  }

  int requiredInt(String key) {
    Integer v = integer(key);
    if (v == null) throw missing(key);
    return v;
  }

  @Nullable Double number(String key) {
    Object v = raw(key);
    if (v == null) return null;
    try {
      if (v instanceof Number n) return n.doubleValue();
      if (v instanceof String s) return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      // below
    }
    throw new TemplateValidationException(
        logicalId,
        path(key),
        v instanceof String ? v : Values.describe(v),
        "a number",
        "Properties validation failed for resource "
            + logicalId
            + " with message: #/"
            + key
            + ": expected type: Number, found: "
            + (v instanceof String ? "String" : v.getClass().getSimpleName()));
  }

  @Nullable Boolean bool(String key) {
    Object v = raw(key);
    if (v == null) return null;
    if (v instanceof Boolean b) return b;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")))
      return Boolean.parseBoolean(s);
    throw invalid(key, v, "true or false");
  }

  @Nullable Duration seconds(String key) {
    Integer v = integer(key);
    return v == null ? null : Duration.ofSeconds(v);
  }

  /** A list of scalars as strings; a single scalar counts as a one-element list. */
  @Nullable List<String> strings(String key) {
    Object v = raw(key);
    if (v == null) return null;
    List<?> l = v instanceof List<?> list ? list : List.of(v);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      Object o = l.get(i);
      if (o instanceof List<?> || o instanceof Map<?, ?>)
        throw invalid(key + "[" + i + "]", o, "a string");
      out.add(Values.text(o));
    }
    return out;
  }

  /** A nested mapping, or null; its unread keys are reported under this key's path. */
  @SuppressWarnings("unchecked")
  @Nullable Props child(String key) {
    Object v = values.get(key);
    if (v == null) return null;
    if (!(v instanceof Map)) throw invalid(key, v, "a mapping");
    return new Props(logicalId, path(key), (Map<String, Object>) v, read);
  }

  /** A nested mapping; a TemplateValidationException when it is absent. */
  Props requiredChild(String key) {
    Props c = child(key);
    if (c == null) throw missing(key);
    return c;
  }

  /** A list of mappings, or an empty list. */
  @SuppressWarnings("unchecked")
  List<Props> children(String key) {
    Object v = values.get(key);
    if (v == null) return List.of();
    if (!(v instanceof List<?> l)) throw invalid(key, v, "a list of mappings");
    List<Props> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      if (!(l.get(i) instanceof Map)) throw invalid(key + "[" + i + "]", l.get(i), "a mapping");
      out.add(
          new Props(logicalId, path(key) + "[" + i + "]", (Map<String, Object>) l.get(i), read));
    }
    if (out.isEmpty()) accept(key);
    return out;
  }

  /** The paths of the properties set in the template that nothing read, in template order. */
  List<String> unread() {
    List<String> out = new ArrayList<>();
    collect(path, values, out);
    return out;
  }

  private void collect(String at, @Nullable Object v, List<String> out) {
    if (read.contains(at)) return;
    if (v instanceof Map<?, ?> m && opened(at)) {
      for (Map.Entry<?, ?> e : m.entrySet()) collect(at + "." + e.getKey(), e.getValue(), out);
    } else if (v instanceof List<?> l && opened(at)) {
      for (int i = 0; i < l.size(); i++) collect(at + "[" + i + "]", l.get(i), out);
    } else if (!at.equals(path)) {
      out.add(at);
    }
  }

  private boolean opened(String at) {
    if (at.equals(path)) return true;
    for (String r : read) {
      if (r.startsWith(at + ".") || r.startsWith(at + "[")) return true;
    }
    return false;
  }
}

package io.github.cloudtwin.cloudformation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolves intrinsic functions and references in one stack: Ref, Fn::GetAtt, Fn::Sub, Fn::Join,
 * Fn::Select, Fn::Split, Fn::If, Fn::FindInMap, Fn::GetAZs, Fn::ImportValue, Fn::Base64, Fn::Cidr;
 * the condition functions live in {@link Conditions}. {@code AWS::NoValue} removes the key or
 * element that holds it.
 */
final class Evaluator {

  /** The value of {@code Ref: AWS::NoValue}. */
  static final Object NO_VALUE =
      new Object() {
        @Override
        public String toString() {
          return "AWS::NoValue";
        }
      };

  /** What references to names outside the expression resolve to. */
  interface Scope {
    /**
     * A parameter or pseudo parameter value (String or List of String), or null when there is none.
     */
    @Nullable Object parameter(String name);

    /** Whether {@code logicalId} names a resource of the template (created or not). */
    boolean isResource(String logicalId);

    /** The Ref value of a resource. */
    Object ref(String logicalId, String where, String path);

    /** The value of Fn::GetAtt. */
    Object getAtt(String logicalId, String attribute, String where, String path);

    /** The value of a condition by name. */
    boolean condition(String name, String where, String path);

    /** The Mappings section. */
    Map<String, Object> mappings();

    /** The zones Fn::GetAZs returns for {@code region} ("" for the stack's region). */
    List<String> zones(String region, String where, String path);

    /** The value of an export, for Fn::ImportValue. */
    String importValue(String name, String where, String path);
  }

  private final Scope scope;

  Evaluator(Scope scope) {
    this.scope = scope;
  }

  /** Resolves {@code value}; {@code where} is the logical id, {@code path} the property path. */
  Object eval(Object value, String where, String path) {
    if (value instanceof Map<?, ?> m) {
      String fn = Values.intrinsic(value);
      if (fn != null) return function(fn, m.values().iterator().next(), where, path);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object v = eval(e.getValue(), where, path + "." + e.getKey());
        if (v != NO_VALUE) out.put((String) e.getKey(), v);
      }
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        Object v = eval(l.get(i), where, path + "[" + i + "]");
        if (v != NO_VALUE) out.add(v);
      }
      return out;
    }
    return value;
  }

  private TemplateValidationException invalid(
      String where, String path, Object value, String allowed) {
    return new TemplateValidationException(where, path, value, allowed);
  }

  private Object function(String fn, Object arg, String where, String path) {
    String p = path + "." + fn;
    switch (fn) {
      case "Ref":
        return ref(arg, where, p);
      case "Fn::GetAtt":
        return getAtt(arg, where, p);
      case "Fn::Sub":
        return Sub.resolve(this, arg, where, p);
      case "Fn::Join":
        {
          List<?> a = list(arg, 2, where, p, "[delimiter, [values]]");
          String delimiter = string(eval(a.get(0), where, p), where, p + "[0]");
          Object items = eval(a.get(1), where, p + "[1]");
          if (!(items instanceof List<?> values))
            throw invalid(where, p + "[1]", Values.describe(items), "a list of values to join");
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(delimiter);
            sb.append(string(values.get(i), where, p + "[1][" + i + "]"));
          }
          return sb.toString();
        }
      case "Fn::Select":
        {
          List<?> a = list(arg, 2, where, p, "[index, [values]]");
          int index = integer(eval(a.get(0), where, p + "[0]"), where, p + "[0]");
          Object items = eval(a.get(1), where, p + "[1]");
          if (!(items instanceof List<?> values))
            throw invalid(where, p + "[1]", Values.describe(items), "a list to select from");
          if (index < 0 || index >= values.size()) {
            throw new TemplateValidationException(
                where,
                p,
                index,
                "an index below " + values.size(),
                "Template error: Fn::Select cannot select nonexistent value at index " + index);
          }
          return values.get(index);
        }
      case "Fn::Split":
        {
          List<?> a = list(arg, 2, where, p, "[delimiter, source string]");
          String delimiter = string(eval(a.get(0), where, p), where, p + "[0]");
          String source = string(eval(a.get(1), where, p + "[1]"), where, p + "[1]");
          if (delimiter.isEmpty()) throw invalid(where, p + "[0]", "", "a non-empty delimiter");
          List<Object> parts = new ArrayList<>();
          int from = 0;
          while (true) {
            int at = source.indexOf(delimiter, from);
            if (at < 0) {
              parts.add(source.substring(from));
              return parts;
            }
            parts.add(source.substring(from, at));
            from = at + delimiter.length();
          }
        }
      case "Fn::If":
        {
          List<?> a = list(arg, 3, where, p, "[condition name, value if true, value if false]");
          String name = string(a.get(0), where, p + "[0]");
          return scope.condition(name, where, p)
              ? eval(a.get(1), where, p + "[1]")
              : eval(a.get(2), where, p + "[2]");
        }
      case "Fn::FindInMap":
        {
          List<?> a = list(arg, 3, where, p, "[MapName, TopLevelKey, SecondLevelKey]");
          String map = string(eval(a.get(0), where, p), where, p + "[0]");
          String top = string(eval(a.get(1), where, p), where, p + "[1]");
          String second = string(eval(a.get(2), where, p), where, p + "[2]");
          Object m = scope.mappings().get(map);
          if (!(m instanceof Map<?, ?> mm))
            throw invalid(
                where,
                p + "[0]",
                map,
                "a mapping of the Mappings section " + scope.mappings().keySet());
          Object t = mm.get(top);
          if (!(t instanceof Map<?, ?> tm))
            throw invalid(
                where, p + "[1]", top, "a top-level key of mapping " + map + " " + mm.keySet());
          if (!tm.containsKey(second))
            throw invalid(
                where,
                p + "[2]",
                second,
                "a second-level key of " + map + "." + top + " " + tm.keySet());
          return tm.get(second);
        }
      case "Fn::GetAZs":
        {
          Object region = eval(arg, where, p);
          return new ArrayList<Object>(
              scope.zones(region == null ? "" : string(region, where, p), where, p));
        }
      case "Fn::ImportValue":
        return scope.importValue(string(eval(arg, where, p), where, p), where, p);
      case "Fn::Base64":
        return Base64.getEncoder()
            .encodeToString(string(eval(arg, where, p), where, p).getBytes(StandardCharsets.UTF_8));
      case "Fn::Cidr":
        {
          List<?> a = list(arg, 3, where, p, "[ipBlock, count, cidrBits]");
          String block = string(eval(a.get(0), where, p), where, p + "[0]");
          int count = integer(eval(a.get(1), where, p), where, p + "[1]");
          int bits = integer(eval(a.get(2), where, p), where, p + "[2]");
          return new ArrayList<Object>(Cidr.subnets(block, count, bits, where, p));
        }
      case "Condition":
        return scope.condition(string(arg, where, p), where, p);
      default:
        if (Conditions.FUNCTIONS.contains(fn)) return Conditions.evaluate(this, fn, arg, where, p);
        throw invalid(
            where,
            p,
            fn,
            "a supported intrinsic function (Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, "
                + "Fn::If, Fn::FindInMap, Fn::GetAZs, Fn::ImportValue, Fn::Base64, Fn::Cidr, Fn::Equals, Fn::Not, Fn::And, Fn::Or)");
    }
  }

  private Object ref(Object arg, String where, String path) {
    if (!(arg instanceof String name))
      throw invalid(where, path, Values.describe(arg), "the name of a parameter or resource");
    if (name.equals("AWS::NoValue")) return NO_VALUE;
    Object param = scope.parameter(name);
    if (param != null) return param;
    if (scope.isResource(name)) return scope.ref(name, where, path);
    throw new TemplateValidationException(
        where,
        path,
        name,
        "a parameter, pseudo parameter or resource of this template",
        "Template format error: Unresolved resource dependencies ["
            + name
            + "] in the Resources block of the template");
  }

  private Object getAtt(Object arg, String where, String path) {
    List<?> a;
    if (arg instanceof String s && s.indexOf('.') > 0) {
      a = List.of(s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1));
    } else {
      a = list(arg, 2, where, path, "[LogicalId, Attribute]");
    }
    String id = string(a.get(0), where, path + "[0]");
    String attribute = string(eval(a.get(1), where, path + "[1]"), where, path + "[1]");
    if (!scope.isResource(id)) {
      throw new TemplateValidationException(
          where,
          path,
          id,
          "a resource of this template",
          "Template error: instance of Fn::GetAtt references undefined resource " + id);
    }
    return scope.getAtt(id, attribute, where, path);
  }

  Scope scope() {
    return scope;
  }

  private List<?> list(Object arg, int size, String where, String path, String shape) {
    if (!(arg instanceof List<?> l) || l.size() != size)
      throw invalid(where, path, Values.describe(arg), shape);
    return l;
  }

  /** A scalar as a string, as CloudFormation passes scalars; lists and mappings are refused. */
  static String string(Object v, String where, String path) {
    if (v instanceof String s) return s;
    if (v instanceof Number || v instanceof Boolean) return Values.text(v);
    throw new TemplateValidationException(where, path, Values.describe(v), "a string");
  }

  static int integer(Object v, String where, String path) {
    try {
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))
        return n.intValue();
      if (v instanceof String s) return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TemplateValidationException(
        where, path, Values.describe(v), "an integer (a number or a numeric string)");
  }
}

package io.github.cloudtwin.cloudformation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The Conditions section and the condition functions Fn::Equals, Fn::Not, Fn::And and Fn::Or. */
final class Conditions {

  static final Set<String> FUNCTIONS = Set.of("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or");

  private final Map<String, Object> definitions;
  private final Map<String, Boolean> values = new HashMap<>();
  private final LinkedHashSet<String> evaluating = new LinkedHashSet<>();
  private @Nullable Evaluator evaluator;

  Conditions(Map<String, Object> definitions) {
    this.definitions = definitions;
  }

  void bind(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  boolean has(String name) {
    return definitions.containsKey(name);
  }

  /** Evaluates every condition, so a bad one fails the import even if nothing uses it. */
  void evaluateAll() {
    for (String name : definitions.keySet()) value(name, name, "Conditions");
  }

  boolean value(String name, String where, String path) {
    Boolean v = values.get(name);
    if (v != null) return v;
    if (!definitions.containsKey(name)) {
      throw new TemplateValidationException(
          where,
          path,
          name,
          "a condition of the Conditions section " + definitions.keySet(),
          "Template format error: Unresolved dependencies ["
              + name
              + "]. Cannot reference resources in the Conditions block of the template");
    }
    if (!evaluating.add(name)) {
      throw new TemplateValidationException(
          name,
          null,
          List.copyOf(evaluating),
          "conditions that do not refer to themselves",
          "Template error: circular condition references " + evaluating);
    }
    Object result =
        Objects.requireNonNull(evaluator, "bind() gives the conditions their evaluator first")
            .eval(definitions.get(name), name, "Conditions." + name);
    evaluating.remove(name);
    if (!(result instanceof Boolean b)) {
      throw new TemplateValidationException(
          name,
          "Conditions." + name,
          Values.describe(result),
          "a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition)");
    }
    values.put(name, b);
    return b;
  }

  static Object evaluate(Evaluator ev, String fn, Object arg, String where, String path) {
    if (!(arg instanceof List<?> a))
      throw new TemplateValidationException(
          where, path, Values.describe(arg), "a list of arguments");
    switch (fn) {
      case "Fn::Equals" -> {
        if (a.size() != 2)
          throw new TemplateValidationException(
              where, path, a.size() + " arguments", "two values to compare");
        return canonical(ev.eval(a.get(0), where, path + "[0]"))
            .equals(canonical(ev.eval(a.get(1), where, path + "[1]")));
      }
      case "Fn::Not" -> {
        if (a.size() != 1)
          throw new TemplateValidationException(
              where, path, a.size() + " arguments", "one condition");
        return !bool(ev.eval(a.get(0), where, path + "[0]"), where, path + "[0]");
      }
      default -> {
        if (a.size() < 2 || a.size() > 10)
          throw new TemplateValidationException(
              where, path, a.size() + " conditions", "between 2 and 10 conditions");
        boolean and = fn.equals("Fn::And");
        boolean result = and;
        for (int i = 0; i < a.size(); i++) {
          boolean b =
              bool(ev.eval(a.get(i), where, path + "[" + i + "]"), where, path + "[" + i + "]");
          result = and ? result && b : result || b;
        }
        return result;
      }
    }
  }

  private static Object canonical(Object v) {
    if (v instanceof List<?> l) return l.stream().map(Conditions::canonical).toList();
    if (v instanceof Number || v instanceof Boolean) return Values.text(v);
    return v;
  }

  private static boolean bool(Object v, String where, String path) {
    if (v instanceof Boolean b) return b;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")))
      return Boolean.parseBoolean(s);
    throw new TemplateValidationException(
        where,
        path,
        Values.describe(v),
        "a condition (Fn::Equals, Fn::And, Fn::Or, Fn::Not or {Condition: Name})");
  }
}

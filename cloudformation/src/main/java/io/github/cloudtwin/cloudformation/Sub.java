package io.github.cloudtwin.cloudformation;

import java.util.List;
import java.util.Map;

/**
 * Fn::Sub: {@code ${Name}}, {@code ${Resource.Attribute}}, {@code ${!Literal}} and a variable map.
 */
final class Sub {

  private Sub() {}

  static String resolve(Evaluator ev, Object arg, String where, String path) {
    String text;
    Map<?, ?> vars = Map.of();
    if (arg instanceof String s) {
      text = s;
    } else if (arg instanceof List<?> l
        && l.size() == 2
        && l.get(0) instanceof String s
        && l.get(1) instanceof Map<?, ?> m) {
      text = s;
      vars = m;
    } else {
      throw new TemplateValidationException(
          where, path, Values.describe(arg), "a string, or [string, {variable: value}]");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open);
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new TemplateValidationException(where, path, text, "every ${ closed by }");
      }
      String name = text.substring(open + 2, close);
      if (name.startsWith("!")) {
        out.append("${").append(name, 1, name.length()).append('}');
      } else {
        out.append(value(ev, name.trim(), vars, where, path));
      }
      i = close + 1;
    }
    return out.toString();
  }

  private static String value(
      Evaluator ev, String name, Map<?, ?> vars, String where, String path) {
    if (vars.containsKey(name)) {
      return Evaluator.string(
          ev.eval(vars.get(name), where, path + "[1]." + name), where, path + "[1]." + name);
    }
    Evaluator.Scope scope = ev.scope();
    Object param = scope.parameter(name);
    if (param != null) {
      if (param instanceof List<?>) {
        throw new TemplateValidationException(
            where, path, name, "a parameter of a string type (use Fn::Join for a list)");
      }
      return Evaluator.string(param, where, path);
    }
    if (scope.isResource(name)) return Evaluator.string(scope.ref(name, where, path), where, path);
    int dot = name.indexOf('.');
    if (dot > 0 && scope.isResource(name.substring(0, dot))) {
      return Evaluator.string(
          scope.getAtt(name.substring(0, dot), name.substring(dot + 1), where, path), where, path);
    }
    throw new TemplateValidationException(
        where,
        path,
        "${" + name + "}",
        "a parameter, resource, Resource.Attribute or variable",
        "Template format error: Unresolved resource dependencies ["
            + name
            + "] in the Resources block of the template");
  }

  /** The names a Fn::Sub string refers to (before any dot), for the dependency graph. */
  static List<String> references(String text) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    int i = 0;
    while (true) {
      int open = text.indexOf("${", i);
      if (open < 0) return out;
      int close = text.indexOf('}', open);
      if (close < 0) return out;
      String name = text.substring(open + 2, close).trim();
      if (!name.startsWith("!")) {
        int dot = name.indexOf('.');
        out.add(dot > 0 ? name.substring(0, dot) : name);
      }
      i = close + 1;
    }
  }
}

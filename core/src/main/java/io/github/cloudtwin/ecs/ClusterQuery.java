package io.github.cloudtwin.ecs;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The common part of ECS's cluster query language: {@code subject operator value} comparisons
 * joined with {@code and} / {@code &&}, {@code or} / {@code ||}, {@code not} / {@code !} and
 * parentheses. Subjects: {@code attribute:<name>}, {@code ec2InstanceId}, {@code agentConnected},
 * {@code runningTasksCount}. Operators: {@code == != > >= < <= =~ !~ in !in exists !exists} and
 * their word forms ({@code equals}, {@code not_equals}, {@code matches}, ...). {@code =~} takes a
 * pattern with {@code *} wildcards; {@code in} a list {@code [a, b]}.
 */
final class ClusterQuery {

  /** A parsed expression evaluated against an instance's subject values. */
  interface Expr {
    boolean test(Map<String, String> subjects);
  }

  private final String text;
  private final List<String> tokens;
  private int pos;

  private ClusterQuery(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /** Parses {@code text}, or throws a ValidationException naming the problem. */
  static Expr parse(String text) {
    ClusterQuery q = new ClusterQuery(text);
    if (q.tokens.isEmpty()) {
      throw q.error("an expression such as attribute:ecs.instance-type =~ t3.*");
    }
    Expr e = q.or();
    if (q.pos < q.tokens.size()) {
      throw q.error("end of expression, found '" + q.tokens.get(q.pos) + "'");
    }
    return e;
  }

  private ValidationException error(String expected) {
    return new ValidationException(
        "placementConstraint.expression", text, "a cluster query expression: expected " + expected);
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (s.startsWith("&&", i)
          || s.startsWith("||", i)
          || s.startsWith("==", i)
          || s.startsWith("!=", i)
          || s.startsWith("=~", i)
          || s.startsWith("!~", i)
          || s.startsWith(">=", i)
          || s.startsWith("<=", i)) {
        out.add(s.substring(i, i + 2));
        i += 2;
      } else if (c == '>' || c == '<') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '!'
          && !(s.startsWith("!exists", i)
              || s.startsWith("!in", i) && (i + 3 >= s.length() || !isWordChar(s.charAt(i + 3))))) {
        out.add("!");
        i++;
      } else {
        int j = i;
        if (c == '!') j++;
        while (j < s.length() && isWordChar(s.charAt(j))) j++;
        if (j == i) {
          out.add(String.valueOf(c));
          i++;
        } else {
          out.add(s.substring(i, j));
          i = j;
        }
      }
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == ':'
        || c == '.'
        || c == '-'
        || c == '_'
        || c == '*'
        || c == '/'
        || c == '?';
  }

  private @Nullable String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next(String expected) {
    if (pos >= tokens.size()) {
      throw error(expected + ", found the end");
    }
    return tokens.get(pos++);
  }

  private Expr or() {
    Expr left = and();
    while ("or".equals(peek()) || "||".equals(peek())) {
      pos++;
      Expr l = left;
      Expr r = and();
      left = m -> l.test(m) || r.test(m);
    }
    return left;
  }

  private Expr and() {
    Expr left = unary();
    while ("and".equals(peek()) || "&&".equals(peek())) {
      pos++;
      Expr l = left;
      Expr r = unary();
      left = m -> l.test(m) && r.test(m);
    }
    return left;
  }

  private Expr unary() {
    String t = peek();
    if ("not".equals(t) || "!".equals(t)) {
      pos++;
      Expr e = unary();
      return m -> !e.test(m);
    }
    if ("(".equals(t)) {
      pos++;
      Expr e = or();
      if (!")".equals(next("')'"))) {
        throw error("')'");
      }
      return e;
    }
    return comparison();
  }

  private Expr comparison() {
    String subject = next("a subject such as attribute:ecs.instance-type");
    if (!(subject.startsWith("attribute:") && subject.length() > 10
        || subject.equals("ec2InstanceId")
        || subject.equals("agentConnected")
        || subject.equals("runningTasksCount")
        || subject.equals("registeredAt")
        || subject.equals("agentVersion"))) {
      throw error(
          "a subject (attribute:<name>, ec2InstanceId, agentConnected, runningTasksCount), found '"
              + subject
              + "'");
    }
    String op = next("an operator (==, !=, >, >=, <, <=, =~, !~, in, !in, exists, !exists)");
    switch (op) {
      case "exists":
        return m -> m.containsKey(subject);
      case "!exists":
      case "not_exists":
        return m -> !m.containsKey(subject);
      case "in":
      case "!in":
      case "not_in":
        {
          List<String> values = list();
          boolean negate = !op.equals("in");
          return m -> {
            String v = m.get(subject);
            boolean in = v != null && values.contains(v);
            return negate ? v != null && !in : in;
          };
        }
      case "==":
      case "equals":
        {
          String value = value();
          return m -> value.equals(m.get(subject));
        }
      case "!=":
      case "not_equals":
        {
          String value = value();
          return m -> m.get(subject) != null && !value.equals(m.get(subject));
        }
      case "=~":
      case "matches":
      case "!~":
      case "not_matches":
        {
          Pattern p = glob(value());
          boolean negate = op.equals("!~") || op.equals("not_matches");
          return m -> {
            String v = m.get(subject);
            if (v == null) return false;
            return p.matcher(v).matches() != negate;
          };
        }
      case ">":
      case "greater_than":
      case ">=":
      case "greater_than_equal":
      case "<":
      case "less_than":
      case "<=":
      case "less_than_equal":
        {
          String value = value();
          double num;
          try {
            num = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw error("a number after " + op + ", found '" + value + "'");
          }
          return m -> {
            String v = m.get(subject);
            if (v == null) return false;
            double x;
            try {
              x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
              return false;
            }
            switch (op) {
              case ">":
              case "greater_than":
                return x > num;
              case ">=":
              case "greater_than_equal":
                return x >= num;
              case "<":
              case "less_than":
                return x < num;
              default:
                return x <= num;
            }
          };
        }
      default:
        throw error(
            "an operator (==, !=, >, >=, <, <=, =~, !~, in, !in, exists, !exists), found '"
                + op
                + "'");
    }
  }

  private String value() {
    String v = next("a value");
    boolean word = true;
    for (int i = 0; i < v.length(); i++)
      word &= isWordChar(v.charAt(i)) || i == 0 && v.charAt(i) == '!';
    if (!word || v.equals("and") || v.equals("or")) {
      throw error("a value, found '" + v + "'");
    }
    return v;
  }

  private List<String> list() {
    if (!"[".equals(next("'['"))) {
      pos--;
      throw error("a list such as [us-east-1a, us-east-1b], found '" + peek() + "'");
    }
    List<String> values = new ArrayList<>();
    while (true) {
      values.add(value());
      String t = next("',' or ']'");
      if (t.equals("]")) return List.copyOf(values);
      if (!t.equals(",")) throw error("',' or ']', found '" + t + "'");
    }
  }

  private static Pattern glob(String pattern) {
    String[] parts = pattern.split("\\*", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) sb.append(".*");
      if (!parts[i].isEmpty()) sb.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(sb.toString());
  }
}

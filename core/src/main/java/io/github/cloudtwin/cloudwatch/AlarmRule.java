package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed composite alarm rule (PutCompositeAlarm's {@code AlarmRule}): {@code ALARM(x)}, {@code
 * OK(x)} and {@code INSUFFICIENT_DATA(x)} of an alarm named by its name or ARN (in double quotes or
 * not), {@code TRUE}, {@code FALSE}, {@code NOT}, {@code AND}, {@code OR} (from the tightest
 * binding) and parentheses. A syntax error is a {@link ValidationException} naming the position
 * (counted from 1).
 */
final class AlarmRule {

  /** A node of the rule. */
  sealed interface Node permits Const, StateOf, Not, And, Or {}

  record Const(boolean value) implements Node {}

  /** {@code ALARM(x)} and its siblings; {@code alarm} as written (a name or an ARN). */
  record StateOf(AlarmState state, String alarm, int pos) implements Node {}

  record Not(Node operand) implements Node {}

  record And(Node left, Node right) implements Node {}

  record Or(Node left, Node right) implements Node {}

  private final String text;
  private int i;

  private AlarmRule(String text) {
    this.text = text;
  }

  /**
   * Parses a rule.
   *
   * @param rule the rule
   * @return its tree
   */
  static Node parse(String rule) {
    AlarmRule p = new AlarmRule(rule);
    Node n = p.or();
    p.skip();
    if (p.i < rule.length()) {
      throw p.error(
          p.i, "unexpected '" + rule.charAt(p.i) + "' (expected AND, OR or the end of the rule)");
    }
    return n;
  }

  /**
   * The alarms a rule names, as written, in order of appearance.
   *
   * @param node the rule
   * @return the names and ARNs
   */
  static Set<String> alarms(Node node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(Node n, Set<String> out) {
    if (n instanceof StateOf s) out.add(s.alarm());
    else if (n instanceof Not not) collect(not.operand(), out);
    else if (n instanceof And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (n instanceof Or o) {
      collect(o.left(), out);
      collect(o.right(), out);
    }
  }

  /**
   * Evaluates a rule.
   *
   * @param n the rule
   * @param stateOf the current state of an alarm, by the name or ARN the rule uses
   * @return whether the rule holds
   */
  static boolean holds(Node n, Function<String, AlarmState> stateOf) {
    if (n instanceof Const c) return c.value();
    if (n instanceof StateOf s) return stateOf.apply(s.alarm()) == s.state();
    if (n instanceof Not not) return !holds(not.operand(), stateOf);
    if (n instanceof And a) return holds(a.left(), stateOf) && holds(a.right(), stateOf);
    Or o = (Or) n;
    return holds(o.left(), stateOf) || holds(o.right(), stateOf);
  }

  private ValidationException error(int at, String what) {
    return new ValidationException(
        "AlarmRule", text, "a valid alarm rule: error at position " + (at + 1) + ": " + what);
  }

  private void skip() {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
  }

  private boolean word(String w) {
    skip();
    int end = i + w.length();
    if (text.startsWith(w, i) && (end == text.length() || !isWordPart(text.charAt(end)))) {
      i = end;
      return true;
    }
    return false;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private Node or() {
    Node left = and();
    while (word("OR")) left = new Or(left, and());
    return left;
  }

  private Node and() {
    Node left = not();
    while (word("AND")) left = new And(left, not());
    return left;
  }

  private Node not() {
    if (word("NOT")) return new Not(not());
    return primary();
  }

  private Node primary() {
    skip();
    if (i >= text.length())
      throw error(
          i,
          "the rule ends where ALARM(...), OK(...), INSUFFICIENT_DATA(...), TRUE, FALSE, NOT or '(' is expected");
    int start = i;
    if (text.charAt(i) == '(') {
      i++;
      Node inner = or();
      skip();
      if (i >= text.length() || text.charAt(i) != ')') {
        throw error(i, "expected a ')' closing the '(' at position " + (start + 1));
      }
      i++;
      return inner;
    }
    if (word("TRUE")) return new Const(true);
    if (word("FALSE")) return new Const(false);
    for (AlarmState s :
        new AlarmState[] {AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM, AlarmState.OK}) {
      if (word(s.name())) {
        skip();
        if (i >= text.length() || text.charAt(i) != '(')
          throw error(i, "expected '(' after " + s.name());
        i++;
        return new StateOf(s, alarmName(start), start + 1);
      }
    }
    int end = start;
    while (end < text.length() && isWordPart(text.charAt(end))) end++;
    String found = end > start ? text.substring(start, end) : String.valueOf(text.charAt(start));
    throw error(
        start,
        "unexpected '"
            + found
            + "' (expected ALARM(...), OK(...), INSUFFICIENT_DATA(...), TRUE, FALSE, NOT or"
            + " '('; the functions and operators are written in uppercase)");
  }

  /** The alarm name or ARN inside a function, quoted or not, up to the closing parenthesis. */
  private String alarmName(int functionAt) {
    skip();
    String name;
    if (i < text.length() && text.charAt(i) == '"') {
      int close = text.indexOf('"', i + 1);
      if (close < 0) throw error(i, "the quoted alarm name is not closed");
      name = text.substring(i + 1, close);
      i = close + 1;
      skip();
    } else {
      int close = text.indexOf(')', i);
      if (close < 0)
        throw error(
            functionAt, "expected a ')' closing the function at position " + (functionAt + 1));
      name = text.substring(i, close).strip();
      i = close;
    }
    if (i >= text.length() || text.charAt(i) != ')') {
      throw error(i, "expected a ')' closing the function at position " + (functionAt + 1));
    }
    i++;
    if (name.isEmpty()) throw error(functionAt, "the function names no alarm");
    return name;
  }
}

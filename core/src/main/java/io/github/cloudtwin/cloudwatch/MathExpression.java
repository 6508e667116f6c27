package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed metric math expression ("Metric math syntax and functions"): numbers, ids, strings (for
 * {@code METRICS("...")}), the keywords {@code REPEAT} and {@code LINEAR} (for {@code FILL}), array
 * literals {@code [m1, m2]}, function calls in uppercase, unary minus and the binary operators,
 * from the tightest binding: {@code ^} (right-associative), unary {@code -}, {@code * /}, {@code +
 * -}, the comparisons {@code == != < <= > >=}, {@code AND &&}, {@code OR ||}.
 *
 * <p>A syntax error is a {@link ValidationException} naming the query id and the position (counted
 * from 1) of the offending character.
 */
final class MathExpression {

  /** A node of the expression tree; {@code pos} is where it starts (from 1). */
  sealed interface Node permits Num, Ref, Str, Keyword, Neg, Binary, Call, Array {
    int pos();
  }

  record Num(double value, int pos) implements Node {}

  record Ref(String id, int pos) implements Node {}

  record Str(String text, int pos) implements Node {}

  record Keyword(String name, int pos) implements Node {}

  record Neg(Node operand, int pos) implements Node {}

  record Binary(String op, Node left, Node right, int pos) implements Node {}

  record Call(String function, List<Node> args, int pos) implements Node {}

  record Array(List<Node> items, int pos) implements Node {}

  private final String queryId;
  private final String text;
  private int i;

  private MathExpression(String queryId, String text) {
    this.queryId = queryId;
    this.text = text;
  }

  /**
   * Parses one expression.
   *
   * @param queryId the id of the query the expression belongs to (named in errors)
   * @param text the expression
   * @return the tree
   */
  static Node parse(String queryId, String text) {
    MathExpression p = new MathExpression(queryId, text);
    Node n = p.or();
    p.skipSpace();
    if (p.i < text.length()) {
      throw p.error(p.i, "unexpected '" + text.charAt(p.i) + "'");
    }
    return n;
  }

  ValidationException error(int at, String what) {
    return error(queryId, text, at + 1, what);
  }

  static ValidationException error(
      String queryId, @Nullable String text, int position, String what) {
    return new ValidationException(
        "Metrics[" + queryId + "].Expression",
        text,
        "a valid metric math expression: error in expression "
            + queryId
            + " at position "
            + position
            + ": "
            + what);
  }

  private void skipSpace() {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
  }

  private boolean eat(String token) {
    skipSpace();
    if (text.startsWith(token, i)) {
      boolean word = Character.isLetter(token.charAt(0));
      int end = i + token.length();
      if (word && end < text.length() && isIdentPart(text.charAt(end))) {
        return false;
      }
      i = end;
      return true;
    }
    return false;
  }

  private Node or() {
    Node left = and();
    while (true) {
      int at = peekPos();
      if (eat("||") || eat("OR")) {
        left = new Binary("OR", left, and(), at);
      } else {
        return left;
      }
    }
  }

  private Node and() {
    Node left = comparison();
    while (true) {
      int at = peekPos();
      if (eat("&&") || eat("AND")) {
        left = new Binary("AND", left, comparison(), at);
      } else {
        return left;
      }
    }
  }

  private Node comparison() {
    Node left = additive();
    while (true) {
      int at = peekPos();
      String op = null;
      for (String c : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
        if (eat(c)) {
          op = c;
          break;
        }
      }
      if (op == null) return left;
      left = new Binary(op, left, additive(), at);
    }
  }

  private Node additive() {
    Node left = multiplicative();
    while (true) {
      int at = peekPos();
      if (eat("+")) {
        left = new Binary("+", left, multiplicative(), at);
      } else if (eat("-")) {
        left = new Binary("-", left, multiplicative(), at);
      } else {
        return left;
      }
    }
  }

  private Node multiplicative() {
    Node left = unary();
    while (true) {
      int at = peekPos();
      if (eat("*")) {
        left = new Binary("*", left, unary(), at);
      } else if (eat("/")) {
        left = new Binary("/", left, unary(), at);
      } else {
        return left;
      }
    }
  }

  private Node unary() {
    int at = peekPos();
    if (eat("-")) {
      return new Neg(unary(), at);
    }
    return power();
  }

  private Node power() {
    Node base = primary();
    int at = peekPos();
    if (eat("^")) {
      return new Binary("^", base, unary(), at);
    }
    return base;
  }

  private int peekPos() {
    skipSpace();
    return i + 1;
  }

  private Node primary() {
    skipSpace();
    if (i >= text.length()) {
      throw error(i, "the expression ends where an operand is expected");
    }
    int start = i;
    char c = text.charAt(i);
    if (c == '(') {
      i++;
      Node inner = or();
      expect(')', "a ')' closing the '(' at position " + (start + 1));
      return inner;
    }
    if (c == '[') {
      i++;
      List<Node> items = new ArrayList<>();
      skipSpace();
      if (i < text.length() && text.charAt(i) == ']') {
        throw error(i, "an array needs at least one time series");
      }
      do {
        items.add(or());
      } while (eat(","));
      expect(']', "a ']' closing the '[' at position " + (start + 1));
      return new Array(List.copyOf(items), start + 1);
    }
    if (c == '"') {
      int end = text.indexOf('"', i + 1);
      if (end < 0) {
        throw error(i, "the string is not closed");
      }
      i = end + 1;
      return new Str(text.substring(start + 1, end), start + 1);
    }
    if (Character.isDigit(c) || c == '.') {
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
      if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
        int save = i;
        i++;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
        if (i < text.length() && Character.isDigit(text.charAt(i))) {
          while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
        } else {
          i = save;
        }
      }
      String number = text.substring(start, i);
      try {
        return new Num(Double.parseDouble(number), start + 1);
      } catch (NumberFormatException e) {
        throw error(start, "'" + number + "' is not a number");
      }
    }
    if (Character.isLetter(c) || c == '_') {
      while (i < text.length() && isIdentPart(text.charAt(i))) i++;
      String word = text.substring(start, i);
      skipSpace();
      if (i < text.length() && text.charAt(i) == '(') {
        if (!word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
          throw error(
              start,
              "unknown function '"
                  + word
                  + "' (function names are written in uppercase, such as SUM)");
        }
        i++;
        List<Node> args = new ArrayList<>();
        skipSpace();
        if (i < text.length() && text.charAt(i) == ')') {
          i++;
        } else {
          do {
            args.add(or());
          } while (eat(","));
          expect(')', "a ')' closing the call of " + word + " at position " + (start + 1));
        }
        return new Call(word, List.copyOf(args), start + 1);
      }
      if (word.equals("REPEAT") || word.equals("LINEAR")) {
        return new Keyword(word, start + 1);
      }
      return new Ref(word, start + 1);
    }
    throw error(i, "unexpected '" + c + "'");
  }

  private void expect(char close, String what) {
    skipSpace();
    if (i < text.length() && text.charAt(i) == close) {
      i++;
      return;
    }
    throw error(
        i,
        i < text.length()
            ? "expected " + what + ", found '" + text.charAt(i) + "'"
            : "expected " + what + " before the end");
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}

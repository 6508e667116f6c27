package io.github.cloudtwin.cloudwatch;

/**
 * The arithmetic of metric math on single values: the operators (a missing operand or a non-finite
 * result is missing) and the SUM, AVG, MIN and MAX aggregates over the values that are not missing.
 */
final class MathFunctions {

  private MathFunctions() {}

  /** One operator on two values; a missing operand or a non-finite result (x / 0) is missing. */
  static double apply(String op, double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
    double v =
        switch (op) {
          case "+" -> a + b;
          case "-" -> a - b;
          case "*" -> a * b;
          case "/" -> a / b;
          case "^" -> Math.pow(a, b);
          case "==" -> a == b ? 1 : 0;
          case "!=" -> a != b ? 1 : 0;
          case "<" -> a < b ? 1 : 0;
          case "<=" -> a <= b ? 1 : 0;
          case ">" -> a > b ? 1 : 0;
          case ">=" -> a >= b ? 1 : 0;
          case "AND" -> a != 0 && b != 0 ? 1 : 0;
          case "OR" -> a != 0 || b != 0 ? 1 : 0;
          default -> throw new IllegalStateException(op);
        };
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** SUM, AVG, MIN or MAX over the values that are not missing; NaN when all are. */
  static double aggregate(String function, double[] values) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double v : values) {
      if (Double.isNaN(v)) continue;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      n++;
    }
    if (n == 0) return Double.NaN;
    return switch (function) {
      case "SUM" -> sum;
      case "AVG" -> sum / n;
      case "MIN" -> min;
      default -> max;
    };
  }
}

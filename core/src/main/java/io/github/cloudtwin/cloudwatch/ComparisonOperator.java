package io.github.cloudtwin.cloudwatch;

/** How an alarm compares its statistic with its threshold, with AWS's names. */
public enum ComparisonOperator {
  /** statistic >= threshold. */
  GreaterThanOrEqualToThreshold(">="),
  /** statistic > threshold. */
  GreaterThanThreshold(">"),
  /** statistic < threshold. */
  LessThanThreshold("<"),
  /** statistic <= threshold. */
  LessThanOrEqualToThreshold("<=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** Whether {@code value} breaches {@code threshold}. */
  public boolean breaches(double value, double threshold) {
    switch (this) {
      case GreaterThanOrEqualToThreshold:
        return value >= threshold;
      case GreaterThanThreshold:
        return value > threshold;
      case LessThanThreshold:
        return value < threshold;
      default:
        return value <= threshold;
    }
  }

  /** The operator as a symbol, such as {@code >=}. */
  public String symbol() {
    return symbol;
  }

  /** The words AWS uses in reason text, such as "greater than or equal to". */
  public String words() {
    switch (this) {
      case GreaterThanOrEqualToThreshold:
        return "greater than or equal to";
      case GreaterThanThreshold:
        return "greater than";
      case LessThanThreshold:
        return "less than";
      default:
        return "less than or equal to";
    }
  }
}

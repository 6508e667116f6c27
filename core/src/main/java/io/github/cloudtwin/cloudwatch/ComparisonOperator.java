package io.github.cloudtwin.cloudwatch;

import org.apiguardian.api.API;

/** How an alarm compares its statistic with its threshold, with AWS's names. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ComparisonOperator {
  /** statistic {@code >=} threshold. */
  GreaterThanOrEqualToThreshold(">="),
  /** statistic {@code >} threshold. */
  GreaterThanThreshold(">"),
  /** statistic {@code <} threshold. */
  LessThanThreshold("<"),
  /** statistic {@code <=} threshold. */
  LessThanOrEqualToThreshold("<=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /**
   * Whether {@code value} breaches {@code threshold}.
   *
   * @param value the value
   * @param threshold the threshold
   * @return whether {@code value} breaches {@code threshold}
   */
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

  /** {@return the operator as a symbol, such as {@code >=}} */
  public String symbol() {
    return symbol;
  }

  /** {@return the words AWS uses in reason text, such as "greater than or equal to"} */
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

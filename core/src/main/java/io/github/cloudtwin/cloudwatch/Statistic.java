package io.github.cloudtwin.cloudwatch;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A statistic over the datapoints of one period: {@code SampleCount}, {@code Average}, {@code Sum},
 * {@code Minimum}, {@code Maximum}, or a percentile such as {@code p99} (AWS's {@code
 * ExtendedStatistic}).
 *
 * @param name the statistic as AWS writes it
 * @param percentile for percentiles, the fraction in (0, 1) (p99 = 0.99); NaN otherwise
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Statistic(String name, double percentile) {

  /** The number of samples. */
  public static final Statistic SAMPLE_COUNT = new Statistic("SampleCount", Double.NaN);

  /** Sum divided by SampleCount. */
  public static final Statistic AVERAGE = new Statistic("Average", Double.NaN);

  /** The sum of all samples. */
  public static final Statistic SUM = new Statistic("Sum", Double.NaN);

  /** The lowest sample. */
  public static final Statistic MINIMUM = new Statistic("Minimum", Double.NaN);

  /** The highest sample. */
  public static final Statistic MAXIMUM = new Statistic("Maximum", Double.NaN);

  /**
   * Validates.
   *
   * @param name the statistic as AWS writes it
   * @param percentile for percentiles, the fraction in (0, 1) (p99 = 0.99); NaN otherwise
   */
  public Statistic {
    Require.name("statistic", name);
  }

  /**
   * A percentile statistic: {@code percentile(99)} is {@code p99}.
   *
   * @param p the percentile, such as 99 or 99.9
   * @return a percentile statistic: {@code percentile(99)} is {@code p99}
   */
  public static Statistic percentile(double p) {
    if (!(p > 0 && p < 100)) {
      throw new ValidationException(
          "extendedStatistic", p, "a percentile between 0 and 100 (exclusive)");
    }
    String text = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    return new Statistic("p" + text, p / 100.0);
  }

  /**
   * Parses {@code Average}, {@code Sum}, {@code SampleCount}, {@code Minimum}, {@code Maximum} or
   * {@code pNN}.
   *
   * @param text the text
   * @return the statistic with that name
   */
  public static Statistic parse(String text) {
    Require.name("statistic", text);
    switch (text) {
      case "SampleCount":
        return SAMPLE_COUNT;
      case "Average":
        return AVERAGE;
      case "Sum":
        return SUM;
      case "Minimum":
        return MINIMUM;
      case "Maximum":
        return MAXIMUM;
      default:
        break;
    }
    if (text.toLowerCase(Locale.ROOT).startsWith("p")) {
      try {
        return percentile(Double.parseDouble(text.substring(1)));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new ValidationException(
        "statistic",
        text,
        "one of SampleCount, Average, Sum, Minimum, Maximum, or a percentile p0.0 to p99.99");
  }

  /** {@return whether this is a percentile (an extended statistic)} */
  public boolean isPercentile() {
    return !Double.isNaN(percentile);
  }

  @Override
  public String toString() {
    return name;
  }
}

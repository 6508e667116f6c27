package io.github.cloudtwin.cloudwatch;

/**
 * The statistic of one bucket of an alarm's evaluation range, read from a {@link MetricSeries}
 * without looking the statistic up by name: {@link MetricSeries#statisticBetween(int, int,
 * Statistic)}'s arithmetic, in the same order, so the same doubles. Stateless.
 */
final class BucketReads {

  /** The statistics by number ({@link #kindOf}). */
  static final int SAMPLE_COUNT = 0;

  static final int SUM = 1;
  static final int AVERAGE = 2;
  static final int MINIMUM = 3;
  static final int MAXIMUM = 4;
  static final int PERCENTILE = 5;

  private BucketReads() {}

  /** {@return the number of {@code stat} for {@link #statistic}} */
  static int kindOf(Statistic stat) {
    if (stat.isPercentile()) return PERCENTILE;
    switch (stat.name()) {
      case "SampleCount":
        return SAMPLE_COUNT;
      case "Sum":
        return SUM;
      case "Average":
        return AVERAGE;
      case "Minimum":
        return MINIMUM;
      case "Maximum":
        return MAXIMUM;
      default:
        throw new IllegalStateException("unknown statistic " + stat);
    }
  }

  /**
   * The statistic numbered {@code kind} over the samples at indexes {@code a <= i < b} of {@code
   * s}, which hold {@code count} samples ({@link MetricSeries#sampleCountBetween}, more than 0):
   * the double {@link MetricSeries#statisticBetween(int, int, Statistic)} gives.
   */
  static double statistic(MetricSeries s, int a, int b, double count, int kind, Statistic stat) {
    switch (kind) {
      case SAMPLE_COUNT:
        return count;
      case SUM:
        return sum(s, a, b);
      case AVERAGE:
        return sum(s, a, b) / count;
      case MINIMUM:
        {
          double m = Double.POSITIVE_INFINITY;
          for (int i = a; i < b; i++) m = Math.min(m, s.min(i));
          return m;
        }
      case MAXIMUM:
        {
          double m = Double.NEGATIVE_INFINITY;
          for (int i = a; i < b; i++) m = Math.max(m, s.max(i));
          return m;
        }
      default:
        return s.statisticBetween(a, b, stat);
    }
  }

  private static double sum(MetricSeries s, int a, int b) {
    double sum = 0;
    for (int i = a; i < b; i++) sum += s.sum(i);
    return sum;
  }
}

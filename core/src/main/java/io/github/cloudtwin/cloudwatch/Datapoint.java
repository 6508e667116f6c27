package io.github.cloudtwin.cloudwatch;

import java.time.Instant;

/**
 * One statistic over one period, as {@code GetMetricStatistics} returns it.
 *
 * @param timestamp the start of the period
 * @param value the statistic's value
 * @param sampleCount how many samples the period held
 */
public record Datapoint(Instant timestamp, double value, double sampleCount) {}

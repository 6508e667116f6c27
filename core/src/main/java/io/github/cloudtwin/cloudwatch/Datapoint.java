package io.github.cloudtwin.cloudwatch;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One statistic over one period, as {@code GetMetricStatistics} returns it.
 *
 * @param timestamp the start of the period
 * @param value the statistic's value
 * @param sampleCount how many samples the period held
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record Datapoint(Instant timestamp, double value, double sampleCount) {}

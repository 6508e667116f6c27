/**
 * The CloudWatch twin: the metric store, injected and published datapoints, metric math and metric
 * alarms with their evaluation and state history.
 */
@NullMarked
package io.github.cloudtwin.cloudwatch;

import org.jspecify.annotations.NullMarked;

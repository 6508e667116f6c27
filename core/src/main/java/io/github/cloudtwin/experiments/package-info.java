/**
 * Resilience experiments as AWS Fault Injection Service has them (actions with targets, start
 * offsets and durations, stop conditions on CloudWatch alarms), run on the twin's clock, and their
 * results: what each action did and what the users saw, minute by minute.
 */
@NullMarked
package io.github.cloudtwin.experiments;

import org.jspecify.annotations.NullMarked;

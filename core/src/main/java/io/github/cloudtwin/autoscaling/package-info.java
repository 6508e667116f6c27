/**
 * The EC2 Auto Scaling twin: groups and their specs, instance lifecycle and lifecycle hooks,
 * scaling policies (simple, step, target tracking), scheduled actions, warm pools, instance
 * refreshes, traffic sources and the activity log.
 */
@NullMarked
package io.github.cloudtwin.autoscaling;

import org.jspecify.annotations.NullMarked;

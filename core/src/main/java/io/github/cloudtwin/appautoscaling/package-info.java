/**
 * Application Auto Scaling for ECS services: scalable targets, step and target tracking policies,
 * and their activities.
 */
@NullMarked
package io.github.cloudtwin.appautoscaling;

import org.jspecify.annotations.NullMarked;

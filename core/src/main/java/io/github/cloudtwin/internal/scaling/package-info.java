/**
 * Internal, not API: the scaling engine that EC2 Auto Scaling policies, Application Auto Scaling
 * and ECS managed scaling share (adjustments and AWS's rounding, step intervals, target tracking
 * capacity, the target tracking alarm pair, same-instant proposals). Its types may change in any
 * release; use the services' own types ({@code autoscaling}, {@code appautoscaling}, {@code ecs}).
 */
@NullMarked
package io.github.cloudtwin.internal.scaling;

import org.jspecify.annotations.NullMarked;

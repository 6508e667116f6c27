package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Kernel;

/**
 * What every target group of one twin shares: the kernel, the default target behaviour its health
 * checks ask, the routing snapshots its health changes make stale, and the health listeners it
 * tells.
 *
 * @param kernel the kernel
 * @param defaults the behaviour of targets without their own
 * @param routing the routing snapshots of the load balancers
 * @param listeners the target health listeners
 */
record TargetGroupContext(
    Kernel kernel,
    TargetDefaults defaults,
    RoutingSnapshots routing,
    TargetHealthListeners listeners) {}

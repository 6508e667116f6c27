/**
 * The {@code ElasticLoadBalancingV2Client} handlers: load balancers, target groups, listeners and
 * rules, targets, and the waiters.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal.elb;

import org.jspecify.annotations.NullMarked;

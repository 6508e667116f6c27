/**
 * The Elastic Load Balancing twin: load balancers (Application and Network), listeners and their
 * rules, target groups with registration, health checks and deregistration delay, request routing
 * over the targets, and the load balancer and target group metrics.
 */
@NullMarked
package io.github.cloudtwin.elb;

import org.jspecify.annotations.NullMarked;

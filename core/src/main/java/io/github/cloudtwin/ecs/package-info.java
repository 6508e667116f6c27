/**
 * The ECS twin: clusters, container instances, task definitions, tasks and their lifecycle,
 * services with deployments and the circuit breaker, placement, capacity providers with managed
 * scaling, the task runtimes and the cluster and service metrics.
 */
@NullMarked
package io.github.cloudtwin.ecs;

import org.jspecify.annotations.NullMarked;

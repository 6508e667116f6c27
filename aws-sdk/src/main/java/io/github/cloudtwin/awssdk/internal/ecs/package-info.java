/**
 * The {@code EcsClient} handler: clusters, capacity providers, task definitions, services, tasks
 * and container instances, and the waiters.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal.ecs;

import org.jspecify.annotations.NullMarked;

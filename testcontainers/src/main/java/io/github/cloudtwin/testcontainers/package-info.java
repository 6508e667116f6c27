/** Testcontainers integration: ECS tasks and load balancer targets backed by real containers. */
@NullMarked
package io.github.cloudtwin.testcontainers;

import org.jspecify.annotations.NullMarked;

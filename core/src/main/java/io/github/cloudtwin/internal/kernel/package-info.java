/**
 * Internal, not API: the simulation kernel (virtual clock, scheduler, periodic ticks, seeded
 * randomness, the lock) and the argument checks every service shares. Public only because core's
 * service packages use it; not exported to users (the module exports it to CloudTwin's JUnit and
 * Testcontainers modules only, for {@link io.github.cloudtwin.internal.kernel.Require}). Extensions
 * use {@link io.github.cloudtwin.spi.Simulation}.
 */
@NullMarked
package io.github.cloudtwin.internal.kernel;

import org.jspecify.annotations.NullMarked;

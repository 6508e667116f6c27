/**
 * The simulation kernel: virtual clock, scheduler, periodic ticks, timeline, seeded randomness and
 * input validation. It knows no AWS service.
 */
@NullMarked
package io.github.cloudtwin.kernel;

import org.jspecify.annotations.NullMarked;

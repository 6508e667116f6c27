/** Request workloads over virtual time: constant, ramp, steps, spike, sine and replayed rates. */
@NullMarked
package io.github.cloudtwin.traffic;

import org.jspecify.annotations.NullMarked;

/** Fault injection on the virtual clock: zone outages and their scheduling. */
@NullMarked
package io.github.cloudtwin.faults;

import org.jspecify.annotations.NullMarked;

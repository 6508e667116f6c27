/**
 * What every test sees of the simulation kernel: the timeline and its events, the format that
 * renders them, the exceptions a twin throws ({@link
 * io.github.cloudtwin.kernel.ValidationException}, {@link
 * io.github.cloudtwin.kernel.TwinClosedException}) and the ARNs it makes. The kernel itself (clock,
 * scheduler, lock) is internal.
 */
@NullMarked
package io.github.cloudtwin.kernel;

import org.jspecify.annotations.NullMarked;

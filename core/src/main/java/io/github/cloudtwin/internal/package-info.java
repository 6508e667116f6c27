/**
 * Internal, not API: the wiring between services (injection targets, metric overrides, target
 * registration). Its types may change in any release.
 */
@NullMarked
package io.github.cloudtwin.internal;

import org.jspecify.annotations.NullMarked;

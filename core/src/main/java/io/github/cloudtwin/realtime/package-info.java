/**
 * Real-time mode: virtual time follows the wall clock at a chosen speed ({@link
 * io.github.cloudtwin.realtime.RealTimeDriver}).
 */
@NullMarked
package io.github.cloudtwin.realtime;

import org.jspecify.annotations.NullMarked;

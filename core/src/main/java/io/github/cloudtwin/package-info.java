/**
 * The entry point: {@link io.github.cloudtwin.CloudTwin}, its builder and its validated
 * configuration, and the wiring that connects one twin's services.
 */
@NullMarked
package io.github.cloudtwin;

import org.jspecify.annotations.NullMarked;

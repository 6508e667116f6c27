/**
 * The {@code ApplicationAutoScalingClient} handler.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal.appautoscaling;

import org.jspecify.annotations.NullMarked;

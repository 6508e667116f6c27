/**
 * The {@code AutoScalingClient} handlers: SDK requests to operation calls, twin views to SDK
 * responses, the waiters.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal.autoscaling;

import org.jspecify.annotations.NullMarked;

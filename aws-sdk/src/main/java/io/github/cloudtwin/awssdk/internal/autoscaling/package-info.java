/**
 * The {@code AutoScalingClient} handlers: SDK requests to operation calls, twin views to SDK
 * responses, the waiters.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
package io.github.cloudtwin.awssdk.internal.autoscaling;

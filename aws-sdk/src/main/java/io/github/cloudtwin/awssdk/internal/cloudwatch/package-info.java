/**
 * The {@code CloudWatchClient} handlers: metrics and alarms, SDK requests to operation calls and
 * back, the waiters.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal.cloudwatch;

import org.jspecify.annotations.NullMarked;

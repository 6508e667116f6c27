/**
 * The machinery under the clients: the proxy that dispatches a client interface to its handlers,
 * the SDK errors, the virtual-time waiter loop.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal;

import org.jspecify.annotations.NullMarked;

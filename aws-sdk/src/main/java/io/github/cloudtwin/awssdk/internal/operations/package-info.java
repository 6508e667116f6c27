/**
 * The services' API operations over the twin with no SDK type: validation, defaults, error codes,
 * pagination and ARNs, shared by the SDK clients and any wire protocol.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal.operations;

import org.jspecify.annotations.NullMarked;

/**
 * Internal: request decoding and response encoding per protocol (awsQuery, AWS JSON, Smithy RPC v2
 * CBOR), routing and the loopback server. Not API: may change in any release.
 */
@NullMarked
package io.github.cloudtwin.awswire.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The AWS services' wire protocols over the twin: the in-process SDK HTTP service and client, and
 * the opt-in loopback endpoint with its control API.
 */
@NullMarked
package io.github.cloudtwin.awswire;

import org.jspecify.annotations.NullMarked;

/**
 * The {@code Ec2Client} handler: instances, zones, subnets and launch templates, and the waiters.
 *
 * <p>Internal: not API, no compatibility promise; use {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}.
 */
@NullMarked
package io.github.cloudtwin.awssdk.internal.ec2;

import org.jspecify.annotations.NullMarked;

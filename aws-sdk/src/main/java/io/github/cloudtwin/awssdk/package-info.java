/**
 * The AWS SDK for Java v2 clients answered in-process by a twin: {@link
 * io.github.cloudtwin.awssdk.AwsSdkClients}, and their injection into JUnit tests.
 */
@NullMarked
package io.github.cloudtwin.awssdk;

import org.jspecify.annotations.NullMarked;

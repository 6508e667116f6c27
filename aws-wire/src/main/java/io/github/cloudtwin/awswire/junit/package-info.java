/**
 * JUnit Jupiter support: {@code @BindSdkClients} answers SDK clients a test's code builds itself
 * from the test's twin.
 */
@NullMarked
package io.github.cloudtwin.awswire.junit;

import org.jspecify.annotations.NullMarked;

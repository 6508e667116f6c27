/**
 * The JUnit Jupiter extension: {@link io.github.cloudtwin.junit.CloudTwinTest} and {@link
 * io.github.cloudtwin.junit.CloudTwinExtension} create a twin per test (or per class), inject it
 * and its services into fields and parameters, and write the per-test report.
 */
@NullMarked
package io.github.cloudtwin.junit;

import org.jspecify.annotations.NullMarked;

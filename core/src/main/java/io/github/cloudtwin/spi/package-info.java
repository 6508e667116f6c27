/**
 * SPI: the extension points of a twin, for CloudTwin's own modules (JUnit, Testcontainers,
 * CloudFormation) and for anyone extending a twin; not needed to write tests. {@link
 * io.github.cloudtwin.spi.Simulation} is a twin's lock and virtual-clock scheduler as an extension
 * sees it.
 */
@NullMarked
package io.github.cloudtwin.spi;

import org.jspecify.annotations.NullMarked;

/**
 * SPI of the JUnit module: how other modules (the AWS SDK clients, Testcontainers) and users extend
 * {@code @CloudTwinTest} — annotations that shape a twin ({@link
 * io.github.cloudtwin.junit.spi.ContributesToTwin}, {@link
 * io.github.cloudtwin.junit.spi.TwinContributor}) and values injected into test fields and
 * parameters ({@link io.github.cloudtwin.junit.spi.InjectableProvider}, found by the service
 * loader). Not needed to write tests; may change in any release.
 */
@NullMarked
package io.github.cloudtwin.junit.spi;

import org.jspecify.annotations.NullMarked;
